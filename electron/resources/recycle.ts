import type { Database } from 'better-sqlite3';
import { AppError } from '../core/errors';
import { getUnit } from '../units/repo';
import * as repo from './repo';

export interface ResourceSnapshot {
  id: number;
  record: repo.ResourceRecord;
}

export const resourcesRestorers = {
  resource(db: Database, s: ResourceSnapshot): string {
    if (!getUnit(db, s.record.unitId)) throw new AppError('CONFLICT', '提供该资源的共建单位已被删除，请先恢复该单位');
    if (repo.findResourceId(db, s.record.unitId, s.record.titleKey) !== undefined) {
      throw new AppError('CONFLICT', `该单位已重新登记了“${s.record.title}”，无需恢复`);
    }
    repo.insertResource(db, s.record, s.id);
    return '已恢复资源';
  },
};
