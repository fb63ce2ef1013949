/** Categories of co-building units, as DOMAIN.md lists them (the order is the one shown in forms). */
export const UNIT_CATEGORIES = [
  '机关',
  '事业单位',
  '国有企业',
  '非公企业',
  '社会组织',
  '学校',
  '医院',
  '商务楼宇',
  '商圈市场',
  '其他',
] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

export const UNIT_STATUSES = ['active', 'withdrawn'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = { active: '共建中', withdrawn: '已退出' };

/** Longest texts the forms accept; generous, but a pasted 1 MB blob is refused with a message. */
export const LIMITS = { name: 100, short: 50, text: 2000 } as const;

/** The Chinese name of each unit field, as column headers, form labels, change logs and import messages say it. */
export const UNIT_FIELD_LABELS = {
  name: '单位名称',
  category: '单位类别',
  partyOrg: '党组织名称',
  secretary: '党组织书记',
  liaison: '联络员',
  phone: '联系电话',
  address: '单位地址',
  notes: '备注',
  status: '状态',
} as const;
