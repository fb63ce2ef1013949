import { z } from 'zod';
import { defineChannel } from './channel';
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
import { Attachment } from './attachments';
import { ListImportCommit, ListImportPreview, ListImportReplan, ListImportResult, Need, Resource } from './lists';
import { CLOSURE_RESULTS, LIST_LIMITS, PROJECT_SOURCES, PROJECT_STATUSES } from '../domain/lists';

// ---------- 项目清单 ----------
const year = z.number().int().min(2000, '年度不对').max(2100, '年度不对');

export const ProjectFields = z.object({
  year,
  name: requiredLine('项目名称', LIST_LIMITS.title),
  source: z.enum(PROJECT_SOURCES).default('manual'),
  /** The 议定事项 the project carries out, when it came from a meeting. */
  decisionId: Id.nullable().default(null),
  goal: notes('项目目标', LIST_LIMITS.text).default(''),
  content: notes('主要内容', LIST_LIMITS.text).default(''),
  leadUnitIds: z.array(Id).min(1, '请选择责任单位').max(20),
  supportUnitIds: z.array(Id).max(50).default([]),
  communityIds: z.array(Id).max(100).default([]),
  leader: line('领办人', LIST_LIMITS.short).default(''),
  startOn: isoDate('开始日期').nullable().default(null),
  deadlineOn: isoDate('完成时限').nullable().default(null),
  /** 长期坚持: no deadline, never 逾期. */
  longTerm: z.boolean().default(false),
  milestones: notes('时间节点', LIST_LIMITS.text).default(''),
  budget: z.number().min(0, '预算不能为负数').max(1e7, '预算过大').nullable().default(null),
  notes: notes('备注', LIST_LIMITS.text).default(''),
});
export const ProjectInput = ProjectFields.extend({ id: Id.optional() });
export type ProjectInput = z.input<typeof ProjectInput>;

