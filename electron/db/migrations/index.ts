import { migration001 } from './001_directory';
import { migration003 } from './003_oplog_recycle';
import type { Migration } from './types';

/** Every migration, in order. A new one is appended with the next number; old ones are never edited. */
export const migrations: Migration[] = [migration001, migration003];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
