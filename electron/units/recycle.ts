import type { Database } from 'better-sqlite3';
import type { UnitDetail } from '../../shared/contract/units';
import { AppError } from '../core/errors';
import { restoreScoresOfUnit, scoresOfUnit, type UnitScore } from '../evaluation/repo';
import * as repo from './repo';
import { toUnitRecord } from './record';

/**
 * What 回收站 keeps of a deleted unit: the record and its pairings, its evaluation scores (deleted with it),
 * and which rows elsewhere pointed at it (unlinked by the delete). Entries binned before the last two were
 * kept have neither.
 */
export interface UnitSnapshot {
  id: number;
  unit: repo.UnitRecord;
  pairings: (repo.PairingRecord & { id: number })[];
  scores?: UnitScore[];
  links?: repo.UnitLinks;
}

export interface CommunitySnapshot {
  id: number;
  name: string;
  nameKey: string;
  notes: string;
  grids: string[];
}

export type PairingSnapshot = repo.PairingRecord & { id: number; title: string };

export function unitSnapshot(db: Database, detail: UnitDetail): UnitSnapshot {
  return {
    id: detail.id,
    scores: scoresOfUnit(db, detail.id),
    links: repo.linksToUnit(db, detail.id),
    unit: toUnitRecord(detail),
    pairings: detail.pairings.map((p) => ({
      id: p.id,
      unitId: p.unitId,
      communityId: p.communityId,
      signedOn: p.signedOn,
      termYears: p.termYears,
      notes: p.notes,
    })),
  };
}

/** Ids are never reused (AUTOINCREMENT), so a restored record gets its old id back and old log entries still point at it. */
export const directoryRestorers = {
  unit(db: Database, s: UnitSnapshot): string {
    if (repo.findUnitIdByKey(db, s.unit.nameKey) !== undefined) {
      throw new AppError('CONFLICT', `已有同名共建单位“${s.unit.name}”，无法恢复。请先修改或删除同名单位。`);
    }
    repo.insertUnit(db, s.unit, s.id);
    let restored = 0;
    const missing: number[] = [];
    for (const p of s.pairings) {
      if (repo.getCommunity(db, p.communityId)) {
        repo.insertPairing(db, p, p.id);
        restored++;
      } else missing.push(p.communityId);
    }
    restoreScoresOfUnit(db, s.id, s.scores ?? []);
    repo.relinkUnit(db, s.id, s.links ?? {});
    return missing.length
      ? `已恢复单位及 ${restored} 条结对；${missing.length} 个结对社区已不存在，未恢复这些结对`
      : `已恢复单位及 ${restored} 条结对`;
  },
  community(db: Database, s: CommunitySnapshot): string {
    if (repo.findCommunityIdByKey(db, s.nameKey) !== undefined) {
      throw new AppError('CONFLICT', `已有同名社区“${s.name}”，无法恢复`);
    }
    repo.insertCommunity(db, s, s.id);
    repo.replaceGrids(db, s.id, s.grids);
    return `已恢复社区及 ${s.grids.length} 个网格`;
  },
  pairing(db: Database, s: PairingSnapshot): string {
    if (!repo.getUnit(db, s.unitId) || !repo.getCommunity(db, s.communityId)) {
      throw new AppError('CONFLICT', '该结对的共建单位或社区已被删除，请先恢复它们');
    }
    if (repo.findPairing(db, s.unitId, s.communityId))
      throw new AppError('CONFLICT', '该单位与社区已重新结对，无需恢复');
    repo.insertPairing(db, s, s.id);
    return '已恢复结对';
  },
};
