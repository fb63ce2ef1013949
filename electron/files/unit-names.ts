import type { Database } from 'better-sqlite3';
import type { UnmatchedName } from '../../shared/contract/lists';
import { nameKey } from '../../shared/domain/text';
import { allUnits, listCommunities } from '../units/repo';

/**
 * Unit names written in a list (资源清单's 单位, 责任分解表's 责任单位 / 配合单位) matched to the 共建单位 directory:
 * the exact name, then the normalised name (nameKey: width, spaces, case), then the clerk's own answer from
 * the preview. A name none of these settles is reported with look-alike suggestions; a unit is never created
 * by an import, so a typo cannot become a second copy of a unit.
 */
export class UnitNames {
  private readonly byName = new Map<string, { id: number; name: string }>();
  private readonly byKey = new Map<string, { id: number; name: string }>();
  private readonly chosen = new Map<string, number>();
  private readonly communityKeys: Map<string, { id: number; name: string }>;
  private readonly misses = new Map<string, { name: string; rows: number[] }>();

  constructor(db: Database, choices: readonly { name: string; unitId: number }[] = []) {
    for (const u of allUnits(db)) {
      this.byName.set(u.name, { id: u.id, name: u.name });
      this.byKey.set(nameKey(u.name), { id: u.id, name: u.name });
    }
    const ids = new Map([...this.byKey.values()].map((u) => [u.id, u]));
    for (const c of choices) if (ids.has(c.unitId)) this.chosen.set(nameKey(c.name), c.unitId);
    this.communityKeys = new Map(listCommunities(db).map((c) => [nameKey(c.name), { id: c.id, name: c.name }]));
  }

  /** The directory unit a written name means, or undefined (then noted as unmatched for row `row`). */
  unit(name: string, row: number): { id: number; name: string } | undefined {
    const hit = this.byName.get(name) ?? this.byKey.get(nameKey(name));
    if (hit) return hit;
    const chosenId = this.chosen.get(nameKey(name));
    if (chosenId !== undefined) return [...this.byKey.values()].find((u) => u.id === chosenId);
    const key = nameKey(name);
    const miss = this.misses.get(key) ?? { name, rows: [] };
    if (!miss.rows.includes(row)) miss.rows.push(row);
    this.misses.set(key, miss);
    return undefined;
  }

  /** The community a written name means (exact or normalised), if it is one. */
  community(name: string): { id: number; name: string } | undefined {
    return this.communityKeys.get(nameKey(name));
  }

  /** Names not settled, each with up to 5 directory units that look alike, for the clerk to choose from. */
  unmatched(): UnmatchedName[] {
    const units = [...this.byKey.entries()];
    return [...this.misses.entries()].map(([key, m]) => ({
      name: m.name,
      rows: m.rows,
      suggestions: units
        .map(([k, u]) => ({ u, s: likeness(key, k) }))
        .filter((x) => x.s >= 0.4)
        .sort((a, b) => b.s - a.s)
        .slice(0, 5)
        .map((x) => x.u),
    }));
  }
}

/** 0..1: one name inside the other counts high ("区税务局" in "区税务局第二分局"), else shared bigrams. */
function likeness(a: string, b: string): number {
  if (a.includes(b) || b.includes(a)) return 0.6 + 0.4 * (Math.min(a.length, b.length) / Math.max(a.length, b.length));
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  const A = grams(a);
  const B = grams(b);
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return (2 * common) / (A.size + B.size);
}
