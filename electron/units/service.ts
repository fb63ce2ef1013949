import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { CommunityInput, PairingInput, UnitDetail, UnitInput } from '../../shared/contract/units';
import { nameKey } from '../../shared/domain/text';
import { AppError, fieldError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { UNIT_FIELD_LABELS, UNIT_STATUS_LABELS } from '../../shared/domain/units';
import { describeChanges, recordOp } from '../oplog/service';
import { moveToBin } from '../recycle/service';
import { toUnitRecord } from './record';
import { unitSnapshot, type CommunitySnapshot, type PairingSnapshot } from './recycle';
import { communityUse, unitUse } from '../projects/repo';
import * as repo from './repo';

export { toUnitRecord };

/** A unit as the change log shows it: status as its Chinese label. */
const loggable = (u: repo.UnitRecord) => ({ ...u, status: UNIT_STATUS_LABELS[u.status] });

type UnitIn = z.output<typeof UnitInput>;
type CommunityIn = z.output<typeof CommunityInput>;
type PairingIn = z.output<typeof PairingInput>;

export function unitDetail(db: Database, id: number): UnitDetail {
  const unit = repo.getUnit(db, id);
  if (!unit) throw notFound('该共建单位');
  return { ...unit, pairings: repo.pairingsOfUnit(db, id) };
}

export function saveUnit(db: Database, input: UnitIn): UnitDetail {
  const record = toUnitRecord(input);
  const id = db
    .transaction(() => {
      const sameName = repo.findUnitIdByKey(db, record.nameKey);
      if (sameName !== undefined && sameName !== input.id) {
        throw fieldError('CONFLICT', 'name', `已有名为“${input.name}”的共建单位，单位名称不能重复`);
      }
      if (input.id === undefined) {
        const id = repo.insertUnit(db, record);
        recordOp(db, { action: 'create', entity: 'unit', entityId: id, title: record.name, summary: '' });
        return id;
      }
      const before = repo.getUnit(db, input.id);
      if (!before) throw notFound('该共建单位');
      repo.updateUnit(db, input.id, record);
      const summary = describeChanges(loggable(toUnitRecord(before)), loggable(record), UNIT_FIELD_LABELS);
      if (summary) recordOp(db, { action: 'update', entity: 'unit', entityId: input.id, title: record.name, summary });
      return input.id;
    })
    .immediate();
  return unitDetail(db, id);
}

export function saveCommunity(db: Database, input: CommunityIn) {
  const key = nameKey(input.name);
  const id = db
    .transaction(() => {
      const sameName = repo.findCommunityIdByKey(db, key);
      if (sameName !== undefined && sameName !== input.id) {
        throw fieldError('CONFLICT', 'name', `已有名为“${input.name}”的社区，社区名称不能重复`);
      }
      const record = { name: input.name, nameKey: key, notes: input.notes };
      let cid: number;
      if (input.id === undefined) {
        cid = repo.insertCommunity(db, record);
        recordOp(db, {
          action: 'create',
          entity: 'community',
          entityId: cid,
          title: input.name,
          summary: input.grids.length ? `网格：${input.grids.join('、')}` : '',
        });
      } else {
        const before = repo.getCommunity(db, input.id);
        if (!before) throw notFound('该社区');
        repo.updateCommunity(db, input.id, record);
        cid = input.id;
        const summary = describeChanges(
          { name: before.name, grids: before.grids.join('、'), notes: before.notes },
          { name: input.name, grids: input.grids.join('、'), notes: input.notes },
          { name: '社区名称', grids: '网格', notes: '备注' },
        );
        if (summary) recordOp(db, { action: 'update', entity: 'community', entityId: cid, title: input.name, summary });
      }
      repo.replaceGrids(db, cid, input.grids);
      return cid;
    })
    .immediate();
  return repo.getCommunity(db, id)!;
}

export function savePairing(db: Database, input: PairingIn) {
  const id = db
    .transaction(() => {
      if (!repo.getUnit(db, input.unitId)) throw notFound('该共建单位');
      if (!repo.getCommunity(db, input.communityId)) throw notFound('该社区');
      const existing = repo.findPairing(db, input.unitId, input.communityId);
      if (existing && existing.id !== input.id) {
        throw new AppError('CONFLICT', `“${existing.unitName}”已与“${existing.communityName}”结对，无需重复添加`);
      }
      const record = {
        unitId: input.unitId,
        communityId: input.communityId,
        signedOn: input.signedOn,
        termYears: input.termYears,
        notes: input.notes,
      };
      const pairingLog = { signedOn: '签约日期', termYears: '共建期限（年）', notes: '备注' } as const;
      if (input.id === undefined) {
        const pid = repo.insertPairing(db, record);
        const p = repo.getPairing(db, pid)!;
        recordOp(db, {
          action: 'create',
          entity: 'pairing',
          entityId: pid,
          title: `${p.unitName} — ${p.communityName}`,
          summary: describeChanges({ ...record, signedOn: null, termYears: null, notes: '' }, record, pairingLog),
        });
        return pid;
      }
      const before = repo.getPairing(db, input.id);
      if (!before) throw notFound('该结对记录');
      repo.updatePairing(db, input.id, record);
      const after = repo.getPairing(db, input.id)!;
      const summary = describeChanges(before, after, { ...pairingLog, communityName: '结对社区' });
      if (summary)
        recordOp(db, {
          action: 'update',
          entity: 'pairing',
          entityId: input.id,
          title: `${after.unitName} — ${after.communityName}`,
          summary,
        });
      return input.id;
    })
    .immediate();
  return repo.getPairing(db, id)!;
}

export const directoryHandlers: Pick<
  Handlers,
  | 'communities.list'
  | 'communities.save'
  | 'communities.delete'
  | 'units.list'
  | 'units.get'
  | 'units.save'
  | 'units.delete'
  | 'pairings.save'
  | 'pairings.delete'
  | 'pairings.allocation'
> = {
  'communities.list': (_input, { db }) => repo.listCommunities(db),
  'communities.save': (input, { db }) => saveCommunity(db, input),
  'communities.delete': ({ id }, { db }) => {
    db.transaction(() => {
      const c = repo.getCommunity(db, id);
      if (!c) throw notFound('该社区');
      if (c.pairedUnitCount > 0) {
        throw new AppError('CONFLICT', `“${c.name}”还有 ${c.pairedUnitCount} 个结对共建单位，请先解除结对再删除该社区`);
      }
      const listed = communityUse(db, id);
      if (listed.needs + listed.projects > 0) {
        throw new AppError(
          'CONFLICT',
          `“${c.name}”在需求清单中有 ${listed.needs} 条需求、在 ${listed.projects} 个项目中作为服务社区，不能删除`,
        );
      }
      const snapshot: CommunitySnapshot = {
        id,
        name: c.name,
        nameKey: nameKey(c.name),
        notes: c.notes,
        grids: c.grids,
      };
      moveToBin(db, { entity: 'community', entityId: id, title: c.name, payload: snapshot });
      repo.deleteCommunity(db, id);
    }).immediate();
    return { deleted: true as const };
  },
  'units.list': (q, { db }) => repo.listUnits(db, q),
  'units.get': ({ id }, { db }) => unitDetail(db, id),
  'units.save': (input, { db }) => saveUnit(db, input),
  'units.delete': ({ id }, { db }) => {
    db.transaction(() => {
      const detail = unitDetail(db, id);
      const used = unitUse(db, id);
      if (used.projects + used.resources > 0) {
        throw new AppError(
          'CONFLICT',
          `“${detail.name}”在 ${used.projects} 个项目中担任责任或配合单位、登记了 ${used.resources} 项资源，不能删除。可将其状态改为“已退出”`,
        );
      }
      moveToBin(db, { entity: 'unit', entityId: id, title: detail.name, payload: unitSnapshot(db, detail) });
      repo.deleteUnit(db, id);
    }).immediate();
    return { deleted: true as const };
  },
  'pairings.save': (input, { db }) => savePairing(db, input),
  'pairings.delete': ({ id }, { db }) => {
    db.transaction(() => {
      const p = repo.getPairing(db, id);
      if (!p) throw notFound('该结对记录');
      const title = `${p.unitName} — ${p.communityName}`;
      const snapshot: PairingSnapshot = {
        id,
        title,
        unitId: p.unitId,
        communityId: p.communityId,
        signedOn: p.signedOn,
        termYears: p.termYears,
        notes: p.notes,
      };
      moveToBin(db, { entity: 'pairing', entityId: id, title, payload: snapshot });
      repo.deletePairing(db, id);
    }).immediate();
    return { deleted: true as const };
  },
  'pairings.allocation': (_input, { db }) => {
    const communities = repo.listCommunities(db);
    const rows = repo.allocationRows(db);
    return communities.map((c) => ({
      communityId: c.id,
      communityName: c.name,
      grids: c.grids,
      pairings: rows
        .filter((r) => r.community_id === c.id)
        .map((r) => ({
          ...repo.toPairing(r),
          category: r.category,
          secretary: r.secretary,
          liaison: r.liaison,
          phone: r.phone,
        })),
    }));
  },
};
