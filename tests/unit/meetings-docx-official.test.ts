import { describe, expect, test } from 'vitest';
import {
  BODY_CHAR_SPACING,
  LINE_PITCH,
  TEXT_WIDTH,
  buildOfficialDocx,
  officialDate,
} from '../../electron/files/docx-official';
import { docxParts, docxText } from '../helpers/docx-read';

const sample = () =>
  buildOfficialDocx({
    title: '2025年第二次大工委联席会议纪要',
    subtitle: ['（2025年7月28日）'],
    mainRecipient: '各共建单位',
    blocks: [
      { kind: 'heading1', text: '一、会议议题' },
      { kind: 'heading2', text: '（一）上次会议议定事项落实情况' },
      { kind: 'paragraph', text: '会议听取了各单位汇报。\n第二段 <&> 文字。' },
      { kind: 'table', headers: ['序号', '单位', '签名'], rows: [['1', '区人民医院', '']], widths: [1, 4, 3] },
    ],
    signature: ['中共某某街道工作委员会'],
    date: '2025-07-28',
  });

describe('GB/T 9704 official .docx', () => {
  test('page: A4, margins 37/35/28/26 mm, 22 lines × 28 characters grid', async () => {
    const parts = await docxParts(await sample());
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    // 37 mm = 2098 twips, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
    expect(mar).toContain('w:right="1474"');
    const grid = /<w:docGrid ([^>]*)\/>/.exec(doc)![1]!;
    expect(grid).toContain('w:type="lines"');
    expect(grid).toContain(`w:linePitch="${LINE_PITCH}"`);
    // 22 lines fill (297 − 37 − 35) mm, a 23rd does not.
    expect(LINE_PITCH * 22).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(LINE_PITCH * 23).toBeGreaterThan(16838 - 2098 - 1984);
    // 28 characters of 3号 (320 twips) with the body's character spacing fit (210 − 28 − 26) mm, 29 do not.
    expect(TEXT_WIDTH).toBe(11906 - 1587 - 1474);
    expect(28 * (320 + BODY_CHAR_SPACING)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * (320 + BODY_CHAR_SPACING)).toBeGreaterThan(TEXT_WIDTH);
    // Widow control would push lines to the next page and leave pages short of 22 lines.
    expect(parts['word/styles.xml']).toContain('<w:widowControl w:val="false"/>');
    // body lines have an exact pitch equal to the grid's
    expect(doc).toMatch(new RegExp(`<w:spacing [^>]*w:line="${LINE_PITCH}" w:lineRule="exact"`));
  });

  test('fonts with eastAsia attribute and sizes: title 2号 小标宋, body 3号 仿宋, headings 黑体 / 楷体', async () => {
    const doc = (await docxParts(await sample()))['word/document.xml']!;
    const runOf = (text: string) => {
      const i = doc.indexOf(`>${text}</w:t>`);
      expect(i).toBeGreaterThan(0);
      const start = doc.lastIndexOf('<w:r>', i);
      return doc.slice(start, i);
    };
    expect(runOf('2025年第二次大工委联席会议纪要')).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(runOf('2025年第二次大工委联席会议纪要')).toContain('<w:sz w:val="44"/>');
    expect(runOf('一、会议议题')).toMatch(/w:eastAsia="黑体"/);
    expect(runOf('（一）上次会议议定事项落实情况')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(runOf('会议听取了各单位汇报。')).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(runOf('会议听取了各单位汇报。')).toContain('<w:sz w:val="32"/>');
    expect(runOf('会议听取了各单位汇报。')).toContain(`<w:spacing w:val="${BODY_CHAR_SPACING}"/>`);
    expect(runOf('一、会议议题')).toContain(`<w:spacing w:val="${BODY_CHAR_SPACING}"/>`);
    // The Normal style names the body font and size itself (LibreOffice and WPS read them from there).
    const styles = (await docxParts(await sample()))['word/styles.xml']!;
    expect(styles).toMatch(/w:styleId="Normal"[^]*?w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>[^]*?<\/w:style>/);
    const text = docxText(doc);
    expect(text).toContain('各共建单位：');
    expect(text).toContain('第二段 <&> 文字。');
    expect(text).toContain('区人民医院');
    expect(text).toContain('2025年7月28日');
  });

  test('page numbers "— n —" in 4号 at the outside corners of odd and even pages', async () => {
    const parts = await docxParts(await sample());
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders');
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    const footers = Object.entries(parts)
      .filter(([n]) => /word\/footer\d+\.xml/.test(n))
      .map(([, x]) => x);
    expect(footers).toHaveLength(2);
    const aligns = footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort();
    expect(aligns).toEqual(['left', 'right']);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(docxText(f).replace(/\s/g, '')).toBe('——');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
  });

  test('dates are written the official way', () => {
    expect(officialDate('2025-07-08')).toBe('2025年7月8日');
    expect(officialDate('二〇二五年')).toBe('二〇二五年');
  });
});
