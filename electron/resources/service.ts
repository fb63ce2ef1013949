import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ResourceDetail, ResourceInput } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { RESOURCE_FIELD_LABELS, RESOURCE_STATUS_LABELS } from '../../shared/domain/lists';
import { nameKey } from '../../shared/domain/text';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { describeChanges, recordOp } from '../oplog/service';
import { moveToBin } from '../recycle/service';
import { getUnit } from '../units/repo';
import type { ResourceSnapshot } from './recycle';
import * as repo from './repo';

type ResourceIn = z.output<typeof ResourceInput>;

export function resourceDetail(db: Database, id: number): ResourceDetail {
  const r = repo.getResource(db, id, todayIso());
  if (!r) throw notFound('该资源');
  return { ...r, projects: repo.projectsOfResource(db, id) };
}

export function toResourceRecord(r: Omit<ResourceIn, 'id'>): repo.ResourceRecord {
  const { unitId, type, title, content, capacity, availableTime, contactName, contactPhone, validUntil, status } = r;
  return {
    unitId,
    type,
    title,
    titleKey: nameKey(title),
    content,
    capacity,
    availableTime,
    contactName,
    contactPhone,
    validUntil,
    status,
  };
}

const loggable = (db: Database, r: repo.ResourceRecord) => ({
  ...r,
  unitName: getUnit(db, r.unitId)?.name ?? '',
  status: RESOURCE_STATUS_LABELS[r.status],
});

export function saveResource(db: Database, input: ResourceIn): ResourceDetail {
  const { id: inputId, ...fields } = input;
  const record = toResourceRecord(fields);
  const id = db
    .transaction(() => {
      const unit = getUnit(db, record.unitId);
      if (!unit) throw notFound('该共建单位');
      const same = repo.findResourceId(db, record.unitId, record.titleKey);
      if (same !== undefined && same !== inputId) {
        throw new AppError('CONFLICT', `“${unit.name}”已有名为“${record.title}”的资源，请勿重复登记`);
      }
      if (inputId === undefined) {
        const id = repo.insertResource(db, record);
        recordOp(db, {
          action: 'create',
          entity: 'resource',
          entityId: id,
          title: `${unit.name}：${record.title}`,
          summary: '',
        });
        return id;
      }
      const before = repo.getResource(db, inputId, todayIso());
      if (!before) throw notFound('该资源');
      repo.updateResource(db, inputId, record);
      const summary = describeChanges(
        loggable(db, toResourceRecord(before)),
        loggable(db, record),
        RESOURCE_FIELD_LABELS,
      );
      if (summary)
        recordOp(db, {
          action: 'update',
          entity: 'resource',
          entityId: inputId,
          title: `${unit.name}：${record.title}`,
          summary,
        });
      return inputId;
    })
    .immediate();
  return resourceDetail(db, id);
}

export const resourcesHandlers: Pick<
  Handlers,
  'resources.list' | 'resources.get' | 'resources.save' | 'resources.delete'
> = {
  'resources.list': (q, { db }) => repo.listResources(db, q, todayIso()),
  'resources.get': ({ id }, { db }) => resourceDetail(db, id),
  'resources.save': (input, { db }) => saveResource(db, input),
  'resources.delete': ({ id }, { db }) => {
    db.transaction(() => {
      const d = resourceDetail(db, id);
      if (d.projects.length > 0) {
        throw new AppError(
          'CONFLICT',
          `资源“${d.title}”已对接到项目“${d.projects[0]!.name}”，不能删除。可将其改为“暂停”`,
        );
      }
      const snapshot: ResourceSnapshot = { id, record: toResourceRecord(d) };
      moveToBin(db, { entity: 'resource', entityId: id, title: `${d.unitName}：${d.title}`, payload: snapshot });
      repo.deleteResource(db, id);
    }).immediate();
    return { deleted: true as const };
  },
};
