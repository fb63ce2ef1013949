import { cleanText, toHalfWidth } from './text';

/** The kinds of record global search covers, in the order the groups are shown. */
export const SEARCH_KINDS = [
  'unit',
  'member',
  'meeting',
  'minutes',
  'decision',
  'need',
  'resource',
  'project',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  unit: '共建单位',
  member: '在职党员',
  meeting: '联席会议',
  minutes: '会议纪要',
  decision: '议定事项',
  need: '需求清单',
  resource: '资源清单',
  project: '项目台账',
};

/** The trigram index matches terms of at least this many characters; shorter ones need the fallback scan. */
export const TRIGRAM_MIN = 3;

/** What the clerk typed → the terms every hit must contain (white space separates terms; full-width folded). */
export function searchTerms(q: string): string[] {
  const terms = cleanText(toHalfWidth(q)).split(' ').filter(Boolean);
  return [...new Set(terms)].slice(0, 8);
}

/** Characters a term counts as (a surrogate pair — a rare 汉字 — is one character, not two). */
export const termLength = (t: string) => [...t].length;

export interface HighlightRange {
  start: number;
  end: number;
}

/** Where the terms occur in the text (case-insensitive for Latin letters), merged where they overlap. */
export function findRanges(text: string, terms: string[]): HighlightRange[] {
  const lower = text.toLowerCase();
  const found: HighlightRange[] = [];
  for (const t of terms) {
    const needle = t.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
      found.push({ start: i, end: i + needle.length });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const merged: HighlightRange[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** A window of the body around its first match, with the ranges shifted into it (… marks cut ends). */
export function snippetOf(body: string, terms: string[], width = 60): { text: string; ranges: HighlightRange[] } {
  const all = findRanges(body, terms);
  const first = all[0]?.start ?? 0;
  let start = Math.max(0, first - 16);
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(body[start] ?? '')) start -= 1;
  let end = Math.min(body.length, start + width);
  if (end < body.length && /[\uDC00-\uDFFF]/.test(body[end] ?? '')) end += 1;
  const prefix = start > 0 ? '…' : '';
  const text = prefix + body.slice(start, end) + (end < body.length ? '…' : '');
  const ranges = all
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({
      start: Math.max(r.start, start) - start + prefix.length,
      end: Math.min(r.end, end) - start + prefix.length,
    }));
  return { text, ranges };
}
