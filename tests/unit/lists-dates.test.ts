import { describe, expect, test } from 'vitest';
import { daysBefore, daysBetween, parseDeadline } from '../../shared/domain/dates';
import { maskName, maskPhone } from '../../shared/domain/mask';

describe('完成时限 as 责任分解表 write it', () => {
  test.each([
    ['9月底前', '2025-09-30'],
    ['9月底', '2025-09-30'],
    ['２月底前', '2025-02-28'],
    ['10月中旬前', '2025-10-20'],
    ['10月上旬', '2025-10-10'],
    ['2025年10月', '2025-10-31'],
    ['2025.10', '2025-10-31'],
    ['2026-02', '2026-02-28'],
    ['2024年2月', '2024-02-29'],
    ['年底前', '2025-12-31'],
    ['2026年底', '2026-12-31'],
    ['2025年10月30日', '2025-10-30'],
    ['2025.9.15', '2025-09-15'],
    [' 2025 年 11 月 ', '2025-11-30'],
  ])('%s → %s', (text, iso) => {
    expect(parseDeadline(text, 2025)).toEqual({ date: iso, longTerm: false });
  });

  test('长期坚持 has no deadline and is flagged 长期', () => {
    for (const t of ['长期坚持', '长期', '常态化'])
      expect(parseDeadline(t, 2025)).toEqual({ date: null, longTerm: true });
  });

  test('what is not a deadline is refused', () => {
    for (const t of ['', '尽快', '13月底', '10', '2025年13月', '下半年']) expect(parseDeadline(t, 2025)).toBeNull();
  });

  test('day arithmetic across months and years', () => {
    expect(daysBetween('2025-12-25', '2026-01-04')).toBe(10);
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });
});

describe('masking residents’ contacts', () => {
  test('phones keep their head and tail', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0571-88886666')).toBe('0571-******66');
    expect(maskPhone('')).toBe('');
  });
  test('names keep the family name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
  });
});
