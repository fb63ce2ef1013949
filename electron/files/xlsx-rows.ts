import { inflateRawSync } from 'node:zlib';
import { entryData, type ZipListing } from './zip-check';

/**
 * Counting a workbook's rows before exceljs loads it: a 100,000-row sheet costs exceljs seconds and
 * hundreds of MB, so an oversized file is refused from the raw sheet XML instead. Only rows holding a
 * value count (Excel also writes rows that merely carry formatting).
 */

export interface SheetRows {
  /** The tab's name, or the part name when the workbook does not map it. */
  name: string;
  rows: number;
}

const ROW_TAG = /<(?:[A-Za-z]\w*:)?row\b[^>]*>/g;
const VALUE_TAG = /<(?:[A-Za-z]\w*:)?(?:v|is)\b/;

function entryText(buf: Buffer, listing: ZipListing, name: string, maxBytes: number): string | null {
  const entry = listing.entries.find((e) => e.name === name);
  const data = entry && entryData(buf, entry);
  if (!data) return null;
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method !== 8) return null;
  // The declared sizes were checked already; maxOutputLength also stops an entry whose header lies.
  return inflateRawSync(data, { maxOutputLength: maxBytes }).toString('utf8');
}

function valueRows(xml: string): number {
  let n = 0;
  const parts = xml.split(ROW_TAG);
  for (let i = 1; i < parts.length; i++) if (VALUE_TAG.test(parts[i]!)) n++;
  return n;
}

/** Sheet part → tab name, from workbook.xml and its relationships. */
function tabNames(buf: Buffer, listing: ZipListing, maxBytes: number): Map<string, string> {
  const out = new Map<string, string>();
  const wb = entryText(buf, listing, 'xl/workbook.xml', maxBytes);
  const rels = entryText(buf, listing, 'xl/_rels/workbook.xml.rels', maxBytes);
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id && targets.get(id);
    if (name && part) out.set(part, name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return out;
}

/**
 * Rows with values in each worksheet. A sheet whose XML cannot be inflated is left out: exceljs then
 * reports the file as damaged. Throws RangeError when an entry inflates beyond maxBytes.
 */
export function countSheetRows(buf: Buffer, listing: ZipListing, maxBytes: number): SheetRows[] {
  const names = tabNames(buf, listing, maxBytes);
  const out: SheetRows[] = [];
  for (const e of listing.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    let xml: string | null;
    try {
      xml = entryText(buf, listing, e.name, maxBytes);
    } catch (err) {
      if (err instanceof RangeError) throw err;
      xml = null;
    }
    if (xml !== null) out.push({ name: names.get(e.name) ?? e.name, rows: valueRows(xml) });
  }
  return out;
}
