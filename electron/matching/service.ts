import type { Database } from 'better-sqlite3';
import type { Need, NeedCandidate, Resource, ResourceCandidate } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { getNeed, openNeeds } from '../needs/repo';
import { getResource, offerableResources, openProjectCount } from '../resources/repo';
import { rank, scorePair } from './rank';
import { pairedCommunitiesByUnit } from './repo';

const NONE: ReadonlySet<number> = new Set();

/** Candidate resources for one need, best first, each with its reasons. */
export function resourcesForNeed(db: Database, needId: number): ResourceCandidate[] {
  const today = todayIso();
  const need = getNeed(db, needId, today);
  if (!need) throw notFound('该需求');
  const paired = pairedCommunitiesByUnit(db);
  const used = openProjectCount(db);
  return rank(offerableResources(db, today), (r) =>
    scoreFor(need, r, paired.get(r.unitId) ?? NONE, used.get(r.id) ?? 0),
  ).map(({ item, score, reasons }) => ({ resource: item, score, reasons }));
}

/** Open (待对接) needs one resource could serve, best first. */
export function needsForResource(db: Database, resourceId: number): NeedCandidate[] {
  const today = todayIso();
  const resource = getResource(db, resourceId, today);
  if (!resource) throw notFound('该资源');
  const paired = pairedCommunitiesByUnit(db).get(resource.unitId) ?? NONE;
  const used = openProjectCount(db).get(resource.id) ?? 0;
  return rank(openNeeds(db, today), (n) => scoreFor(n, resource, paired, used)).map(({ item, score, reasons }) => ({
    need: item,
    score,
    reasons,
  }));
}

const scoreFor = (need: Need, r: Resource, pairedCommunities: ReadonlySet<number>, openProjects: number) =>
  scorePair(need, r, { pairedCommunities, openProjects });

export const matchingHandlers: Pick<Handlers, 'matching.forNeed' | 'matching.forResource'> = {
  'matching.forNeed': ({ id }, { db }) => resourcesForNeed(db, id),
  'matching.forResource': ({ id }, { db }) => needsForResource(db, id),
};
