import type { Database } from 'better-sqlite3';
import type { ListThresholds } from '../../shared/contract/options';
import { OPTION_LISTS, THRESHOLD_DEFAULTS, type OptionListName } from '../../shared/domain/options';
import type { Handlers } from '../core/registry';
import { recordOp } from '../oplog/service';
import { readSettings, writeSetting } from '../settings/repo';

/** 设置里可编辑的选项表 and the 积压/停滞 day thresholds, kept in the settings key/value table. */

export function optionList(db: Database, list: OptionListName): string[] {
  const raw = readSettings(db).get(list);
  return raw ? (JSON.parse(raw) as string[]) : [...OPTION_LISTS[list].defaults];
}

/** Saves one list and logs the change; the caller's transaction (or this one) holds both. */
export function saveOptionList(db: Database, list: OptionListName, items: string[]): string[] {
  db.transaction(() => {
    const before = optionList(db, list);
    writeSetting(db, list, JSON.stringify(items));
    recordOp(db, {
      action: 'settings',
      entity: 'settings',
      entityId: null,
      title: OPTION_LISTS[list].label,
      summary: `${before.join('、')} → ${items.join('、')}`,
    });
  }).immediate();
  return items;
}

const THRESHOLD_KEYS = { backlogDays: 'backlogDays', stallDays: 'stallDays' } as const;

export function listThresholds(db: Database): ListThresholds {
  const s = readSettings(db);
  const read = (k: keyof ListThresholds) => {
    const n = Number(s.get(THRESHOLD_KEYS[k]));
    return Number.isInteger(n) && n > 0 ? n : THRESHOLD_DEFAULTS[k];
  };
  return { backlogDays: read('backlogDays'), stallDays: read('stallDays') };
}

export const optionsHandlers: Pick<
  Handlers,
  'options.get' | 'options.save' | 'options.thresholds' | 'options.saveThresholds'
> = {
  'options.get': ({ list }, { db }) => ({ list, items: optionList(db, list) }),
  'options.save': ({ list, items }, { db }) => ({ list, items: saveOptionList(db, list, items) }),
  'options.thresholds': (_i, { db }) => listThresholds(db),
  'options.saveThresholds': (input, { db }) => {
    db.transaction(() => {
      const before = listThresholds(db);
      writeSetting(db, THRESHOLD_KEYS.backlogDays, String(input.backlogDays));
      writeSetting(db, THRESHOLD_KEYS.stallDays, String(input.stallDays));
      const changes = [
        before.backlogDays !== input.backlogDays && `积压天数：${before.backlogDays} → ${input.backlogDays}`,
        before.stallDays !== input.stallDays && `停滞天数：${before.stallDays} → ${input.stallDays}`,
      ].filter(Boolean);
      if (changes.length)
        recordOp(db, {
          action: 'settings',
          entity: 'settings',
          entityId: null,
          title: '积压与停滞天数',
          summary: changes.join('；'),
        });
    }).immediate();
    return listThresholds(db);
  },
};
