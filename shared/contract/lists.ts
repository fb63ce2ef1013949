import { z } from 'zod';
import { defineChannel } from './channel';
import { IMPORT_ACTIONS, ImportCounts, ImportSheetInfo } from './import';
import {
  Id,
  IdInput,
  PageInput,
  SavedFile,
  SortDir,
  UploadedFile,
  isoDate,
  line,
  notes,
  pageOf,
  requiredLine,
} from './common';
import {
  LIST_LIMITS,
  NEED_STATUSES,
  RESOURCE_STATUSES,
  URGENCIES,
  normaliseCategory,
  normaliseResourceType,
  normaliseSource,
} from '../domain/lists';
import { PHONE_HINT, normalizePhone } from '../domain/phone';

/** A phone that may be empty; any written one must be a real mobile or landline number. */
export const optionalPhone = z.string().transform((s, ctx) => {
  if (s.trim() === '') return '';
  const p = normalizePhone(s);
  if (p === null) {
    ctx.addIssue({ code: 'custom', message: `联系电话格式不对：${PHONE_HINT}` });
    return z.NEVER;
  }
  return p;
});

// ---------- 需求清单 ----------
export const NeedFields = z.object({
  communityId: Id,
  grid: line('网格', LIST_LIMITS.short).default(''),
  title: requiredLine('需求名称', LIST_LIMITS.title),
  description: notes('需求内容', LIST_LIMITS.text).default(''),
  category: requiredLine('类别', LIST_LIMITS.short).transform(normaliseCategory),
  source: line('来源', LIST_LIMITS.short).transform(normaliseSource).default(''),
  raisedOn: isoDate('提出日期'),
  urgency: z.enum(URGENCIES, { message: '请选择紧急程度' }).default('一般'),
  contactName: line('联系人', LIST_LIMITS.short).default(''),
  contactPhone: optionalPhone.default(''),
});
export const NeedInput = NeedFields.extend({ id: Id.optional() });
export type NeedInput = z.input<typeof NeedInput>;

export const NeedStatusChange = z.object({
  at: z.string(),
  from: z.enum(NEED_STATUSES).nullable(),
  to: z.enum(NEED_STATUSES),
  reason: z.string(),
  operator: z.string(),
});
export type NeedStatusChange = z.infer<typeof NeedStatusChange>;

export const ProjectRef = z.object({ id: Id, year: z.number().int(), name: z.string(), status: z.string() });
export type ProjectRef = z.infer<typeof ProjectRef>;

export const Need = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  grid: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  source: z.string(),
  raisedOn: z.string(),
  urgency: z.enum(URGENCIES),
  contactName: z.string(),
  contactPhone: z.string(),
  status: z.enum(NEED_STATUSES),
  rejectReason: z.string(),
  /** Days since it was raised while still 待对接 (积压); null once it has moved on. */
  waitingDays: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof Need>;

export const NeedDetail = Need.extend({ history: z.array(NeedStatusChange), projects: z.array(ProjectRef) });
export type NeedDetail = z.infer<typeof NeedDetail>;

export const NEED_SORT_FIELDS = ['raisedOn', 'title', 'category', 'status', 'urgency', 'communityName'] as const;
export const NeedListQuery = PageInput.extend({
  search: z.string().max(100).default(''),
  status: z.enum(NEED_STATUSES).optional(),
  category: z.string().max(50).optional(),
  communityId: Id.optional(),
  /** Raised in this year (the dashboard's year carries over to the list it opens). */
  year: z.number().int().min(2000).max(2100).optional(),
  /** 积压: still 待对接 and raised at least this many days ago. */
  backlogDays: z.number().int().min(1).max(3650).optional(),
  sortBy: z.enum(NEED_SORT_FIELDS).default('raisedOn'),
  sortDir: SortDir.default('desc'),
});
export type NeedListQuery = z.input<typeof NeedListQuery>;

export const NeedStatusInput = z
  .object({
    id: Id,
    status: z.enum(NEED_STATUSES),
    reason: notes('原因', LIST_LIMITS.text).default(''),
  })
  .refine((v) => v.status !== 'rejected' || v.reason !== '', { message: '不予受理时请填写原因', path: ['reason'] });

// ---------- 资源清单 ----------
export const ResourceFields = z.object({
  unitId: Id,
  type: requiredLine('资源类型', LIST_LIMITS.short).transform(normaliseResourceType),
  title: requiredLine('资源名称', LIST_LIMITS.title),
  content: notes('资源内容', LIST_LIMITS.text).default(''),
  capacity: line('数量/规模', LIST_LIMITS.short).default(''),
  availableTime: line('可提供时间', LIST_LIMITS.title).default(''),
  contactName: line('联系人', LIST_LIMITS.short).default(''),
  contactPhone: optionalPhone.default(''),
  validUntil: isoDate('有效期至').nullable().default(null),
  status: z.enum(RESOURCE_STATUSES).default('available'),
});
export const ResourceInput = ResourceFields.extend({ id: Id.optional() });
export type ResourceInput = z.input<typeof ResourceInput>;

