import type { ReactNode } from 'react';
import type { HighlightedText } from '../../shared/contract/search';

/** Text with the matched ranges in <mark> elements, built as React nodes from the ranges (never as HTML). */
export function Highlighted({ value }: { value: HighlightedText }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of value.ranges) {
    if (r.start < at || r.end <= r.start) continue;
    if (r.start > at) parts.push(value.text.slice(at, r.start));
    parts.push(<mark key={r.start}>{value.text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}
