import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { NeedDetail, NeedInput } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { NEED_FIELD_LABELS, NEED_STATUS_LABELS, NEED_TRANSITIONS, type NeedStatus } from '../../shared/domain/lists';
import { nameKey } from '../../shared/domain/text';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { currentOperator, describeChanges, recordOp } from '../oplog/service';
import { optionList } from '../options/service';
import { moveToBin } from '../recycle/service';
import { getCommunity } from '../units/repo';
import type { NeedSnapshot } from './recycle';
import * as repo from './repo';

type NeedIn = z.output<typeof NeedInput>;

export function needDetail(db: Database, id: number): NeedDetail {
  const need = repo.getNeed(db, id, todayIso());
  if (!need) throw notFound('该需求');
  return { ...need, history: repo.needHistory(db, id), projects: repo.projectsOfNeed(db, id) };
}

export function toNeedRecord(n: Omit<NeedIn, 'id'>): repo.NeedRecord {
  const { communityId, grid, title, description, category, source, raisedOn, urgency, contactName, contactPhone } = n;
  return {
    communityId,
    grid,
    title,
    titleKey: nameKey(title),
    description,
    category,
    source,
    raisedOn,
    urgency,
    contactName,
    contactPhone,
  };
}

/** A need as the change log shows it. */
const loggable = (db: Database, n: repo.NeedRecord) => ({
  ...n,
  communityName: getCommunity(db, n.communityId)?.name ?? '',
});

export function saveNeed(db: Database, input: NeedIn): NeedDetail {
  const { id: inputId, ...fields } = input;
  const record = toNeedRecord(fields);
  const id = db
    .transaction(() => {
      if (!getCommunity(db, record.communityId)) throw notFound('该社区');
      if (inputId === undefined) {
        const id = repo.insertNeed(db, record);
        repo.logNeedStatus(db, {
          needId: id,
          from: null,
          to: 'open',
          reason: '登记需求',
          operator: currentOperator(db),
        });
        recordOp(db, { action: 'create', entity: 'need', entityId: id, title: record.title, summary: '' });
        return id;
      }
      const before = repo.getNeed(db, inputId, todayIso());
      if (!before) throw notFound('该需求');
      repo.updateNeed(db, inputId, record);
      const summary = describeChanges(loggable(db, toNeedRecord(before)), loggable(db, record), NEED_FIELD_LABELS);
      if (summary) recordOp(db, { action: 'update', entity: 'need', entityId: inputId, title: record.title, summary });
      return inputId;
    })
    .immediate();
  return needDetail(db, id);
}

/**
 * Moves a need along its status arrows and keeps the step in its history. Matching and 销号 call this too
 * (inside their own transactions), so a need's history tells its whole story whoever moved it.
 */
export function moveNeed(
  db: Database,
  id: number,
  to: NeedStatus,
  reason: string,
  opts: { force?: boolean } = {},
): boolean {
  const need = repo.getNeed(db, id, todayIso());
  if (!need) throw notFound('该需求');
  if (need.status === to) return false;
  if (!opts.force && !NEED_TRANSITIONS[need.status].includes(to)) {
    throw new AppError(
      'CONFLICT',
      `需求“${need.title}”当前为“${NEED_STATUS_LABELS[need.status]}”，不能直接改为“${NEED_STATUS_LABELS[to]}”`,
    );
  }
  repo.setNeedStatus(db, id, to, to === 'rejected' ? reason : '');
  repo.logNeedStatus(db, { needId: id, from: need.status, to, reason, operator: currentOperator(db) });
  recordOp(db, {
    action: 'update',
    entity: 'need',
    entityId: id,
    title: need.title,
    summary: `状态：${NEED_STATUS_LABELS[need.status]} → ${NEED_STATUS_LABELS[to]}${reason ? `（${reason}）` : ''}`,
  });
  return true;
}

export const needsHandlers: Pick<
  Handlers,
  'needs.list' | 'needs.get' | 'needs.save' | 'needs.setStatus' | 'needs.delete' | 'needs.categories'
> = {
  'needs.list': (q, { db }) => repo.listNeeds(db, q, todayIso()),
  'needs.get': ({ id }, { db }) => needDetail(db, id),
  'needs.save': (input, { db }) => saveNeed(db, input),
  'needs.setStatus': ({ id, status, reason }, { db }) => {
    db.transaction(() => moveNeed(db, id, status, reason)).immediate();
    return needDetail(db, id);
  },
  'needs.delete': ({ id }, { db }) => {
    db.transaction(() => {
      const detail = needDetail(db, id);
      if (detail.projects.length > 0) {
        throw new AppError(
          'CONFLICT',
          `需求“${detail.title}”已对接到项目“${detail.projects[0]!.name}”，不能删除。可将其改为“不予受理”，或先在项目中移除`,
        );
      }
      const snapshot: NeedSnapshot = {
        id,
        record: toNeedRecord(detail),
        status: detail.status,
        rejectReason: detail.rejectReason,
        history: detail.history,
      };
      moveToBin(db, { entity: 'need', entityId: id, title: detail.title, payload: snapshot });
      repo.deleteNeed(db, id);
    }).immediate();
    return { deleted: true as const };
  },
  'needs.categories': (_input, { db }) => {
    const used = repo.usedCategories(db);
    return [...new Set([...optionList(db, 'needCategories'), ...used])];
  },
};
