import type { Database } from 'better-sqlite3';
import type { Attachment } from '../../shared/contract/attachments';

interface Row {
  id: number;
  owner: string;
  owner_id: number;
  file_name: string;
  sha256: string;
  size: number;
  created_at: string;
}

const toAttachment = (r: Row): Attachment => ({
  id: r.id,
  fileName: r.file_name,
  size: r.size,
  createdAt: r.created_at,
});

export function insertAttachment(
  db: Database,
  a: { owner: string; ownerId: number; fileName: string; sha256: string; size: number },
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO attachments (owner, owner_id, file_name, sha256, size) VALUES (@owner, @ownerId, @fileName, @sha256, @size)',
      )
      .run(a).lastInsertRowid,
  );
}

export function attachmentsOf(db: Database, owner: string, ownerId: number): Attachment[] {
  return (
    db.prepare('SELECT * FROM attachments WHERE owner = ? AND owner_id = ? ORDER BY id').all(owner, ownerId) as Row[]
  ).map(toAttachment);
}

export function getAttachmentRow(db: Database, id: number): Row | undefined {
  return db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as Row | undefined;
}

/** Rows only: the stored bytes stay, since another row (or a backup's catalogue) may name the same file. */
export function deleteAttachmentsOf(db: Database, owner: string, ownerId: number): Row[] {
  const rows = db.prepare('SELECT * FROM attachments WHERE owner = ? AND owner_id = ?').all(owner, ownerId) as Row[];
  db.prepare('DELETE FROM attachments WHERE owner = ? AND owner_id = ?').run(owner, ownerId);
  return rows;
}

/** Puts rows back (recycle bin restore) under their old ids. */
export function reinsertAttachment(db: Database, r: Row): void {
  db.prepare(
    'INSERT INTO attachments (id, owner, owner_id, file_name, sha256, size, created_at) VALUES (@id, @owner, @owner_id, @file_name, @sha256, @size, @created_at)',
  ).run(r);
}

export type AttachmentRow = Row;
