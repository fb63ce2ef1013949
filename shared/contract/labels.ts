import { z } from 'zod';

/**
 * The label a clerk knows each input field by, for the Chinese validation messages (./validation.ts).
 *
 * A field's label is found, first match wins:
 * 1. on its schema: the text helpers (line, requiredLine, notes, isoDate in ./common) label their own schema,
 *    and `labelled(schema, '…')` labels any fresh schema (never a shared one such as `Id`: that would rename it
 *    everywhere);
 * 2. by its key in FIELD_LABELS below, the longest dotted suffix of the path first ('weights.daily' before
 *    'daily'), array indexes skipped.
 * tests/unit/validation-zh.test.ts walks every channel of the contract and fails on a field with no label,
 * naming the key to add here.
 */
export const fieldLabels = z.registry<{ label: string }>();

/** Every label given to a schema, so the tests can tell a hand-written message names its field. */
export const schemaLabels = new Set<string>();

export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  fieldLabels.add(schema, { label });
  schemaLabels.add(label);
  return schema;
}

/** Keys shared by many channels; a key meaning something else in one channel gets its label on its schema. */
export const FIELD_LABELS: Record<string, string> = {
  // records chosen in a form or a list
  id: '记录',
  agendaItemId: '议题',
  communityId: '社区',
  communityIds: '服务社区',
  decisionId: '督办事项',
  feedbackId: '反馈',
  inviteeId: '参会单位',
  leadUnitId: '责任单位',
  leadUnitIds: '责任单位',
  meetingId: '会议',
  memberId: '在职党员',
  needId: '需求',
  needIds: '需求',
  partnerUnitIds: '配合单位',
  projectId: '项目',
  resourceIds: '资源',
  supportUnitIds: '配合单位',
  unitId: '共建单位',
  'choices.unitId': '对应的共建单位',
  'choices.name': '表中的单位名称',
  choices: '单位对应关系',
  // lists and their filters
  page: '页码',
  pageSize: '每页条数',
  sortBy: '排序列',
  sortDir: '排序方向',
  search: '搜索内容',
  q: '搜索内容',
  limitPerKind: '每类显示条数',
  status: '状态',
  category: '类别',
  kind: '会议类型',
  kinds: '会议类型',
  type: '类型',
  year: '年度',
  from: '开始日期',
  to: '结束日期',
  overdue: '只看逾期',
  stalled: '只看停滞',
  dueThisWeek: '只看本周到期',
  entity: '对象类型',
  list: '选项列表',
  items: '选项',
  // files
  fileName: '文件名',
  dataBase64: '文件内容',
  attachments: '附件',
  files: '附件',
  pngBase64: '图片',
  charts: '图表',
  'charts.title': '图表标题',
  previewId: '导入预览',
  folder: '备份文件夹',
  fullContacts: '导出完整联系方式',
  fullPhone: '导出完整电话',
  fullPhones: '导出完整电话',
  // meetings
  attendance: '出席情况',
  invitees: '参会单位',
  direction: '移动方向',
  includeCarryover: '列入上次会议议定事项',
  startTime: '开始时间',
  passed: '审核结果',
  // ledger
  budget: '预算',
  longTerm: '长期项目',
  percent: '进度',
  pass: '审核结果',
  // members and evaluation
  members: '在职党员',
  'members.hours': '服务时长',
  posts: '服务岗位',
  scores: '分数',
  hoursTarget: '满分服务时长',
  needsTarget: '满分需求数',
  thresholds: '等次分数线',
  weights: '权重',
  settings: '考核评价设置',
  // settings, options and security
  backlogDays: '积压天数',
  stallDays: '停滞天数',
  days: '备份提醒天数',
  idleMinutes: '自动锁定时间',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  operatorName: '操作员姓名',
  grids: '网格',
  termYears: '共建期限',
  phone: '联系电话',
  contactPhone: '联系电话',
  urgency: '紧急程度',
  source: '来源',
  reason: '原因',
  title: '标题',
};

/** The label of the field at `path` by FIELD_LABELS, or undefined. */
export function labelForPath(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((k): k is string => typeof k === 'string');
  for (let start = 0; start < keys.length; start++) {
    const key = keys.slice(start).join('.');
    if (Object.hasOwn(FIELD_LABELS, key)) return FIELD_LABELS[key];
  }
  return undefined;
}
