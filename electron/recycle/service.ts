import type { Database } from 'better-sqlite3';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { currentOperator, recordOp } from '../oplog/service';
import { getBinItem, insertBinItem, listBin, removeBinItem } from './repo';
import { restorers } from './restorers';

/**
 * Puts a snapshot of a record (and the rows that depend on it) into 回收站. The caller deletes the live rows
 * in the same transaction. `payload` must hold everything its area's restorer needs to re-create them.
 */
export function moveToBin(
  db: Database,
  item: { entity: string; entityId: number; title: string; payload: unknown },
): void {
  if (!Object.hasOwn(restorers, item.entity)) throw new Error(`no restorer for ${item.entity}`);
  insertBinItem(db, { ...item, operator: currentOperator(db), payload: JSON.stringify(item.payload) });
  recordOp(db, {
    action: 'delete',
    entity: item.entity,
    entityId: item.entityId,
    title: item.title,
    summary: '已移入回收站，可恢复',
  });
}

export const recycleHandlers: Pick<Handlers, 'recycle.list' | 'recycle.restore' | 'recycle.purge'> = {
  'recycle.list': ({ page, pageSize }, { db }) => listBin(db, page, pageSize),
  'recycle.restore': ({ id }, { db }) =>
    db
      .transaction(() => {
        const item = getBinItem(db, id);
        if (!item) throw notFound('该回收站记录');
        const restore = restorers[item.entity];
        if (!restore) throw new AppError('INTERNAL', `无法恢复此类记录：${item.entity}`);
        const message = restore(db, JSON.parse(item.payload));
        removeBinItem(db, id);
        recordOp(db, {
          action: 'restore',
          entity: item.entity,
          entityId: item.entity_id,
          title: item.title,
          summary: message,
        });
        return { restored: true as const, message };
      })
      .immediate(),
  'recycle.purge': ({ id }, { db }) => {
    db.transaction(() => {
      const item = getBinItem(db, id);
      if (!item) throw notFound('该回收站记录');
      removeBinItem(db, id);
      recordOp(db, {
        action: 'purge',
        entity: item.entity,
        entityId: item.entity_id,
        title: item.title,
        summary: '从回收站彻底删除，不可恢复',
      });
    }).immediate();
    return { purged: true as const };
  },
};
