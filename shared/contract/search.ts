import { z } from 'zod';
import { defineChannel } from './channel';
import { Id, line } from './common';
import { SEARCH_KINDS } from '../domain/search';

export const SearchInput = z.object({
  q: line('搜索内容', 50),
  limitPerKind: z.number().int().min(1).max(50).default(5),
});
export type SearchInput = z.input<typeof SearchInput>;

/** Highlights are character ranges into `text` (never HTML): the renderer builds <mark> elements from them. */
export const HighlightedText = z.object({
  text: z.string(),
  ranges: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
});
export type HighlightedText = z.infer<typeof HighlightedText>;

export const SearchHit = z.object({
  id: Id,
  title: HighlightedText,
  /** Where the record belongs (its meeting, community or unit), shown small beside the title. */
  context: z.string(),
  snippet: HighlightedText,
  /** The app route that opens the record (hash-router path). */
  route: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  kind: z.enum(SEARCH_KINDS),
  label: z.string(),
  total: z.number().int(),
  hits: z.array(SearchHit),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchResult = z.object({ q: z.string(), groups: z.array(SearchGroup) });
export type SearchResult = z.infer<typeof SearchResult>;

export const searchChannels = {
  'search.global': defineChannel(SearchInput, SearchResult),
};
