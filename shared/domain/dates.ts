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

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export interface Deadline {
  /** YYYY-MM-DD, or null for a standing task (长期坚持). */
  date: string | null;
  longTerm: boolean;
}

const LONG_TERM = /^(长期|长期坚持|持续|持续推进|常态化|长期推进|常态长效)$/;

/**
 * A 完成时限 as 责任分解表 write it: a full date (see parseChineseDate), "2025年10月" / "2025.10" / "2025-10"
 * (the month's last day), "9月底前" / "9月底" / "9月" / "10月中旬前" (in the project's year: the last day of
 * that month, or the 10th/20th for 上旬/中旬), "年底前" / "2025年底" (31 December), "长期坚持" (no deadline,
 * flagged 长期). Null when the text is not a deadline.
 */
export function parseDeadline(raw: string, year: number): Deadline | null {
  const s = toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/(之前|以前|前)$/, '');
  if (s === '') return null;
  if (LONG_TERM.test(s)) return { date: null, longTerm: true };
  const full = parseChineseDate(s);
  if (full) return { date: full, longTerm: false };
  const yearEnd = /^(?:(\d{4})年?)?年底$/.exec(s) ?? /^(\d{4})年(?:年底|底)$/.exec(s);
  if (yearEnd) {
    const y = yearEnd[1] ? Number(yearEnd[1]) : year;
    return isRealDate(y, 12, 31) ? { date: isoDate(y, 12, 31), longTerm: false } : null;
  }
  const m = /^(?:(\d{4})[年./-])?(\d{1,2})(?:月)?(底|末|上旬|中旬|下旬)?$/.exec(s);
  if (!m) return null;
  // A bare number ("10") is not a month: only "10月" or a year-and-month form is.
  if (!m[1] && !/月/.test(s)) return null;
  const y = m[1] ? Number(m[1]) : year;
  const mo = Number(m[2]);
  if (!isRealDate(y, mo, 1)) return null;
  const day = m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : lastDayOfMonth(y, mo);
  return { date: isoDate(y, mo, day), longTerm: false };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const t = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** The day `n` days before `iso`. */
export function daysBefore(iso: string, n: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) - n));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
