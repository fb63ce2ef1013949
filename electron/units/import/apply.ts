import type { Database } from 'better-sqlite3';
import type { ImportResult } from '../../../shared/contract/units';
import { recordOp } from '../../oplog/service';
import * as repo from '../repo';
import { planImport, type ImportPlan } from './plan';
import type { ParsedSheet } from './read-sheet';

/**
 * Step 3 of an import: the plan recomputed against the database as it is now and written in one immediate
 * transaction, so either every add/update row is saved or nothing is. Error and skip rows are never written.
 * One 操作日志 entry, written in the same transaction, says what the import changed.
 */
export function applyImport(db: Database, sheet: ParsedSheet): ImportResult {
  return db
    .transaction((): ImportResult => {
      const plan = planImport(db, sheet);
      const communityIds = new Map(plan.communityIds);
      for (const [key, name] of plan.newCommunities) {
        communityIds.set(key, repo.insertCommunity(db, { name, nameKey: key, notes: '' }));
      }
      const unitIds = new Map<string, number>();
      let unitsAdded = 0;
      let unitsUpdated = 0;
      for (const u of plan.units) {
        if (u.existingId === undefined) {
          unitIds.set(u.key, repo.insertUnit(db, u.record));
          unitsAdded++;
        } else {
          repo.updateUnit(db, u.existingId, u.record);
          unitIds.set(u.key, u.existingId);
          unitsUpdated++;
        }
      }
      let pairingsAdded = 0;
      let pairingsUpdated = 0;
      for (const p of plan.pairings) {
        const unitId = unitIds.get(p.unitKey) ?? repo.findUnitIdByKey(db, p.unitKey);
        const communityId = communityIds.get(p.communityKey);
        if (unitId === undefined || communityId === undefined) {
          throw new Error(`导入计划不一致：找不到单位或社区（${p.unitKey} / ${p.communityKey}）`);
        }
        const record = { unitId, communityId, signedOn: p.signedOn, termYears: p.termYears, notes: p.notes };
        if (p.existingId === undefined) {
          repo.insertPairing(db, record);
          pairingsAdded++;
        } else {
          repo.updatePairing(db, p.existingId, record);
          pairingsUpdated++;
        }
      }
      const result = {
        unitsAdded,
        unitsUpdated,
        communitiesAdded: plan.newCommunities.size,
        pairingsAdded,
        pairingsUpdated,
      };
      if (Object.values(result).some((n) => n > 0)) {
        recordOp(db, {
          action: 'import',
          entity: 'unit',
          entityId: null,
          title: sheet.fileName,
          summary: importSummary(result, plan.rows),
        });
      }
      return result;
    })
    .immediate();
}

/** The log's summary: the counts, then what changed in existing units, capped so one import stays one entry. */
function importSummary(r: ImportResult, rows: ImportPlan['rows']): string {
  const counts = `新增共建单位${r.unitsAdded}个，修改${r.unitsUpdated}个；新建社区${r.communitiesAdded}个；新增结对${r.pairingsAdded}个，修改结对${r.pairingsUpdated}个`;
  const changes = rows
    .filter((row) => row.action === 'update')
    .map((row) => `第${row.row}行 ${row.unitName}：${row.messages.join('；')}`);
  let summary = counts;
  for (const [i, line] of changes.entries()) {
    if (summary.length + line.length > 3000) {
      summary += `\n……另有${changes.length - i}行修改未列出`;
      break;
    }
    summary += `\n${line}`;
  }
  return summary;
}
