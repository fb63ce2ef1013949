import type { Database } from 'better-sqlite3';
import type { Settings } from '../../shared/contract/settings';
import type { Handlers } from '../core/registry';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { describeChanges, recordOp } from '../oplog/service';
import { readSettings, writeSetting } from './repo';

export function getSettings(db: Database): Settings {
  const s = readSettings(db);
  return {
    streetName: s.get('streetName') ?? '',
    committeeName: s.get('committeeName') ?? '',
    setupDone: s.get('setupDone') === '1',
  };
}

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.save' | 'app.info'> = {
  'settings.get': (_input, { db }) => getSettings(db),
  'settings.save': (input, { db }) => {
    db.transaction(() => {
      const before = getSettings(db);
      const summary = describeChanges(
        before,
        { ...before, ...input },
        { streetName: '街道名称', committeeName: '大工委名称' },
      );
      if (summary)
        recordOp(db, { action: 'settings', entity: 'settings', entityId: null, title: '街道与大工委名称', summary });
      writeSetting(db, 'streetName', input.streetName);
      writeSetting(db, 'committeeName', input.committeeName);
      writeSetting(db, 'setupDone', '1');
    }).immediate();
    return getSettings(db);
  },
  'app.info': (_input, ctx) => ({
    version: ctx.appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    dbPath: ctx.dbPath,
    shell: ctx.shell,
  }),
};
