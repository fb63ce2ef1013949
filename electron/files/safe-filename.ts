import fs from 'node:fs';
import path from 'node:path';

/**
 * File names built from data (a street's name, a meeting title) must be valid on Windows as well as on
 * UOS/Kylin, and a save must never replace a file the clerk already has.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Characters Windows refuses in names, plus control characters (which also upset shells and zip tools). */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;
/** Long Chinese names hit ext4's 255-byte limit (3 bytes a character) before Windows' 255 characters. */
const MAX_BYTES = 200;
const MAX_CHARS = 120;

function truncate(stem: string, budgetBytes: number, budgetChars: number): string {
  let out = '';
  let bytes = 0;
  let chars = 0;
  for (const ch of stem) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > budgetBytes || chars + 1 > budgetChars) break;
    out += ch;
    bytes += b;
    chars += 1;
  }
  return out;
}

/**
 * A name that every supported system accepts: forbidden characters become "_", trailing dots and spaces go
 * (Windows drops them silently), reserved device names (CON, NUL.xlsx, COM1…) get a "_" in front, and long
 * names are shortened keeping the extension. `fallback` is used when nothing usable is left.
 */
export function sanitizeFileName(name: string, fallback = '导出文件'): string {
  let s = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  // Only a short Latin/digit suffix is an extension: "第1.5版说明" has none, ".xlsx" alone is all extension.
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(s)?.[0] ?? '';
  let stem = ext ? s.slice(0, -ext.length) : s;
  stem = stem.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (stem === '') stem = sanitizeFileName(fallback, '导出文件').replace(/\.[A-Za-z0-9]{1,8}$/, '');
  if (WINDOWS_RESERVED.test(stem) || WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  stem = truncate(stem, MAX_BYTES - Buffer.byteLength(ext), MAX_CHARS - ext.length).replace(/[. ]+$/, '');
  s = stem + ext.toLowerCase();
  return s;
}

/** "名录.xlsx" → "名录 (2).xlsx", as Windows Explorer names copies. */
export function numberedName(fileName: string, n: number): string {
  const ext = path.extname(fileName);
  const stem = ext ? fileName.slice(0, -ext.length) : fileName;
  return n <= 1 ? fileName : `${stem} (${n})${ext}`;
}

/**
 * Writes `data` to `target`, or to "target (2)", "(3)"… if a file is already there; returns the path used.
 * The exclusive flag makes the check and the creation one step, so a file appearing meanwhile is not
 * replaced either. (Hard-link tricks would be atomic too but fail on FAT-formatted USB sticks.)
 */
export function writeNewFile(target: string, data: Buffer | Uint8Array): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  for (let n = 1; n <= 999; n++) {
    const candidate = path.join(dir, numberedName(base, n));
    let fd: number;
    try {
      fd = fs.openSync(candidate, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    } catch (e) {
      // Leave no half-written file behind that looks like a finished export.
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
      fs.rmSync(candidate, { force: true });
      throw e;
    }
    return candidate;
  }
  throw Object.assign(new Error('同名文件过多'), { code: 'EEXIST' });
}
