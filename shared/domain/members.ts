/** 在职党员双报到: the words of the roster and the 服务记实. */

export const MEMBER_STATUSES = ['active', 'transferred'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { active: '在册', transferred: '转出' };

export const MEMBER_LIMITS = { name: 30, title: 100, text: 500, post: 50 } as const;

/** One activity may list the whole volunteer day; more than this is two forms. */
export const MAX_MEMBERS_PER_ACTIVITY = 500;

/** Service posts a community usually offers; the community's own list comes first in the form. */
export const COMMON_POSTS = [
  '政策宣讲',
  '文明劝导',
  '环境整治',
  '助老帮困',
  '法律服务',
  '医疗义诊',
  '文体活动',
  '治安巡逻',
  '四点半课堂',
] as const;

export const MEMBER_FIELD_LABELS = {
  name: '姓名',
  unitName: '工作单位',
  communityName: '报到社区',
  reportedOn: '报到日期',
  post: '认领岗位',
  phone: '联系电话',
  status: '状态',
  notes: '备注',
} as const;

/** Hours as clerks write them: 2, 2.5 — never more than one decimal. */
export const roundHours = (h: number) => Math.round(h * 10) / 10;
