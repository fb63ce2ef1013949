import type { Database } from 'better-sqlite3';

/** The pairings (结对共建) the matching looks at: unit → the communities it is paired with. */
export function pairedCommunitiesByUnit(db: Database): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const r of db.prepare('SELECT unit_id, community_id FROM pairings').all() as {
    unit_id: number;
    community_id: number;
  }[]) {
    let s = out.get(r.unit_id);
    if (!s) out.set(r.unit_id, (s = new Set()));
    s.add(r.community_id);
  }
  return out;
}
