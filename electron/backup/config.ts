import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Backup settings live in a small JSON file beside the database, not in it:
 *  - when the database is damaged, the app must still know where the backups are to name the latest good one;
 *  - restoring an old backup must not also bring back an old backup folder or forget the undo point.
 */
const BackupConfig = z.object({
  /** null = the default folder beside the data. */
  folder: z.string().nullable().default(null),
  warnAfterDays: z.number().int().min(1).max(365).default(7),
  /**
   * Set by a restore, cleared by its undo: the backup file holding the data as it was before. Named by folder
   * and file, not by catalogue id: a crash midway through a restore can leave an older catalogue whose ids differ.
   */
  lastRestore: z
    .object({
      revertPointFolder: z.string(),
      revertPointFile: z.string(),
      restoredFrom: z.string(),
      restoredAt: z.string(),
    })
    .nullable()
    .default(null),
});
export type BackupConfig = z.infer<typeof BackupConfig>;

export const configPathFor = (dbPath: string) =>
  path.join(path.dirname(dbPath), `${path.parse(dbPath).name}.backup-settings.json`);

/** A missing or unreadable file means the defaults (an unreadable one is left in place for inspection). */
export function readConfig(dbPath: string): BackupConfig {
  try {
    return BackupConfig.parse(JSON.parse(fs.readFileSync(configPathFor(dbPath), 'utf8')));
  } catch {
    return BackupConfig.parse({});
  }
}

/** Written to a temporary name, flushed, then renamed over the old file: a crash leaves the old or the new one. */
export function writeConfig(dbPath: string, config: BackupConfig): void {
  const file = configPathFor(dbPath);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(config, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
