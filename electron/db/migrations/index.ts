import { migration001 } from './001_directory';
import { migration002 } from './002_backups';
import { migration003 } from './003_oplog_recycle';
import { migration004 } from './004_attachments';
import { migration005 } from './005_meetings';
import { migration006 } from './006_lists_ledger';
import { migration007 } from './007_members_evaluation';
import { migration008 } from './008_search';
import { migration009 } from './009_export_order';
import type { Migration } from './types';

/** Every migration, in order. A new one is appended with the next number; old ones are never edited. */
export const migrations: Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
