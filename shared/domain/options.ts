import { DEFAULT_MEETING_KINDS } from './meetings';
import { BACKLOG_DAYS, NEED_CATEGORIES, NEED_SOURCES, RESOURCE_TYPES, STALL_DAYS } from './lists';

/**
 * 设置里可编辑的选项表: the short lists a street adapts to its own words (会议类型, 需求类别, …).
 * Each is stored under its own name as a settings key; until edited, the built-in list applies.
 */
export const OPTION_LIST_NAMES = ['meetingKinds', 'needCategories', 'needSources', 'resourceTypes'] as const;
export type OptionListName = (typeof OPTION_LIST_NAMES)[number];

export const OPTION_LISTS: Record<OptionListName, { label: string; defaults: readonly string[]; hint: string }> = {
  meetingKinds: {
    label: '会议类型',
    defaults: DEFAULT_MEETING_KINDS,
    hint: '新建会议时可选的类型；已有会议的类型不受影响',
  },
  needCategories: {
    label: '需求类别',
    defaults: NEED_CATEGORIES,
    hint: '需求登记和填报模板下拉中的类别；已登记需求的类别不受影响',
  },
  needSources: {
    label: '需求来源',
    defaults: NEED_SOURCES,
    hint: '需求登记和填报模板下拉中的来源',
  },
  resourceTypes: {
    label: '资源类型',
    defaults: RESOURCE_TYPES,
    hint: '资源登记、资源清单筛选和填报模板下拉中的类型',
  },
};

export const OPTION_LIMITS = { item: 30, items: 50 } as const;

/** 积压 / 停滞 thresholds: how many days make an open need a backlog, and a project without progress stalled. */
export const THRESHOLD_DEFAULTS = { backlogDays: BACKLOG_DAYS, stallDays: STALL_DAYS } as const;
