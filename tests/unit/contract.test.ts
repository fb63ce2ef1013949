import { describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../shared/contract';
import { testCore } from '../helpers/core';

describe('the contract at the main side', () => {
  it('names every channel area.verb, once', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(new Set(channelNames).size).toBe(Object.keys(contract).length);
  });

  it('has no channel that runs arbitrary SQL', () => {
    expect(channelNames.filter((c) => /sql|query|exec|raw/i.test(c))).toEqual([]);
  });

  it.each([
    ['units.save', { name: '', category: '机关' }, '请填写单位名称'],
    ['units.save', { name: '某单位', category: '外星组织' }, '请选择单位类别'],
    ['units.save', { name: 'x'.repeat(101), category: '机关' }, '不能超过100个字'],
    ['units.save', { name: '带\u0000控制符', category: '机关' }, '控制字符'],
    ['units.list', { pageSize: 1000 }, '每页条数不能大于100'],
    ['units.get', { id: -1 }, '请选择记录'],
    ['units.get', { id: '1; DROP TABLE units' }, '记录应为数字'],
    ['pairings.save', { unitId: 1, communityId: 1, signedOn: '2025/7/28' }, '签约日期应为'],
    ['settings.save', { streetName: '  ', committeeName: 'x' }, '请填写街道名称'],
  ])('rejects a bad %s payload with a Chinese message', async (channel, payload, expected) => {
    const core = await testCore();
    const res = await core.raw(channel, payload);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.code).toBe('INVALID_INPUT');
      expect(res.message).toContain(expected);
    }
  });

  it('refuses an unknown channel and non-object input', async () => {
    const core = await testCore();
    expect(await core.raw('db.exec', { sql: 'DELETE FROM units' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await core.raw('__proto__', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await core.raw('units.save', 'DROP TABLE units')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
