import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';

/**
 * Word files in the official document style of GB/T 9704-2012 (党政机关公文格式), the layout clerks hand on:
 * A4, margins top 37 / bottom 35 / left 28 / right 26 mm, title 2号 方正小标宋简体, body 3号 仿宋_GB2312,
 * 黑体 / 楷体_GB2312 for the first two heading levels, 22 lines of 28 characters a page (a document grid
 * of lines with a fixed pitch and body characters set to 28 a line), and page numbers "— 1 —" in 4号 at the outside corner of odd and even pages.
 *
 * Fonts are named with their East-Asian attribute: the office PCs have these fonts; elsewhere a viewer
 * substitutes them. Other areas (双报告, 年度总结) build their documents with `buildOfficialDocx` too.
 */

export const OFFICIAL_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** Half-points, as Word stores sizes: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const OFFICIAL_SIZES = { title: 44, body: 32, pageNumber: 28, table: 28 } as const;

const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** Twips (1/20 pt). */
export const OFFICIAL_PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;

export const TEXT_WIDTH = OFFICIAL_PAGE.width - OFFICIAL_PAGE.left - OFFICIAL_PAGE.right;
const TEXT_HEIGHT = OFFICIAL_PAGE.height - OFFICIAL_PAGE.top - OFFICIAL_PAGE.bottom;

/** 22 lines fill the text area; rounded down so the 22nd line always fits. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / 22);
export type OfficialBlock =
  /** A body paragraph; indented by two characters unless `indent` is false. Line breaks start new paragraphs. */
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'center' | 'right'; bold?: boolean }
  /** 一级标题 in 黑体, e.g. "一、会议议题". */
  | { kind: 'heading1'; text: string }
  /** 二级标题 in 楷体_GB2312, e.g. "（一）上次会议议定事项落实情况". */
  | { kind: 'heading2'; text: string }
  /** A bordered table in 4号 仿宋; `widths` are relative column weights. Empty cells stay empty (signature columns). */
  | { kind: 'table'; headers: string[]; rows: string[][]; widths?: number[]; rowHeightMm?: number }
  /** A picture (a chart) centred on its own lines, scaled to `widthMm` keeping its aspect; caption below in 楷体. */
  | { kind: 'image'; png: Buffer; pixelWidth: number; pixelHeight: number; widthMm: number; caption?: string };

export interface OfficialDocument {
  title: string;
  /** Lines under the title in 楷体 (e.g. "（2025年7月28日）"). */
  subtitle?: string[];
  /** 主送机关, printed flush left after the title, followed by a full-width colon. */
  mainRecipient?: string;
  blocks: OfficialBlock[];
  /** 发文机关署名 lines, right-aligned above the date. */
  signature?: string[];
  /** 成文日期 as YYYY-MM-DD or already-written text. */
  date?: string;
}

/** 2025-07-28 → 2025年7月28日 (GB/T 9704-2012 writes the date with Arabic numerals). */
export function officialDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

const font = (name: string): IRunOptions['font'] => ({
  ascii: name,
  eastAsia: name,
  hAnsi: name,
  cs: name,
  hint: 'eastAsia',
});

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Every page is full (22 lines): widow/orphan control would push lines over and leave pages short. */
const gridParagraph = { spacing: exact, widowControl: false } as const;

/**
 * 28 characters a line: a 3号 character advances 16 pt, 28 of them are 8960 twips but the text is 8845 wide,
 * so body text is set a quarter point tighter (315 twips a character: 28 fit, 29 do not). This is done on the
 * characters rather than with a character grid (docGrid linesAndChars): Word compresses to such a grid, but
 * LibreOffice gives every 16 pt character two 15.8 pt cells and prints 14 a line, and spreads the title.
 */
export const BODY_CHAR_SPACING = -5;

function run(text: string, face: string, size: number, bold = false): TextRun {
  return size === OFFICIAL_SIZES.body
    ? new TextRun({ text, font: font(face), size, bold, characterSpacing: BODY_CHAR_SPACING })
    : new TextRun({ text, font: font(face), size, bold });
}

function bodyParagraph(
  text: string,
  opts: { indent?: boolean; align?: 'left' | 'center' | 'right'; bold?: boolean } = {},
) {
  const alignment =
    opts.align === 'center'
      ? AlignmentType.CENTER
      : opts.align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment,
    spacing: exact,
    indent: opts.indent === false || opts.align ? undefined : { firstLineChars: 200, firstLine: 640 },
    children: [run(text, OFFICIAL_FONTS.body, OFFICIAL_SIZES.body, opts.bold)],
  });
}

