import type { Database } from 'better-sqlite3';
import type { Settings } from '../../shared/contract/settings';
import type { Handlers } from '../core/registry';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
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
