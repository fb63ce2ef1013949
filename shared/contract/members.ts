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
import { ListImportCommit, ListImportPreview, ListImportResult } from './lists';
import { MAX_MEMBERS_PER_ACTIVITY, MEMBER_LIMITS, MEMBER_STATUSES } from '../domain/members';
import { PHONE_HINT, normalizePhone } from '../domain/phone';

const phone = z.string().transform((s, ctx) => {
  if (s.trim() === '') return '';
  const p = normalizePhone(s);
  if (p === null) {
    ctx.addIssue({ code: 'custom', message: `联系电话格式不对：${PHONE_HINT}` });
    return z.NEVER;
  }
  return p;
});

// ---------- 在职党员 ----------
export const MemberInput = z.object({
  id: Id.optional(),
  name: requiredLine('姓名', MEMBER_LIMITS.name),
  unitId: Id,
  communityId: Id,
  reportedOn: isoDate('报到日期').nullable().default(null),
  post: line('认领岗位', MEMBER_LIMITS.post).default(''),
  phone: phone.default(''),
  status: z.enum(MEMBER_STATUSES).default('active'),
  notes: notes('备注', MEMBER_LIMITS.text).default(''),
});
export type MemberInput = z.input<typeof MemberInput>;

export const Member = z.object({
  id: Id,
  name: z.string(),
  unitId: Id.nullable(),
  unitName: z.string(),
  communityId: Id.nullable(),
  communityName: z.string(),
  reportedOn: z.string().nullable(),
  post: z.string(),
  phone: z.string(),
  status: z.enum(MEMBER_STATUSES),
  notes: z.string(),
  /** This year's (the list's year) hours, activities and last service day. */
  hours: z.number(),
  activities: z.number().int(),
  lastServedOn: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const MEMBER_SORT_FIELDS = ['name', 'unitName', 'communityName', 'reportedOn', 'hours', 'lastServedOn'] as const;
export const MemberListQuery = PageInput.extend({
  year: z.number().int().min(2000).max(2100),
  search: z.string().max(50).default(''),
  unitId: Id.optional(),
  communityId: Id.optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  sortBy: z.enum(MEMBER_SORT_FIELDS).default('name'),
  sortDir: SortDir.default('asc'),
});
export type MemberListQuery = z.input<typeof MemberListQuery>;

// ---------- 认领岗位 ----------
export const PostsInput = z.object({
  communityId: Id,
  posts: z
    .array(requiredLine('岗位名称', MEMBER_LIMITS.post))
    .max(100, '服务岗位不能超过100个')
    .refine((p) => new Set(p).size === p.length, '岗位名称有重复'),
});
export const CommunityPosts = z.object({ communityId: Id, posts: z.array(z.string()) });

// ---------- 服务记实 ----------
export const ActivityInput = z.object({
  servedOn: isoDate('服务日期'),
  title: requiredLine('服务内容', MEMBER_LIMITS.title),
  communityId: Id,
  projectId: Id.nullable().default(null),
  needId: Id.nullable().default(null),
  notes: notes('备注', MEMBER_LIMITS.text).default(''),
  /** Everyone who served that day; each with their own hours (the form fills one value for all). */
  members: z
    .array(z.object({ memberId: Id, hours: z.number().gt(0, '服务时长应大于0').max(24, '服务时长不能超过24小时') }))
    .min(1, '请至少选择一名在职党员')
    .max(MAX_MEMBERS_PER_ACTIVITY, `一次最多登记${MAX_MEMBERS_PER_ACTIVITY}名在职党员`)
    .refine((m) => new Set(m.map((x) => x.memberId)).size === m.length, '同一名在职党员选了两次'),
});
export type ActivityInput = z.input<typeof ActivityInput>;

export const ServiceRecord = z.object({
  id: Id,
  activityId: Id,
  servedOn: z.string(),
  title: z.string(),
  memberId: Id,
  memberName: z.string(),
  unitName: z.string(),
  communityName: z.string(),
  hours: z.number(),
  projectName: z.string().nullable(),
  needTitle: z.string().nullable(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;

export const RecordListQuery = PageInput.extend({
  year: z.number().int().min(2000).max(2100).optional(),
  memberId: Id.optional(),
  unitId: Id.optional(),
  communityId: Id.optional(),
});
export type RecordListQuery = z.input<typeof RecordListQuery>;

export const Activity = z.object({
  id: Id,
  servedOn: z.string(),
  title: z.string(),
  communityName: z.string(),
  memberCount: z.number().int(),
  hours: z.number(),
  /** The 共建项目 and/or 需求 the activity served, e.g. "项目：政策进社区；需求：加装电梯", or ''. */
  linkedTo: z.string(),
});

export const UnitHours = z.object({
  unitId: Id,
  unitName: z.string(),
  members: z.number().int(),
  activeMembers: z.number().int(),
  hours: z.number(),
  activities: z.number().int(),
  lastServedOn: z.string().nullable(),
});
export type UnitHours = z.infer<typeof UnitHours>;

export const YearInput = z.object({ year: z.number().int().min(2000).max(2100) });
/** The 共建单位 dialog asks for its own unit only. */
export const UnitHoursQuery = YearInput.extend({ unitId: Id.optional() });

export const RosterExportInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Phones go out masked unless the clerk ticks 显示完整电话. */
  fullPhones: z.boolean().default(false),
  unitId: Id.optional(),
  communityId: Id.optional(),
});

export const membersChannels = {
  'members.list': defineChannel(MemberListQuery, pageOf(Member)),
  'members.get': defineChannel(IdInput.extend({ year: z.number().int() }), Member),
  'members.save': defineChannel(MemberInput, Member),
  'members.delete': defineChannel(IdInput, z.object({ deleted: z.literal(true) })),
  /** Every member for the bulk-entry picker (id, name, unit, community, status). */
  'members.options': defineChannel(
    z.object({ communityId: Id.optional() }).default({}),
    z.array(
      z.object({
        id: Id,
        name: z.string(),
        unitName: z.string(),
        communityName: z.string(),
        communityId: Id.nullable(),
      }),
    ),
  ),
  'members.posts': defineChannel(z.object({}).default({}), z.array(CommunityPosts)),
  'members.savePosts': defineChannel(PostsInput, CommunityPosts),
  'service.record': defineChannel(
    ActivityInput,
    z.object({ activityId: Id, records: z.number().int(), hours: z.number() }),
  ),
  'service.list': defineChannel(RecordListQuery, pageOf(ServiceRecord)),
  'service.activities': defineChannel(PageInput.extend({ year: z.number().int().optional() }), pageOf(Activity)),
  'service.deleteActivity': defineChannel(IdInput, z.object({ deleted: z.literal(true) })),
  'service.unitHours': defineChannel(UnitHoursQuery, z.array(UnitHours)),
  'members.exportRoster': defineChannel(RosterExportInput, SavedFile),
  'members.exportRecordDocx': defineChannel(
    z.object({ memberId: Id, year: z.number().int(), fullPhone: z.boolean().default(false) }),
    SavedFile,
  ),
  'members.importPreview': defineChannel(UploadedFile, ListImportPreview),
  'members.importCommit': defineChannel(ListImportCommit, ListImportResult),
  'service.importPreview': defineChannel(UploadedFile, ListImportPreview),
  'service.importCommit': defineChannel(ListImportCommit, ListImportResult),
  'members.importTemplate': defineChannel(z.object({}).default({}), SavedFile),
  'service.importTemplate': defineChannel(z.object({}).default({}), SavedFile),
};
