import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { CommunityInput, PairingInput, UnitDetail, UnitInput } from '../../shared/contract/units';
import { nameKey } from '../../shared/domain/text';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import * as repo from './repo';

type UnitIn = z.output<typeof UnitInput>;
type CommunityIn = z.output<typeof CommunityInput>;
type PairingIn = z.output<typeof PairingInput>;

export function unitDetail(db: Database, id: number): UnitDetail {
  const unit = repo.getUnit(db, id);
  if (!unit) throw notFound('该共建单位');
  return { ...unit, pairings: repo.pairingsOfUnit(db, id) };
}

export function toUnitRecord(input: Omit<UnitIn, 'id'>): repo.UnitRecord {
  const { name, category, partyOrg, secretary, liaison, phone, address, notes, status } = input;
  return { name, nameKey: nameKey(name), category, partyOrg, secretary, liaison, phone, address, notes, status };
}

export function saveUnit(db: Database, input: UnitIn): UnitDetail {
  const record = toUnitRecord(input);
  const id = db.transaction(() => {
    const sameName = repo.findUnitIdByKey(db, record.nameKey);
    if (sameName !== undefined && sameName !== input.id) {
      throw new AppError('CONFLICT', `已有名为“${input.name}”的共建单位，单位名称不能重复`, ['name：单位名称已存在']);
    }
    if (input.id === undefined) return repo.insertUnit(db, record);
    if (!repo.getUnit(db, input.id)) throw notFound('该共建单位');
    repo.updateUnit(db, input.id, record);
    return input.id;
  }).immediate();
  return unitDetail(db, id);
}

export function saveCommunity(db: Database, input: CommunityIn) {
  const key = nameKey(input.name);
  const id = db.transaction(() => {
    const sameName = repo.findCommunityIdByKey(db, key);
    if (sameName !== undefined && sameName !== input.id) {
      throw new AppError('CONFLICT', `已有名为“${input.name}”的社区`, ['name：社区名称已存在']);
    }
    const record = { name: input.name, nameKey: key, notes: input.notes };
    let cid: number;
    if (input.id === undefined) cid = repo.insertCommunity(db, record);
    else {
      if (!repo.getCommunity(db, input.id)) throw notFound('该社区');
      repo.updateCommunity(db, input.id, record);
      cid = input.id;
    }
    repo.replaceGrids(db, cid, input.grids);
    return cid;
  }).immediate();
  return repo.getCommunity(db, id)!;
}

export function savePairing(db: Database, input: PairingIn) {
  const id = db.transaction(() => {
    if (!repo.getUnit(db, input.unitId)) throw notFound('该共建单位');
    if (!repo.getCommunity(db, input.communityId)) throw notFound('该社区');
    const existing = repo.findPairing(db, input.unitId, input.communityId);
    if (existing && existing.id !== input.id) {
      throw new AppError('CONFLICT', `“${existing.unitName}”已与“${existing.communityName}”结对，无需重复添加`);
    }
    const record = { unitId: input.unitId, communityId: input.communityId, signedOn: input.signedOn, termYears: input.termYears, notes: input.notes };
    if (input.id === undefined) return repo.insertPairing(db, record);
    if (!repo.getPairing(db, input.id)) throw notFound('该结对记录');
    repo.updatePairing(db, input.id, record);
    return input.id;
  }).immediate();
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
      repo.deleteCommunity(db, id);
    }).immediate();
    return { deleted: true as const };
  },
  'units.list': (q, { db }) => repo.listUnits(db, q),
  'units.get': ({ id }, { db }) => unitDetail(db, id),
  'units.save': (input, { db }) => saveUnit(db, input),
  'units.delete': ({ id }, { db }) => {
    db.transaction(() => {
      if (repo.deleteUnit(db, id) === 0) throw notFound('该共建单位');
    }).immediate();
    return { deleted: true as const };
  },
  'pairings.save': (input, { db }) => savePairing(db, input),
  'pairings.delete': ({ id }, { db }) => {
    db.transaction(() => {
      if (repo.deletePairing(db, id) === 0) throw notFound('该结对记录');
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
        .map((r) => ({ ...repo.toPairing(r), category: r.category, secretary: r.secretary, liaison: r.liaison, phone: r.phone })),
    }));
  },
};
