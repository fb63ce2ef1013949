import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_KIND_LABELS, type BackupEntry, type BackupKind, type BackupStatus } from '../../shared/contract/backup';
import type { DbHolder } from '../core/db-handle';
import { AppError } from '../core/errors';
import type { ExclusiveGate } from '../core/exclusive';
import {
  devBackupWorker,
  newBackupThreads,
  stopBackupThreads,
  verifiedBackupInThread,
  type BackupWorkerEntry,
} from '../db/backup-thread';
import { asBookkeeping, dataState } from '../db/data-state';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { recordOp } from '../oplog/service';
import { readConfig, writeConfig, type BackupConfig } from './config';
import { insideFolder } from './folder';
import { inspectBackupFile, listBackupFiles } from './inspect';
import { tableCounts } from './labels';
import { dbBaseName, parseBackupFileName, PART_SUFFIX } from './naming';
import * as repo from './repo';
import { planRotation } from './rotation';
import { writeBackupIn } from './write';

export interface BackupServiceOptions {
  holder: DbHolder;
  dbPath: string;
  /** Beside the data unless the host says otherwise; the fallback whenever the clerk's folder fails. */
  defaultFolder: string;
  gate: ExclusiveGate;
  appVersion: string;
  nativeBinding?: string;
  now?: () => Date;
  logError?: (where: string, error: unknown) => void;
  /** The backup thread's code (the Electron shell passes its built file); by default the dev source, if any. */
  worker?: BackupWorkerEntry;
}

const localDay = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/**
 * 数据备份: the catalogue of backups (table `backups`), automatic and manual backups with rotation, the
 * backup folder and the status shown to the clerk. Restores and packages are in restore.ts / packages.ts.
 */
export class BackupService {
  readonly holder: DbHolder;
  readonly dbPath: string;
  readonly base: string;
  readonly defaultFolder: string;
  readonly gate: ExclusiveGate;
  readonly appVersion: string;
  readonly nativeBinding?: string;
  readonly now: () => Date;
  /** Decrypted packages waiting for the clerk's confirmation; never inside the backup folder. */
  readonly stagingDir: string;
  private readonly logError: (where: string, error: unknown) => void;
  /** The last automatic backup that failed or had to use the default folder (shown in the status). */
  lastFailure: BackupStatus['lastFailure'] = null;
  /** The data's state when the connection was opened: no change since means no quit backup is needed. */
  private stateAtOpen = '';
  private readonly worker: BackupWorkerEntry;
  private readonly threads = newBackupThreads();
  /** The verified backup holding exactly the data as it is now, while nothing has been written since. */
  private current: { id: number; state: string } | null = null;
  /** A backup running in the background (the day's first, or one ahead of an import), until it is done. */
  private ahead: Promise<unknown> | null = null;

  constructor(o: BackupServiceOptions) {
    this.holder = o.holder;
    this.dbPath = o.dbPath;
    this.base = dbBaseName(o.dbPath);
    this.defaultFolder = path.resolve(o.defaultFolder);
    this.gate = o.gate;
    this.appVersion = o.appVersion;
    this.nativeBinding = o.nativeBinding;
    this.now = o.now ?? (() => new Date());
    this.logError = o.logError ?? (() => {});
    this.stagingDir = path.join(path.dirname(o.dbPath), `${this.base}.restore-staging`);
    this.worker = o.worker === undefined ? devBackupWorker() : o.worker;
  }

  get db(): Database {
    return this.holder.current;
  }

  config(): BackupConfig {
    return readConfig(this.dbPath);
  }

  saveConfig(change: Partial<BackupConfig>): void {
    writeConfig(this.dbPath, { ...this.config(), ...change });
  }

  folder(): string {
    return this.config().folder ?? this.defaultFolder;
  }

  /** Where backups are written, in order of preference, and where they are looked for. */
  folders(): string[] {
    return [...new Set([this.folder(), this.defaultFolder])];
  }

  /** Opens the data file the app's way (preflight, migrations with their backup). */
  reopen(): Promise<OpenedDatabase> {
    return openDatabase(this.dbPath, {
      nativeBinding: this.nativeBinding,
      backupDir: this.folder(),
      fallbackBackupDir: this.defaultFolder,
      now: this.now,
    });
  }

  /** After opening: tidy leftovers, bring the catalogue in line with the folder, take the day's first backup. */
  async startup(opts: { created: boolean }): Promise<void> {
    fs.rmSync(this.stagingDir, { recursive: true, force: true }); // decrypted copies from a previous run
    this.reconcile();
    this.markOpened();
    // The day's first backup runs on the backup thread: the window opens at once instead of after it (a
    // 250 MB file takes seconds to copy and check). An import started meanwhile waits for it and uses it.
    if (!opts.created && !this.hasBackupToday('daily')) this.inBackground(() => this.automatic('daily'));
  }

  markOpened(): void {
    this.stateAtOpen = dataState(this.db);
  }

  /** The backup taken when the app quits; skipped when nothing was written since it opened. */
  async quitBackup(): Promise<void> {
    if (!this.db.open || dataState(this.db) === this.stateAtOpen) return;
    await this.automatic('quit');
  }

