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
import { LIMITS, UNIT_CATEGORIES, UNIT_STATUSES } from '../domain/units';
import { PHONE_HINT, normalizePhone } from '../domain/phone';

// ---------- 社区 ----------
export const Community = z.object({
  id: Id,
  name: z.string(),
  grids: z.array(z.string()),
  notes: z.string(),
  pairedUnitCount: z.number().int(),
});
export type Community = z.infer<typeof Community>;

export const CommunityInput = z.object({
  id: Id.optional(),
  name: requiredLine('社区名称', LIMITS.name),
  grids: z
    .array(requiredLine('网格名称', LIMITS.short))
    .max(200, '网格不能超过200个')
    .refine((g) => new Set(g).size === g.length, '网格名称有重复')
    .default([]),
  notes: notes('备注', LIMITS.text).default(''),
});
export type CommunityInput = z.input<typeof CommunityInput>;

// ---------- 共建单位 ----------
const phone = z.string().transform((s, ctx) => {
  if (s.trim() === '') return '';
  const p = normalizePhone(s);
  if (p === null) {
    ctx.addIssue({ code: 'custom', message: `联系电话格式不对：${PHONE_HINT}` });
    return z.NEVER;
  }
  return p;
});

export const UnitFields = z.object({
  name: requiredLine('单位名称', LIMITS.name),
  category: z.enum(UNIT_CATEGORIES, { message: '请选择单位类别' }),
  partyOrg: line('党组织名称', LIMITS.name).default(''),
  secretary: line('党组织书记', LIMITS.short).default(''),
  liaison: line('联络员', LIMITS.short).default(''),
  phone: phone.default(''),
  address: line('单位地址', LIMITS.name).default(''),
  notes: notes('备注', LIMITS.text).default(''),
  status: z.enum(UNIT_STATUSES).default('active'),
});

export const UnitInput = UnitFields.extend({ id: Id.optional() });
export type UnitInput = z.input<typeof UnitInput>;

export const Pairing = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  communityId: Id,
  communityName: z.string(),
  signedOn: z.string().nullable(),
  termYears: z.number().int().nullable(),
  notes: z.string(),
});
export type Pairing = z.infer<typeof Pairing>;

export const Unit = z.object({
  id: Id,
  name: z.string(),
  category: z.enum(UNIT_CATEGORIES),
  partyOrg: z.string(),
  secretary: z.string(),
  liaison: z.string(),
  phone: z.string(),
  address: z.string(),
  notes: z.string(),
  status: z.enum(UNIT_STATUSES),
  /** Names of the paired communities, in name order, for the list's column. */
  communities: z.array(z.string()),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitDetail = Unit.extend({ pairings: z.array(Pairing) });
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UNIT_SORT_FIELDS = ['name', 'category', 'secretary', 'status', 'updatedAt'] as const;

export const UnitListQuery = PageInput.extend({
  search: z.string().max(100).default(''),
  category: z.enum(UNIT_CATEGORIES).optional(),
  communityId: Id.optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  sortBy: z.enum(UNIT_SORT_FIELDS).default('name'),
  sortDir: SortDir.default('asc'),
});
export type UnitListQuery = z.input<typeof UnitListQuery>;

// ---------- 结对共建 ----------
export const PairingInput = z.object({
  id: Id.optional(),
  unitId: Id,
  communityId: Id,
  signedOn: isoDate('签约日期').nullable().default(null),
  termYears: z.number().int().min(1, '共建期限至少1年').max(20, '共建期限不能超过20年').nullable().default(null),
  notes: notes('备注', LIMITS.text).default(''),
});
export type PairingInput = z.input<typeof PairingInput>;

export const AllocationRow = z.object({
  communityId: Id,
  communityName: z.string(),
  grids: z.array(z.string()),
  pairings: z.array(
    Pairing.extend({
      category: z.enum(UNIT_CATEGORIES),
      secretary: z.string(),
      liaison: z.string(),
      phone: z.string(),
    }),
  ),
});
export type AllocationRow = z.infer<typeof AllocationRow>;

// ---------- 导入 ----------
export { IMPORT_ACTIONS };
export const ImportRow = z.object({
  /** The row number as Excel shows it (1-based). */
  row: z.number().int(),
  action: z.enum(IMPORT_ACTIONS),
  unitName: z.string(),
  communityName: z.string(),
  /** For 'update': which fields change, as 字段：旧 → 新. For 'skip'/'error': the reasons, with the column. */
  messages: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportPreview = ImportSheetInfo.extend({
  rows: z.array(ImportRow),
  counts: ImportCounts.extend({ newCommunities: z.array(z.string()) }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  unitsAdded: z.number().int(),
  unitsUpdated: z.number().int(),
  communitiesAdded: z.number().int(),
  pairingsAdded: z.number().int(),
  pairingsUpdated: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const unitsChannels = {
  'communities.list': defineChannel(z.object({}).default({}), z.array(Community)),
  'communities.save': defineChannel(CommunityInput, Community),
  'communities.delete': defineChannel(IdInput, z.object({ deleted: z.literal(true) })),
  'units.list': defineChannel(UnitListQuery, pageOf(Unit)),
  'units.get': defineChannel(IdInput, UnitDetail),
  'units.save': defineChannel(UnitInput, UnitDetail),
  'units.delete': defineChannel(IdInput, z.object({ deleted: z.literal(true) })),
  'pairings.save': defineChannel(PairingInput, Pairing),
  'pairings.delete': defineChannel(IdInput, z.object({ deleted: z.literal(true) })),
  'pairings.allocation': defineChannel(z.object({}).default({}), z.array(AllocationRow)),
  'units.importPreview': defineChannel(UploadedFile, ImportPreview),
  'units.importCommit': defineChannel(z.object({ previewId: z.string().min(1).max(100) }), ImportResult),
  'units.exportDirectory': defineChannel(z.object({}).default({}), SavedFile),
  'pairings.exportAllocation': defineChannel(z.object({}).default({}), SavedFile),
  'units.importTemplate': defineChannel(z.object({}).default({}), SavedFile),
};
