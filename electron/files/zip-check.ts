/**
 * A look inside a zip container without unpacking it, so a broken or hostile upload is refused with a clear
 * reason before exceljs (JSZip) inflates everything into memory. Only the central directory is read.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  localOffset: number;
}

export interface ZipListing {
  names: string[];
  entries: ZipEntry[];
  /** Sum of the entries' uncompressed sizes as the directory declares them (what unpacking would allocate). */
  totalUncompressed: number;
}

export type ZipCheck = { ok: true; listing: ZipListing } | { ok: false; reason: 'not-zip' | 'truncated' | 'zip64' };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
/** The end record is 22 bytes plus a comment of up to 65535 bytes, so it lies within the last 65557 bytes. */
const EOCD_SEARCH = 22 + 0xffff;

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL_HEADER;
}

function findEndRecord(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SEARCH);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIR) return i;
  }
  return -1;
}

export function inspectZip(buf: Buffer): ZipCheck {
  if (!isZip(buf)) return { ok: false, reason: 'not-zip' };
  // A copy or download cut short loses the central directory, which sits at the very end of the file.
  const eocd = findEndRecord(buf);
  if (eocd < 0) return { ok: false, reason: 'truncated' };
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  // Zip64 marks (0xFFFF / 0xFFFFFFFF) only appear in archives far larger than any real 分配表.
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (dirOffset + dirSize > eocd) return { ok: false, reason: 'truncated' };

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL_HEADER) return { ok: false, reason: 'truncated' };
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    if (uncompressed === 0xffffffff) return { ok: false, reason: 'zip64' };
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (localOffset >= dirOffset) return { ok: false, reason: 'truncated' };
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), method, compressedSize, localOffset });
    total += uncompressed;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, listing: { names: entries.map((e) => e.name), entries, totalUncompressed: total } };
}

/** The stored bytes of an entry (still compressed), or null when its local header does not hold up. */
export function entryData(buf: Buffer, entry: ZipEntry): Buffer | null {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_HEADER) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  return end <= buf.length ? buf.subarray(start, end) : null;
}
