import { toHalfWidth } from './text';

/** Is y-m-d a real calendar day (no 2月30日)? */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * Reads a date as clerks write it: 2025年7月28日, 2025.7.28, 2025/07/28, 2025-7-28, 20250728,
 * with full-width digits or stray spaces. Returns 'YYYY-MM-DD', or null when it is not a real day.
 */
export function parseChineseDate(raw: string): string | null {
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  let m = /^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? isoDate(y, mo, d) : null;
}

/** Today's date in the PC's local time zone as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