  private hasBackupToday(kind: BackupKind): boolean {
    const today = localDay(this.now());
    return this.entries().some((e) => e.kind === kind && e.verifiedOk && localDay(new Date(e.createdAt)) === today);
  }

  /** An automatic backup never stops the app: a failure is remembered for the status and logged. */
  async automatic(kind: BackupKind): Promise<BackupEntry | null> {
    try {
      return await this.create(kind);
    } catch (e) {
      this.lastFailure = { at: this.now().toISOString(), kind, message: e instanceof AppError ? e.message : String(e) };
      this.logError(`backup.${kind}`, e);
      return null;
    }
  }

  /** Takes a verified backup, records it, prunes by the rotation rule. Throws (FILE_ERROR) if no copy was made. */
  async create(kind: BackupKind, note = ''): Promise<BackupEntry> {
    const now = this.now();
    const before = dataState(this.db);
    const source = {
      version: this.db.pragma('user_version', { simple: true }) as number,
      copy: (dest: string) =>
        verifiedBackupInThread(
          this.worker,
          { dbPath: this.dbPath, dest, nativeBinding: this.nativeBinding },
          this.threads,
        ),
    };
    const written = await writeBackupIn(source, this.folders(), this.base, kind, now);
    // The copy holds the data as it was at `before` only if nothing was written while it was being made.
    const holdsCurrentData = dataState(this.db) === before;
    if (written.fallbackReason)
      this.lastFailure = {
        at: now.toISOString(),
        kind,
        message: `${written.fallbackReason}，这次备份已改存到 ${written.folder}`,
      };
    const info = inspectBackupFile(written.file, { integrity: false, nativeBinding: this.nativeBinding });
    const row: repo.NewBackupRow = {
      folder: written.folder,
      file_name: written.fileName,
      kind,
      created_at: now.toISOString(),
      size: info.size,
      schema_version: info.schemaVersion,
      counts: JSON.stringify(info.counts),
      verified_ok: 1,
      verified_at: new Date().toISOString(),
      note,
    };
    // The catalogue is the app's own books: recording a backup is not a change of the data it holds.
    const id = asBookkeeping(this.db, () =>
      this.db
        .transaction(() => {
          const newId = repo.insertBackupRow(this.db, row);
          if (kind === 'manual')
            recordOp(this.db, {
              action: 'backup',
              entity: 'database',
              entityId: null,
              title: '手动备份',
              summary: written.file,
            });
          return newId;
        })
        .immediate(),
    );
    this.rotate();
    this.current = holdsCurrentData ? { id, state: dataState(this.db) } : null;
    return this.entry(id);
  }

  /**
   * Starts the backup an import will need while the clerk reads its preview, on the backup thread. Nothing
   * is started when a verified backup already holds the current data or one is under way.
   */
  startAhead(kind: BackupKind): void {
    if (this.ahead || this.currentEntry()) return;
    // On failure backupBefore tries again, and says why if it fails too.
    this.inBackground(() => this.create(kind).catch((e: unknown) => this.logError(`backup.${kind}.ahead`, e)));
  }

  /** Runs a backup job in the background, as a call of its own (a restore waits for it to finish). */
  private inBackground(job: () => Promise<unknown>): void {
    this.ahead = this.gate.shared(job).finally(() => (this.ahead = null));
  }

  /** Whether a backup is being made in the background now. */
  get running(): boolean {
    return this.ahead !== null;
  }

  /** Resolves once no backup is running in the background. */
  async settled(): Promise<void> {
    while (this.ahead) await this.ahead;
  }

  /**
   * The verified backup to stand before a bulk change (an import): the one started ahead if it still holds
   * the current data, else a new one. Throws (FILE_ERROR) if none can be made.
   */
  async backupBefore(kind: BackupKind): Promise<BackupEntry> {
    if (this.ahead) await this.ahead;
    return this.currentEntry() ?? (await this.create(kind));
  }

  /** The catalogue entry of the verified backup holding exactly the current data, if there is one. */
  private currentEntry(): BackupEntry | undefined {
    if (!this.current || this.current.state !== dataState(this.db)) return undefined;
    const id = this.current.id;
    return this.entries().find((e) => e.id === id && e.verifiedOk);
  }

  /** Stops backups running on the backup thread (the app is closing); their `.part` files are never backups. */
  stopBackground(): Promise<void> {
    return stopBackupThreads(this.threads);
  }

