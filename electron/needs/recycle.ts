import type { Database } from 'better-sqlite3';
import type { NeedStatusChange } from '../../shared/contract/lists';
import type { NeedStatus } from '../../shared/domain/lists';
import { AppError } from '../core/errors';
import { getCommunity } from '../units/repo';
import * as repo from './repo';

/** What 回收站 keeps of a deleted need: the record, its status and its whole status history. */
export interface NeedSnapshot {
  id: number;
  record: repo.NeedRecord;
  status: NeedStatus;
  rejectReason: string;
  history: NeedStatusChange[];
}

export const needsRestorers = {
  need(db: Database, s: NeedSnapshot): string {
    if (!getCommunity(db, s.record.communityId))
      throw new AppError('CONFLICT', '该需求所属的社区已被删除，请先恢复社区');
    repo.insertNeed(db, s.record, s.status, s.rejectReason, s.id);
    for (const h of s.history)
      repo.logNeedStatus(db, {
        needId: s.id,
        from: h.from,
        to: h.to,
        reason: h.reason,
        operator: h.operator,
        at: h.at,
      });
    return '已恢复需求及其状态记录';
  },
};