function headingParagraph(text: string, face: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact,
    indent: { firstLineChars: 200, firstLine: 640 },
    children: [run(text, face, OFFICIAL_SIZES.body)],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableBlock(block: Extract<OfficialBlock, { kind: 'table' }>): Table {
  const cols = block.headers.length;
  const weights = block.widths && block.widths.length === cols ? block.widths : block.headers.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  const height = block.rowHeightMm ? { value: mm(block.rowHeightMm), rule: 'atLeast' as const } : undefined;
  // Table text has an exact 20 pt line instead of the 29 pt grid pitch (an exact rule is not snapped to the
  // grid), or a sign-in sheet would run over pages.
  const cellParagraph = (text: string, bold: boolean) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(text, bold ? OFFICIAL_FONTS.heading1 : OFFICIAL_FONTS.body, OFFICIAL_SIZES.table)],
    });
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
      children: text.split('\n').map((t) => cellParagraph(t, header)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, height, children: block.headers.map((h, i) => cell(h, i, true)) }),
      ...block.rows.map(
        (r) =>
          new TableRow({ cantSplit: true, height, children: block.headers.map((_, i) => cell(r[i] ?? '', i, false)) }),
      ),
    ],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— 1 —" at the outside corner, one character in from the edge of the text area (GB/T 9704-2012 7.5).
  const numberFont = font(OFFICIAL_FONTS.pageNumber);
  const size = OFFICIAL_SIZES.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ text: '— ', font: numberFont, size }),
          new TextRun({ children: [PageNumber.CURRENT], font: numberFont, size }),
          new TextRun({ text: ' —', font: numberFont, size }),
        ],
      }),
    ],
  });
}

function blockContent(block: OfficialBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return block.text
        .split('\n')
        .filter((t, i, all) => t.trim() !== '' || all.length === 1)
        .map((t) => bodyParagraph(t, block));
    case 'heading1':
      return [headingParagraph(block.text, OFFICIAL_FONTS.heading1)];
    case 'heading2':
      return [headingParagraph(block.text, OFFICIAL_FONTS.heading2)];
    case 'table':
      // An empty paragraph after a table keeps Word from gluing the next table or text onto it.
      return [tableBlock(block), bodyParagraph('', { indent: false })];
    case 'image':
      return imageBlock(block);
  }
}

/** The picture's paragraph has automatic line height: a fixed 28.95 pt line would crop it to one line. */
function imageBlock(block: Extract<OfficialBlock, { kind: 'image' }>): Paragraph[] {
  const width = Math.round((Math.min(block.widthMm, 156) / 25.4) * 96);
  const height = Math.round((width * block.pixelHeight) / Math.max(block.pixelWidth, 1));
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: block.png, transformation: { width, height } })],
    }),
  ];
  if (block.caption)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact,
        children: [run(block.caption, OFFICIAL_FONTS.heading2, OFFICIAL_SIZES.table)],
      }),
    );
  return out;
}

/** Builds the .docx bytes of one official document. */
export async function buildOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact,
      children: [run(doc.title, OFFICIAL_FONTS.title, OFFICIAL_SIZES.title)],
    }),
  );
  for (const s of doc.subtitle ?? [])
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact,
        children: [run(s, OFFICIAL_FONTS.heading2, OFFICIAL_SIZES.body)],
      }),
    );
  // One blank line between the title block and the text, as the standard lays it out.
  children.push(bodyParagraph('', { indent: false }));
  if (doc.mainRecipient) children.push(bodyParagraph(`${doc.mainRecipient}：`, { indent: false }));
  for (const b of doc.blocks) children.push(...blockContent(b));
  if (doc.signature?.length || doc.date) {
    children.push(bodyParagraph('', { indent: false }));
    for (const s of doc.signature ?? []) children.push(rightLine(s));
    if (doc.date) children.push(rightLine(officialDate(doc.date)));
  }
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(OFFICIAL_FONTS.body), size: OFFICIAL_SIZES.body },
          paragraph: gridParagraph,
        },
      },
      // The grid's character pitch is relative to the Normal style's size; LibreOffice reads that from the
      // style itself rather than the document defaults, so Normal names 3号 explicitly.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: font(OFFICIAL_FONTS.body), size: OFFICIAL_SIZES.body },
          paragraph: gridParagraph,
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: OFFICIAL_PAGE.width, height: OFFICIAL_PAGE.height },
            margin: {
              top: OFFICIAL_PAGE.top,
              bottom: OFFICIAL_PAGE.bottom,
              left: OFFICIAL_PAGE.left,
              right: OFFICIAL_PAGE.right,
              // The footer sits about 7 mm under the text area (35 mm bottom margin), where the standard puts the page number.
              footer: mm(26),
              header: mm(15),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** 署名 and date lines sit right, four characters in from the right edge. */
function rightLine(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: exact,
    indent: { right: 4 * 320 },
    children: [run(text, OFFICIAL_FONTS.body, OFFICIAL_SIZES.body)],
  });
}
