import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';

/**
 * Hostile and broken files for the importers: wrong formats, damaged workbooks, zip bombs, odd encodings
 * and cell values that have broken spreadsheet importers elsewhere. Deterministic (seeded) so a failure
 * reproduces.
 */

export interface HostileFile {
  label: string;
  fileName: string;
  data: Buffer;
}

export const SAMPLES_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'samples');
export const sampleFiles = () =>
  fs
    .readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => ({ name: f, data: fs.readFileSync(path.join(SAMPLES_DIR, f)) }));

/** mulberry32: small, seedable, good enough to pick bytes. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomBytes = (rand: () => number, n: number) => Buffer.from(Array.from({ length: n }, () => (rand() * 256) | 0));

/** A zip written by hand, so its directory can declare sizes that are not true (a lying zip bomb). */
function rawZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

async function jszip(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function sheetBuffer(rows: ExcelJS.CellValue[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A header and a row every importer recognises, with `value` in its text columns. */
export const IMPORT_TARGETS = [
  {
    channel: 'units.importPreview',
    header: ['社区', '共建单位', '单位类别', '联系电话', '签约日期', '备注'],
    row: (v: ExcelJS.CellValue) => ['东风社区', v, '机关', '13800000000', '2025-07-28', v],
  },
  {
    channel: 'needs.importPreview',
    header: ['社区', '需求名称', '需求内容', '提出日期'],
    row: (v: ExcelJS.CellValue) => ['东风社区', v, v, '2025-07-28'],
  },
  {
    channel: 'resources.importPreview',
    header: ['提供单位', '资源名称', '资源内容', '有效期至'],
    row: (v: ExcelJS.CellValue) => ['区税务局', v, v, '2025-12-31'],
  },
  {
    channel: 'projects.importPreview',
    header: ['项目名称', '责任单位', '主要内容', '完成时限'],
    row: (v: ExcelJS.CellValue) => [v, '区税务局', v, '2025-12-31'],
  },
  {
    channel: 'members.importPreview',
    header: ['姓名', '工作单位', '备注'],
    row: (v: ExcelJS.CellValue) => ['张三', '区税务局', v],
  },
] as const;

/** Values that must come through as typed (or be refused per row), never run or mangled. */
export const HOSTILE_VALUES: Record<string, ExcelJS.CellValue> = {
  megabyte: '长'.repeat(1024 * 1024),
  controls: '区税务局\u0000\u0001\u0007\u001b[31m\u007f',
  astral: '𠮷野家𩸽𡈽共建',
  sql: "区税务局'); DROP TABLE units; --",
  html: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  formula: '=HYPERLINK("http://x","点我")',
  serial: 45866,
  impossibleDate: '2月30日',
};

/** A table for one importer as CSV text in the given encoding. */
function csvOf(rows: readonly (readonly string[])[]): string {
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

export async function hostileCorpus(): Promise<HostileFile[]> {
  const rand = seeded(20251122);
  const [sample] = sampleFiles();
  const s = sample!.data;
  const files: HostileFile[] = [
    { label: '随机字节', fileName: 'random.xlsx', data: randomBytes(rand, 4096) },
    { label: '空文件', fileName: 'empty.xlsx', data: Buffer.alloc(0) },
    { label: '1字节', fileName: 'one.xlsx', data: Buffer.from([0x9c]) },
    { label: '1字节文本', fileName: 'one.csv', data: Buffer.from('a') },
    ...[0.1, 0.5, 0.9, 0.999].map((f) => ({
      label: `截断${f * 100}%`,
      fileName: 'cut.xlsx',
      data: s.subarray(0, Math.floor(s.length * f)),
    })),
    {
      label: '改名的.xls',
      fileName: 'old.xlsx',
      data: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(rand, 4088)]),
    },
    {
      label: 'PDF',
      fileName: 'doc.xlsx',
      data: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    },
    {
      label: 'Word',
      fileName: 'doc.xlsx',
      data: await jszip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
    },
    { label: '无工作簿的zip', fileName: 'x.xlsx', data: await jszip({ 'readme.txt': 'hello' }) },
    {
      label: '网页表格改名.xls',
      fileName: 'export.xls',
      data: Buffer.from('<html><body><table><tr><td>社区</td></tr></table></body></html>', 'utf8'),
    },
    {
      label: '非UTF-8也非GB18030的文本',
      fileName: 'x.csv',
      data: Buffer.from('社区,名称\n\u00ff\u00ff\u0080,a\n', 'latin1'),
    },
    {
      label: 'CSV改名.xlsx',
      fileName: 'x.xlsx',
      data: Buffer.from('社区,共建单位,单位类别\r\n东风社区,区税务局,机关\r\n', 'utf8'),
    },
    {
      label: '压缩炸弹',
      fileName: 'bomb.xlsx',
      data: rawZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(210 * 1024 * 1024, 0x20) },
      ]),
    },
    {
      label: '谎报大小的压缩炸弹',
      fileName: 'bomb2.xlsx',
      data: rawZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(210 * 1024 * 1024, 0x20), declaredSize: 1000 },
      ]),
    },
  ];
  for (const t of IMPORT_TARGETS) {
    const who = t.channel.split('.')[0];
    for (const [name, value] of Object.entries(HOSTILE_VALUES)) {
      files.push({
        label: `${who}:${name}`,
        fileName: `${name}.xlsx`,
        data: await sheetBuffer([[...t.header], t.row(value)]),
      });
    }
    const text = csvOf([[...t.header], t.row('共建,"引号"\n换行').map(String), t.row('𠮷野家').map(String)]);
    files.push(
      { label: `${who}:CSV UTF-8`, fileName: 'a.csv', data: Buffer.from(text, 'utf8') },
      { label: `${who}:CSV UTF-8 BOM`, fileName: 'a.csv', data: Buffer.from(`\ufeff${text}`, 'utf8') },
      { label: `${who}:CSV UTF-16LE BOM`, fileName: 'a.csv', data: Buffer.from(`\ufeff${text}`, 'utf16le') },
      { label: `${who}:CSV GB18030`, fileName: 'a.csv', data: gb18030(text) },
      { label: `${who}:CSV 引号不配对`, fileName: 'a.csv', data: Buffer.from(`${text}"未闭合,1\r\n`, 'utf8') },
    );
  }
  return files;
}

/** GB18030 bytes, by asking the decoder table backwards (Node has no GB18030 encoder). */
export function gb18030(text: string): Buffer {
  const table = gbTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x10000) {
      // Supplementary characters (𠮷 is U+20BB7) map linearly onto four-byte sequences from 90 30 81 30.
      const i = cp - 0x10000;
      out.push(
        0x90 + Math.floor(i / 12600),
        0x30 + (Math.floor(i / 1260) % 10),
        0x81 + (Math.floor(i / 10) % 126),
        0x30 + (i % 10),
      );
    } else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

let table: Map<string, number[]> | undefined;
function gbTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return table;
}
