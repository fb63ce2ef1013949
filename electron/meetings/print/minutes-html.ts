import type { OfficialBlock, OfficialDocument } from '../../files/docx-official';
import { officialDate } from '../../files/docx-official';

/**
 * The print template for PDF: the same official document as the .docx, laid out with CSS for A4 with the
 * GB/T 9704 margins, and printed by Chromium (Electron's printToPDF, or page.pdf in tests) with PRINT_OPTIONS.
 * All text is escaped: minutes are typed by clerks and may contain < or &.
 */

export const PRINT_OPTIONS = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  // Chromium's footer template: page number "— 1 —" in 4号 (14 pt), centred (a PDF for printing is single-sided).
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="width:100%;text-align:center;font-size:14pt;font-family:\'宋体\',\'Noto Serif CJK SC\',serif">— <span class="pageNumber"></span> —</div>',
} as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { margin: 0; font-family: '仿宋_GB2312', '仿宋', 'FangSong', 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 28.95pt; }
h1.title { font-family: '方正小标宋简体', '小标宋', 'Noto Serif CJK SC', serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0; line-height: 28.95pt; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.center { text-align: center; }
p.sub { text-align: center; font-family: '楷体_GB2312', '楷体', 'KaiTi', 'AR PL UKai CN', serif; }
p.h1 { text-indent: 2em; font-family: '黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif; }
p.h2 { text-indent: 2em; font-family: '楷体_GB2312', '楷体', 'KaiTi', 'AR PL UKai CN', serif; }
p.right { text-align: right; padding-right: 4em; }
table { width: 100%; border-collapse: collapse; font-size: 14pt; line-height: 1.5; margin: 0 0 28.95pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; }
th { font-family: '黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif; font-weight: normal; }
tr { break-inside: avoid; }
`;

function block(b: OfficialBlock): string {
  switch (b.kind) {
    case 'paragraph': {
      const cls = b.align ? b.align : b.indent === false ? '' : 'indent';
      return b.text
        .split('\n')
        .filter((t) => t.trim() !== '')
        .map((t) => `<p class="${cls}">${escapeHtml(t)}</p>`)
        .join('');
    }
    case 'heading1':
      return `<p class="h1">${escapeHtml(b.text)}</p>`;
    case 'heading2':
      return `<p class="h2">${escapeHtml(b.text)}</p>`;
    case 'table':
      return `<table><thead><tr>${b.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${b.headers.map((_, i) => `<td>${escapeHtml(r[i] ?? '')}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'image':
      return `<p class="center"><img alt="${escapeHtml(b.caption ?? '')}" style="width:${Math.min(b.widthMm, 156)}mm" src="data:image/png;base64,${b.png.toString('base64')}"></p>${b.caption ? `<p class="center">${escapeHtml(b.caption)}</p>` : ''}`;
  }
}

/** The whole printable page for one official document. */
export function officialHtml(doc: OfficialDocument): string {
  const parts = [`<h1 class="title">${escapeHtml(doc.title)}</h1>`];
  for (const s of doc.subtitle ?? []) parts.push(`<p class="sub">${escapeHtml(s)}</p>`);
  parts.push('<p>&nbsp;</p>');
  if (doc.mainRecipient) parts.push(`<p>${escapeHtml(doc.mainRecipient)}：</p>`);
  parts.push(...doc.blocks.map(block));
  if (doc.signature?.length || doc.date) {
    parts.push('<p>&nbsp;</p>');
    for (const s of doc.signature ?? []) parts.push(`<p class="right">${escapeHtml(s)}</p>`);
    if (doc.date) parts.push(`<p class="right">${escapeHtml(officialDate(doc.date))}</p>`);
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${CSS}</style></head><body>${parts.join('')}</body></html>`;
}
