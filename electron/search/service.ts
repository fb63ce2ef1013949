import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../shared/contract';
import type { SearchGroup, SearchHit, SearchResult } from '../../shared/contract/search';
import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  TRIGRAM_MIN,
  findRanges,
  searchTerms,
  snippetOf,
  termLength,
  type SearchKind,
} from '../../shared/domain/search';
import type { Handlers } from '../core/registry';
import { contextOf, matchCounts, rankedMatches, topMatches, type IndexedRow } from './repo';

/** The screen each kind of hit opens (hash-router paths, as in renderer/app/paths.ts). */
const ROUTES: Record<SearchKind, (r: IndexedRow) => string> = {
  unit: (r) => `/units?id=${r.ref_id}`,
  member: (r) => `/members?id=${r.ref_id}`,
  meeting: (r) => `/meetings/${r.ref_id}`,
  minutes: (r) => `/meetings/${r.parent_id}`,
  decision: (r) => `/supervision?item=${r.ref_id}`,
  need: (r) => `/needs?id=${r.ref_id}`,
  resource: (r) => `/resources?id=${r.ref_id}`,
  project: (r) => `/ledger/${r.ref_id}`,
};

export function globalSearch(db: Database, input: ParsedInput<'search.global'>): SearchResult {
  const terms = searchTerms(input.q);
  if (terms.length === 0) return { q: input.q, groups: [] };
  const long = terms.filter((t) => termLength(t) >= TRIGRAM_MIN);
  const short = terms.filter((t) => termLength(t) < TRIGRAM_MIN);
  const group = (kind: SearchKind, total: number, rows: IndexedRow[]): SearchGroup => ({
    kind,
    label: SEARCH_KIND_LABELS[kind],
    total,
    hits: rows.map((r) => toHit(db, r, terms)),
  });
  if (long.length > 0) {
    // The trigram index finds the candidates once; ranking and counting them is one pass.
    const rows = rankedMatches(db, long, short, input.limitPerKind);
    const groups = SEARCH_KINDS.flatMap((k) => {
      const of = rows.filter((r) => r.kind === k);
      return of.length ? [group(k, of[0]!.total, of)] : [];
    });
    return { q: input.q, groups };
  }
  // 1–2 characters: one scan counts every kind; each kind's newest hits come from its (kind, at) index.
  const counts = matchCounts(db, long, short);
  const groups = SEARCH_KINDS.filter((k) => counts.has(k)).map((k) =>
    group(k, counts.get(k)!, topMatches(db, k, long, short, input.limitPerKind)),
  );
  return { q: input.q, groups };
}

function toHit(db: Database, r: IndexedRow, terms: string[]): SearchHit {
  return {
    id: r.ref_id,
    title: { text: r.title, ranges: findRanges(r.title, terms) },
    context: contextOf(db, r.kind, r.ref_id, r.parent_id),
    snippet: snippetOf(r.body, terms),
    route: ROUTES[r.kind](r),
  };
}

export const searchHandlers: Pick<Handlers, 'search.global'> = {
  'search.global': (input, { db }) => globalSearch(db, input),
};