  /**
   * Makes the catalogue match the backup folders: files found without a row are checked and recorded (the
   * pre-migration copy, backups made before a restore, files copied in by hand); rows whose file is gone
   * from a readable folder are dropped. A folder that cannot be read (USB stick out) is left alone.
   */
  reconcile(): void {
    const found = listBackupFiles(this.folders(), this.base);
    const readable = this.folders().filter((f) => fs.existsSync(f));
    const rows = repo.listBackupRows(this.db);
    const known = new Set(rows.map((r) => `${r.folder}\u0000${r.file_name}`));
    const additions: repo.NewBackupRow[] = [];
    for (const f of found) {
      if (known.has(`${f.folder}\u0000${f.fileName}`)) continue;
      try {
        const info = inspectBackupFile(path.join(f.folder, f.fileName), {
          integrity: true,
          nativeBinding: this.nativeBinding,
        });
        additions.push({
          folder: f.folder,
          file_name: f.fileName,
          kind: f.kind,
          created_at: f.createdAt.toISOString(),
          size: info.size,
          schema_version: info.schemaVersion,
          counts: JSON.stringify(info.counts),
          verified_ok: info.integrity === 'ok' ? 1 : 0,
          verified_at: new Date().toISOString(),
          note: '',
        });
      } catch (e) {
        this.logError('backup.reconcile', e); // unreadable file: it stays out of the list, and on disk
      }
    }
    const gone = rows.filter((r) => readable.includes(r.folder) && !fs.existsSync(path.join(r.folder, r.file_name)));
    if (additions.length || gone.length) {
      asBookkeeping(this.db, () =>
        this.db
          .transaction(() => {
            for (const r of gone) repo.deleteBackupRow(this.db, r.id);
            for (const a of additions) repo.insertBackupRow(this.db, a);
          })
          .immediate(),
      );
    }
    for (const folder of readable) this.removeStaleParts(folder);
  }

  /** `.part` files are our own copies interrupted by a crash; they were never a backup. */
  private removeStaleParts(folder: string): void {
    for (const name of fs.readdirSync(folder)) {
      if (
        name.endsWith(`.sqlite${PART_SUFFIX}`) &&
        parseBackupFileName(this.base, name.slice(0, -PART_SUFFIX.length))
      ) {
        fs.rmSync(path.join(folder, name), { force: true });
      }
    }
  }

  /** Applies the rotation rule (rotation.ts) to the backups on disk. Manual backups are never touched. */
  rotate(): void {
    const rows = this.presentRows();
    const undoId = this.undoPointId(rows);
    const plan = planRotation(
      rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: new Date(r.created_at), verifiedOk: r.verified_ok === 1 })),
      { protectIds: undoId ? [undoId] : [] },
    );
    const removed: number[] = [];
    for (const id of plan.remove) {
      const r = rows.find((x) => x.id === id)!;
      if (r.kind === 'manual' || !parseBackupFileName(this.base, r.file_name)) continue; // belt and braces
      try {
        fs.rmSync(insideFolder(r.folder, r.file_name));
        removed.push(id);
      } catch (e) {
        this.logError('backup.rotate', e); // locked by an antivirus scan, say: try again next time
      }
    }
    if (removed.length)
      asBookkeeping(this.db, () =>
        this.db.transaction(() => removed.forEach((id) => repo.deleteBackupRow(this.db, id))).immediate(),
      );
  }

  /** Catalogue id of the undo point of the last restore (found by its file), if it is still there. */
  undoPointId(rows: repo.BackupRow[] = repo.listBackupRows(this.db)): number | undefined {
    const last = this.config().lastRestore;
    return last
      ? rows.find((r) => r.folder === last.revertPointFolder && r.file_name === last.revertPointFile)?.id
      : undefined;
  }

  /** Catalogue rows whose file is still there. */
  private presentRows(): repo.BackupRow[] {
    return repo.listBackupRows(this.db).filter((r) => fs.existsSync(path.join(r.folder, r.file_name)));
  }

  entries(): BackupEntry[] {
    const rows = this.presentRows();
    const undoId = this.undoPointId(rows);
    const lastGood = rows.find((r) => r.verified_ok === 1)?.id;
    return rows.map((r) => this.toEntry(r, r.kind === 'manual' || r.id === undoId || r.id === lastGood));
  }

  entry(id: number): BackupEntry {
    const found = this.entries().find((e) => e.id === id);
    if (!found) throw new AppError('NOT_FOUND', '该备份不存在或文件已被删除，请刷新后重试');
    return found;
  }

  /** The backup file of a catalogue entry, checked to be one of ours and inside its folder. */
  fileOf(id: number): { row: repo.BackupRow; file: string } {
    const row = repo.getBackupRow(this.db, id);
    if (!row || !parseBackupFileName(this.base, row.file_name))
      throw new AppError('NOT_FOUND', '该备份不存在或已被删除，请刷新后重试');
    const file = insideFolder(row.folder, row.file_name);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `备份文件“${file}”不见了（可能已被删除，或U盘没有插好）`);
    return { row, file };
  }

  private toEntry(r: repo.BackupRow, isProtected: boolean): BackupEntry {
    return {
      id: r.id,
      fileName: r.file_name,
      folder: r.folder,
      kind: r.kind,
      kindLabel: BACKUP_KIND_LABELS[r.kind],
      createdAt: r.created_at,
      size: r.size,
      schemaVersion: r.schema_version,
      counts: tableCounts(JSON.parse(r.counts) as Record<string, number>),
      verifiedOk: r.verified_ok === 1,
      verifiedAt: r.verified_at,
      note: r.note,
      protected: isProtected,
    };
  }
}
