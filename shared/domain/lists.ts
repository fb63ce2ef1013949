/**
 * 三张清单与项目台账: the words clerks use for needs, resources and projects. Categories, types and sources are
 * suggestions, not a closed list (streets add their own): forms offer these and accept any other short text.
 */

export const NEED_CATEGORIES = [
  '急难愁盼',
  '微心愿',
  '养老',
  '托育',
  '环境整治',
  '法律咨询',
  '就业创业',
  '文体',
  '医疗健康',
  '物业',
  '其他',
] as const;

export const NEED_SOURCES = ['网格员走访', '居民议事会', '敲门行动', '12345', '微心愿征集', '其他'] as const;

export const URGENCIES = ['一般', '较急', '紧急'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const RESOURCE_TYPES = [
  '场地',
  '人才',
  '信息',
  '技术',
  '法律咨询',
  '文体活动',
  '资金',
  '物资',
  '志愿服务',
  '医疗',
  '其他',
] as const;

/** The same category written the long way in offices' sheets ("养老服务", "12345热线"). */
const CATEGORY_ALIASES: Record<string, string> = {
  养老服务: '养老',
  为老服务: '养老',
  托育服务: '托育',
  托管: '托育',
  物业管理: '物业',
  物业服务: '物业',
  文体活动: '文体',
  文化体育: '文体',
  医疗: '医疗健康',
  医疗卫生: '医疗健康',
  健康: '医疗健康',
  法律: '法律咨询',
  法律服务: '法律咨询',
  就业: '就业创业',
  创业: '就业创业',
  环境: '环境整治',
  环境卫生: '环境整治',
};
const SOURCE_ALIASES: Record<string, string> = {
  '12345热线': '12345',
  热线: '12345',
  网格走访: '网格员走访',
  走访: '网格员走访',
  议事会: '居民议事会',
  敲门: '敲门行动',
  微心愿: '微心愿征集',
};
const TYPE_ALIASES: Record<string, string> = {
  医疗服务: '医疗',
  医疗健康: '医疗',
  法律: '法律咨询',
  法律服务: '法律咨询',
  文体: '文体活动',
  志愿者: '志愿服务',
  志愿: '志愿服务',
  经费: '资金',
  人力: '人才',
};

const squeeze = (s: string) => s.replace(/\s+/g, '');
export const normaliseCategory = (s: string) => CATEGORY_ALIASES[squeeze(s)] ?? squeeze(s);
export const normaliseSource = (s: string) => SOURCE_ALIASES[squeeze(s)] ?? squeeze(s);
export const normaliseResourceType = (s: string) => TYPE_ALIASES[squeeze(s)] ?? squeeze(s);

export const NEED_STATUSES = ['open', 'matched', 'in_progress', 'done', 'rejected'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '待对接',
  matched: '已对接',
  in_progress: '办理中',
  done: '已办结',
  rejected: '不予受理',
};
/** Where a need may go from each status by hand (matching and 销号 move them too, along the same arrows). */
export const NEED_TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  open: ['matched', 'in_progress', 'rejected'],
  matched: ['in_progress', 'open', 'rejected'],
  in_progress: ['done', 'matched'],
  done: ['in_progress'],
  rejected: ['open'],
};

export const RESOURCE_STATUSES = ['available', 'matched', 'paused'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  available: '可用',
  matched: '已对接',
  paused: '暂停',
};

export const PROJECT_STATUSES = ['planning', 'active', 'pending_close', 'closed', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planning: '谋划中',
  active: '推进中',
  pending_close: '待销号',
  closed: '已销号',
  terminated: '已终止',
};
/** Projects still being worked on: the ones that can be late or stalled. */
export const OPEN_PROJECT_STATUSES: readonly ProjectStatus[] = ['planning', 'active', 'pending_close'];

export const PROJECT_SOURCES = ['matching', 'meeting', 'manual'] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];
export const PROJECT_SOURCE_LABELS: Record<ProjectSource, string> = {
  matching: '供需对接',
  meeting: '会议议定',
  manual: '直接录入',
};

export const CLOSURE_RESULTS = ['pending', 'passed', 'returned'] as const;
export type ClosureResult = (typeof CLOSURE_RESULTS)[number];
export const CLOSURE_RESULT_LABELS: Record<ClosureResult, string> = {
  pending: '待审核',
  passed: '已销号',
  returned: '已退回',
};

/** A project with no progress entry for this many days is 停滞; an open need this old is 积压. */
export const STALL_DAYS = 30;
export const BACKLOG_DAYS = 30;

export const LIST_LIMITS = { title: 100, short: 50, text: 2000 } as const;

/**
 * Which resource types can serve a need of each category: the first reason the matching ranks by.
 * Unknown (street-defined) categories fall back to text similarity and pairing alone.
 */
export const CATEGORY_FITS: Record<string, readonly string[]> = {
  急难愁盼: ['志愿服务', '资金', '物资'],
  微心愿: ['物资', '资金', '志愿服务'],
  养老: ['志愿服务', '场地', '医疗', '物资'],
  托育: ['场地', '志愿服务', '人才', '文体活动'],
  环境整治: ['志愿服务', '物资', '资金'],
  法律咨询: ['法律咨询', '人才'],
  就业创业: ['信息', '技术', '人才'],
  文体: ['文体活动', '场地'],
  医疗健康: ['医疗', '人才', '志愿服务'],
  物业: ['技术', '志愿服务', '人才'],
};

export const NEED_FIELD_LABELS = {
  communityName: '社区',
  grid: '网格',
  title: '需求名称',
  description: '需求内容',
  category: '类别',
  source: '来源',
  raisedOn: '提出日期',
  urgency: '紧急程度',
  contactName: '联系人',
  contactPhone: '联系电话',
  status: '状态',
  rejectReason: '不予受理原因',
} as const;

export const RESOURCE_FIELD_LABELS = {
  unitName: '提供单位',
  type: '资源类型',
  title: '资源名称',
  content: '资源内容',
  capacity: '数量/规模',
  availableTime: '可提供时间',
  contactName: '联系人',
  contactPhone: '联系电话',
  validUntil: '有效期至',
  status: '状态',
} as const;

export const PROJECT_FIELD_LABELS = {
  year: '年度',
  name: '项目名称',
  source: '项目来源',
  goal: '项目目标',
  content: '主要内容',
  leadUnits: '责任单位',
  supportUnits: '配合单位',
  communities: '服务社区',
  leader: '领办人',
  startOn: '开始日期',
  deadline: '完成时限',
  milestones: '时间节点',
  budget: '预算（万元）',
  status: '状态',
  notes: '备注',
} as const;
