import { z } from 'zod';
import { defineChannel } from './channel';
import { requiredLine } from './common';
import { OPTION_LIMITS, OPTION_LIST_NAMES } from '../domain/options';

export const OptionListName = z.enum(OPTION_LIST_NAMES);

export const OptionList = z.object({ list: OptionListName, items: z.array(z.string()) });
export type OptionList = z.infer<typeof OptionList>;

export const OptionListInput = z.object({
  list: OptionListName,
  items: z
    .array(requiredLine('选项', OPTION_LIMITS.item))
    .min(1, '至少保留一个选项')
    .max(OPTION_LIMITS.items, `选项不能超过${OPTION_LIMITS.items}项`)
    .refine((k) => new Set(k).size === k.length, '选项有重复'),
});
export type OptionListInput = z.input<typeof OptionListInput>;

const days = (label: string) =>
  z
    .number({ message: `${label}应为整数天数` })
    .int(`${label}应为整数天数`)
    .min(1, `${label}至少为1天`)
    .max(3650, `${label}不能超过3650天`);

export const ListThresholds = z.object({ backlogDays: days('积压天数'), stallDays: days('停滞天数') });
export type ListThresholds = z.infer<typeof ListThresholds>;

export const optionsChannels = {
  'options.get': defineChannel(z.object({ list: OptionListName }), OptionList),
  'options.save': defineChannel(OptionListInput, OptionList),
  'options.thresholds': defineChannel(z.object({}).default({}), ListThresholds),
  'options.saveThresholds': defineChannel(ListThresholds, ListThresholds),
};
