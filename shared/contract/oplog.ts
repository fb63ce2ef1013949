import { z } from 'zod';
import { defineChannel } from './channel';
import { Id, IdInput, PageInput, SavedFile, isoDate, pageOf } from './common';
import { OPLOG_ACTIONS } from '../domain/oplog';

export const OplogEntry = z.object({
  id: Id,
  at: z.string(),
  operator: z.string(),
  action: z.enum(OPLOG_ACTIONS),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  title: z.string(),
  summary: z.string(),
});
export type OplogEntry = z.infer<typeof OplogEntry>;

const OplogFilter = z.object({
  search: z.string().max(100).default(''),
  entity: z.string().max(50).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});
export const OplogQuery = PageInput.extend(OplogFilter.shape);
export type OplogQuery = z.output<typeof OplogQuery>;

export const RecycleItem = z.object({
  id: Id,
  deletedAt: z.string(),
  operator: z.string(),
  entity: z.string(),
  entityId: Id,
  title: z.string(),
});
export type RecycleItem = z.infer<typeof RecycleItem>;

/**
 * The log has no channel that edits or deletes it: it is append-only through the app.
 * The recycle bin restores or purges one item at a time; purging is always an explicit act.
 */
export const oplogChannels = {
  'oplog.list': defineChannel(OplogQuery, pageOf(OplogEntry)),
  'oplog.export': defineChannel(OplogFilter, SavedFile),
  'recycle.list': defineChannel(PageInput, pageOf(RecycleItem)),
  'recycle.restore': defineChannel(IdInput, z.object({ restored: z.literal(true), message: z.string() })),
  'recycle.purge': defineChannel(IdInput, z.object({ purged: z.literal(true) })),
};
