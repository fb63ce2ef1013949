import path from 'node:path';
import { BACKUP_KINDS, BACKUP_KIND_LABELS, type BackupKind } from '../../shared/domain/backup';
import { fileStamp } from '../db/backup';

/**
 * Backup file names carry everything needed to find and order backups without the database:
 *   <数据文件名>-<种类>-<YYYYMMDD-HHMMSS>-v<数据版本>[-<序号>].sqlite
 * e.g. dagongwei-每日-20261121-090512-v3.sqlite. When the database itself is unreadable this is how the
 * latest good backup is found, and it is what the clerk sees in Explorer, hence the Chinese kind label.
 */

const LABEL_TO_KIND = new Map<string, BackupKind>(BACKUP_KINDS.map((k) => [BACKUP_KIND_LABELS[k], k]));

export interface ParsedName {
  kind: BackupKind;
  /** Local time from the name (second precision). */
  createdAt: Date;
  schemaVersion: number;
  seq: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The base used in backup names: the database file's name without extension ("dagongwei"). */
export const dbBaseName = (dbPath: string) => path.parse(dbPath).name;

export function backupFileName(base: string, kind: BackupKind, now: Date, schemaVersion: number, seq = 1): string {
  return `${base}-${BACKUP_KIND_LABELS[kind]}-${fileStamp(now)}-v${schemaVersion}${seq > 1 ? `-${seq}` : ''}.sqlite`;
}

export function parseBackupFileName(base: string, fileName: string): ParsedName | null {
  const labels = [...LABEL_TO_KIND.keys()].map(escapeRe).join('|');
  const m = new RegExp(
    `^${escapeRe(base)}-(${labels})-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-v(\\d+)(?:-(\\d+))?\\.sqlite$`,
  ).exec(fileName);
  if (!m) return null;
  const [, label, y, mo, d, h, mi, s, v, seq] = m;
  const createdAt = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(createdAt.getTime())) return null;
  return { kind: LABEL_TO_KIND.get(label!)!, createdAt, schemaVersion: Number(v), seq: seq ? Number(seq) : 1 };
}

/** Unfinished copies are written under this suffix and renamed only once verified (so a crash never leaves a fake backup). */
export const PART_SUFFIX = '.part';
