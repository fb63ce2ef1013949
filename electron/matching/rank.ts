import type { Need, Resource } from '../../shared/contract/lists';
import { CATEGORY_FITS, RESOURCE_STATUS_LABELS } from '../../shared/domain/lists';
import { toHalfWidth } from '../../shared/domain/text';

/**
 * 供需对接's ranking: how well one resource serves one need, with the reasons in the clerk's words.
 * Weights, in order of what the street looks at first: the type fits the category (40), the unit is paired
 * with the need's community (25), the resource is free now (15) rather than already matched elsewhere,
 * and the texts are alike (up to 20). A paused or expired resource is never offered (the caller filters).
 */

export const WEIGHTS = { typeFits: 40, paired: 25, available: 15, text: 20 } as const;

/** Character bigrams of the Chinese/Latin text: enough to see that 法律咨询进社区 and 党员律师坐班 share 律师-like words. */
function bigrams(s: string): Set<string> {
  const t = toHalfWidth(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Overlap of the need's bigrams found in the resource, 0..1 (containment, so a short title can match a long text). */
export function textSimilarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return common / Math.min(A.size, B.size);
}

export interface Scored {
  score: number;
  reasons: string[];
}

export function scorePair(
  need: Need,
  resource: Resource,
  ctx: { pairedCommunities: ReadonlySet<number>; openProjects: number },
): Scored {
  const reasons: string[] = [];
  let score = 0;
  const fits = CATEGORY_FITS[need.category];
  if (fits?.includes(resource.type) || resource.type === need.category) {
    score += WEIGHTS.typeFits;
    reasons.push(`资源类型“${resource.type}”对口“${need.category}”类需求`);
  }
  if (ctx.pairedCommunities.has(need.communityId)) {
    score += WEIGHTS.paired;
    reasons.push(`${resource.unitName}与${need.communityName}结对共建`);
  }
  if (resource.status === 'available' && ctx.openProjects === 0) {
    score += WEIGHTS.available;
    reasons.push('资源可用，尚未对接其他项目');
  } else {
    reasons.push(
      ctx.openProjects > 0
        ? `已在${ctx.openProjects}个进行中的项目中使用`
        : `资源状态为“${RESOURCE_STATUS_LABELS[resource.status]}”`,
    );
  }
  const sim = textSimilarity(`${need.title}${need.description}`, `${resource.title}${resource.content}`);
  if (sim >= 0.1) {
    score += Math.round(WEIGHTS.text * Math.min(1, sim * 2));
    reasons.push(sim >= 0.3 ? '内容高度相近' : '内容有相近之处');
  }
  return { score, reasons };
}

/** Best first; ties go to the resource or need seen first (the caller's order: newest, or by unit name). */
export function rank<T>(items: T[], score: (t: T) => Scored, limit = 20): (Scored & { item: T })[] {
  return items
    .map((item, i) => ({ item, i, ...score(item) }))
    .filter((s) => s.score > WEIGHTS.available)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map(({ i: _i, ...rest }) => rest);
}