export const UnitRef = z.object({ id: Id, name: z.string() });
export const Project = z.object({
  id: Id,
  year: z.number().int(),
  name: z.string(),
  source: z.enum(PROJECT_SOURCES),
  decisionId: Id.nullable(),
  goal: z.string(),
  content: z.string(),
  leadUnits: z.array(UnitRef),
  supportUnits: z.array(UnitRef),
  communities: z.array(UnitRef),
  leader: z.string(),
  startOn: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  /** The 完成时限 as the paper table wrote it ("9月底前"), kept for the 责任分解表. */
  deadlineText: z.string(),
  longTerm: z.boolean(),
  milestones: z.string(),
  budget: z.number().nullable(),
  status: z.enum(PROJECT_STATUSES),
  statusReason: z.string(),
  notes: z.string(),
  progressPercent: z.number().int().nullable(),
  progressOn: z.string().nullable(),
  progressText: z.string(),
  /** Derived from today, never stored. */
  overdue: z.boolean(),
  overdueDays: z.number().int(),
  stalled: z.boolean(),
  /** Days since the last progress entry (or the start) while the project is open. */
  idleDays: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof Project>;

export const ProgressEntry = z.object({
  id: Id,
  entryOn: z.string(),
  percent: z.number().int(),
  text: z.string(),
  operator: z.string(),
  attachments: z.array(Attachment),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

export const Closure = z.object({
  id: Id,
  appliedOn: z.string(),
  applicant: z.string(),
  evidence: z.string(),
  result: z.enum(CLOSURE_RESULTS),
  reviewNote: z.string(),
  reviewedOn: z.string().nullable(),
  reviewer: z.string(),
  attachments: z.array(Attachment),
});
export type Closure = z.infer<typeof Closure>;

export const ProjectDetail = Project.extend({
  progress: z.array(ProgressEntry),
  closures: z.array(Closure),
  needs: z.array(Need),
  resources: z.array(Resource),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const PROJECT_SORT_FIELDS = [
  'deadlineOn',
  'name',
  'year',
  'status',
  'progressPercent',
  'progressOn',
  'updatedAt',
] as const;
export const ProjectListQuery = PageInput.extend({
  search: z.string().max(100).default(''),
  year: z.number().int().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  /** Projects the unit leads or supports (the per-unit view). */
  unitId: Id.optional(),
  communityId: Id.optional(),
  overdue: z.boolean().optional(),
  stalled: z.boolean().optional(),
  sortBy: z.enum(PROJECT_SORT_FIELDS).default('deadlineOn'),
  sortDir: SortDir.default('asc'),
});
export type ProjectListQuery = z.input<typeof ProjectListQuery>;

const upload = UploadedFile;
export const ProgressInput = z.object({
  projectId: Id,
  entryOn: isoDate('日期'),
  percent: z.number().int().min(0, '进度在0到100之间').max(100, '进度在0到100之间'),
  text: notes('进展情况', LIST_LIMITS.text).pipe(z.string().min(1, '请填写进展情况')),
  files: z.array(upload).max(20, '一次最多上传20个附件').default([]),
});
export type ProgressInput = z.input<typeof ProgressInput>;

export const ClosureApplyInput = z.object({
  projectId: Id,
  appliedOn: isoDate('申请日期'),
  applicant: requiredLine('申请单位（人）', LIST_LIMITS.title),
  evidence: notes('完成情况及佐证', LIST_LIMITS.text).pipe(z.string().min(1, '请填写完成情况及佐证材料说明')),
  files: z.array(upload).max(20, '一次最多上传20个附件').default([]),
});
export type ClosureApplyInput = z.input<typeof ClosureApplyInput>;

export const ClosureReviewInput = z
  .object({
    projectId: Id,
    pass: z.boolean(),
    reviewedOn: isoDate('审核日期'),
    note: notes('审核意见', LIST_LIMITS.text).default(''),
  })
  .refine((v) => v.pass || v.note !== '', { message: '退回时请写明原因', path: ['note'] });

export const ProjectStatusInput = z
  .object({
    id: Id,
    status: z.enum(['planning', 'active', 'terminated']),
    reason: notes('原因', LIST_LIMITS.text).default(''),
  })
  .refine((v) => v.status !== 'terminated' || v.reason !== '', { message: '终止项目请填写原因', path: ['reason'] });

export const MatchProjectInput = ProjectFields.omit({ source: true, decisionId: true }).extend({
  needIds: z.array(Id).min(1, '请选择至少一条需求').max(50),
  resourceIds: z.array(Id).min(1, '请选择至少一项资源').max(50),
});
export type MatchProjectInput = z.input<typeof MatchProjectInput>;

/** One unit's share of the ledger: what it took on, how far, what is done, what is late. */
export const UnitLedgerRow = z.object({
  unitId: Id,
  unitName: z.string(),
  lead: z.number().int(),
  support: z.number().int(),
  active: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  stalled: z.number().int(),
});
export type UnitLedgerRow = z.infer<typeof UnitLedgerRow>;

export const LedgerExportInput = z.object({ year: z.number().int().optional() });

/** 双报告 of one unit over a period (both days included). */
export const DualReportInput = z
  .object({ unitId: Id, from: isoDate('开始日期'), to: isoDate('结束日期') })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

const Deleted = z.object({ deleted: z.literal(true) });

export const ledgerChannels = {
  'projects.list': defineChannel(ProjectListQuery, pageOf(Project)),
  'projects.get': defineChannel(IdInput, ProjectDetail),
  'projects.save': defineChannel(ProjectInput, ProjectDetail),
  'projects.setStatus': defineChannel(ProjectStatusInput, ProjectDetail),
  'projects.delete': defineChannel(IdInput, Deleted),
  'projects.addProgress': defineChannel(ProgressInput, ProjectDetail),
  'projects.applyClose': defineChannel(ClosureApplyInput, ProjectDetail),
  'projects.reviewClose': defineChannel(ClosureReviewInput, ProjectDetail),
  'projects.byUnit': defineChannel(z.object({ year: z.number().int().optional() }).default({}), z.array(UnitLedgerRow)),
  'projects.years': defineChannel(z.object({}).default({}), z.array(z.number().int())),
  'matching.createProject': defineChannel(MatchProjectInput, ProjectDetail),
  'projects.importPreview': defineChannel(UploadedFile, ListImportPreview),
  'projects.importReplan': defineChannel(ListImportReplan, ListImportPreview),
  'projects.importCommit': defineChannel(ListImportCommit, ListImportResult),
  'projects.exportBreakdown': defineChannel(LedgerExportInput, SavedFile),
  'projects.exportProgress': defineChannel(LedgerExportInput, SavedFile),
  'projects.importTemplate': defineChannel(z.object({}).default({}), SavedFile),
  'projects.exportDualReport': defineChannel(DualReportInput, SavedFile),
};