export const Resource = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  type: z.string(),
  title: z.string(),
  content: z.string(),
  capacity: z.string(),
  availableTime: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(RESOURCE_STATUSES),
  /** Past its 有效期: shown as 已过期 and never offered by the matching. */
  expired: z.boolean(),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof Resource>;
export const ResourceDetail = Resource.extend({ projects: z.array(ProjectRef) });
export type ResourceDetail = z.infer<typeof ResourceDetail>;

export const RESOURCE_SORT_FIELDS = ['unitName', 'type', 'title', 'status', 'validUntil', 'updatedAt'] as const;
export const ResourceListQuery = PageInput.extend({
  search: z.string().max(100).default(''),
  status: z.enum(RESOURCE_STATUSES).optional(),
  type: z.string().max(50).optional(),
  unitId: Id.optional(),
  sortBy: z.enum(RESOURCE_SORT_FIELDS).default('unitName'),
  sortDir: SortDir.default('asc'),
});
export type ResourceListQuery = z.input<typeof ResourceListQuery>;

// ---------- 供需对接 ----------
export const MatchCandidate = z.object({
  score: z.number(),
  /** Why it ranks where it does, in the clerk's words (类型对口, 结对社区, …). */
  reasons: z.array(z.string()),
});
export const ResourceCandidate = MatchCandidate.extend({ resource: Resource });
export const NeedCandidate = MatchCandidate.extend({ need: Need });
export type ResourceCandidate = z.infer<typeof ResourceCandidate>;
export type NeedCandidate = z.infer<typeof NeedCandidate>;

// ---------- 导入（三张表共用） ----------
export const ListImportRow = z.object({
  row: z.number().int(),
  action: z.enum(IMPORT_ACTIONS),
  /** What the row is about (需求名称 / 资源名称 / 项目名称), for the preview's list. */
  label: z.string(),
  messages: z.array(z.string()),
});
export type ListImportRow = z.infer<typeof ListImportRow>;

/** A unit name the directory does not know: the clerk picks the unit it means (or leaves the rows out). */
export const UnmatchedName = z.object({
  name: z.string(),
  rows: z.array(z.number().int()),
  /** Directory units whose names look alike, best first. */
  suggestions: z.array(z.object({ id: Id, name: z.string() })),
});
export type UnmatchedName = z.infer<typeof UnmatchedName>;

export const ListImportPreview = ImportSheetInfo.extend({
  rows: z.array(ListImportRow),
  counts: ImportCounts,
  unmatched: z.array(UnmatchedName),
});
export type ListImportPreview = z.infer<typeof ListImportPreview>;

export const ListImportCommit = z.object({
  previewId: z.string().min(1).max(100),
  /** The clerk's answers for unknown unit names: the directory unit each one means. */
  choices: z
    .array(z.object({ name: z.string().max(200), unitId: Id }))
    .max(500)
    .default([]),
});
export type ListImportCommit = z.input<typeof ListImportCommit>;
export const ListImportResult = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  leftOut: z.number().int(),
});
export type ListImportResult = z.infer<typeof ListImportResult>;

/** Choosing an import needs the same "pick the unit" answer again, so the preview can be re-planned with it. */
export const ListImportReplan = ListImportCommit;

export const ListExportInput = z.object({
  /** 导出完整联系方式: residents' phones and names unmasked; the choice is written to 操作日志. */
  fullContacts: z.boolean().default(false),
});

const Deleted = z.object({ deleted: z.literal(true) });

export const listsChannels = {
  'needs.list': defineChannel(NeedListQuery, pageOf(Need)),
  'needs.get': defineChannel(IdInput, NeedDetail),
  'needs.save': defineChannel(NeedInput, NeedDetail),
  'needs.setStatus': defineChannel(NeedStatusInput, NeedDetail),
  'needs.delete': defineChannel(IdInput, Deleted),
  'needs.categories': defineChannel(z.object({}).default({}), z.array(z.string())),
  'needs.importPreview': defineChannel(UploadedFile, ListImportPreview),
  'needs.importReplan': defineChannel(ListImportReplan, ListImportPreview),
  'needs.importCommit': defineChannel(ListImportCommit, ListImportResult),
  'needs.export': defineChannel(ListExportInput, SavedFile),
  'needs.importTemplate': defineChannel(z.object({}).default({}), SavedFile),
  'resources.list': defineChannel(ResourceListQuery, pageOf(Resource)),
  'resources.get': defineChannel(IdInput, ResourceDetail),
  'resources.save': defineChannel(ResourceInput, ResourceDetail),
  'resources.delete': defineChannel(IdInput, Deleted),
  'resources.importPreview': defineChannel(UploadedFile, ListImportPreview),
  'resources.importReplan': defineChannel(ListImportReplan, ListImportPreview),
  'resources.importCommit': defineChannel(ListImportCommit, ListImportResult),
  'resources.export': defineChannel(z.object({}).default({}), SavedFile),
  'resources.importTemplate': defineChannel(z.object({}).default({}), SavedFile),
  'matching.forNeed': defineChannel(IdInput, z.array(ResourceCandidate)),
  'matching.forResource': defineChannel(IdInput, z.array(NeedCandidate)),
};
