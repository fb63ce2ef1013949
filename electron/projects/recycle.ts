import type { Database } from 'better-sqlite3';
import type { ProjectStatus } from '../../shared/domain/lists';
import { deleteAttachmentsOf, reinsertAttachment, type AttachmentRow } from '../attachments/repo';
import { AppError } from '../core/errors';
import { getCommunity, getUnit } from '../units/repo';
import * as repo from './repo';
import { CLOSURE_OWNER, PROGRESS_OWNER } from './repo';

/** What 回收站 keeps of a deleted project: the record, its links, its whole 进度台账 and 销号 history with files. */
export interface ProjectSnapshot {
  id: number;
  record: repo.ProjectRecord;
  status: ProjectStatus;
  statusReason: string;
  links: repo.ProjectLinks;
  needIds: number[];
  resourceIds: number[];
  progress: (repo.ProgressRow & { attachments: AttachmentRow[] })[];
  closures: (Record<string, unknown> & { id: number; attachments: AttachmentRow[] })[];
}

/** Takes the snapshot and removes the live rows (attachment rows included) inside the caller's transaction. */
export function binProject(
  db: Database,
  id: number,
  record: repo.ProjectRecord,
  status: ProjectStatus,
  statusReason: string,
  links: repo.ProjectLinks,
): ProjectSnapshot {
  const progress = repo
    .progressOf(db, id)
    .map((e) => ({ ...e, attachments: deleteAttachmentsOf(db, PROGRESS_OWNER, e.id) }));
  const closures = (
    db.prepare('SELECT * FROM project_closures WHERE project_id = ?').all(id) as (Record<string, unknown> & {
      id: number;
    })[]
  ).map((c) => ({ ...c, attachments: deleteAttachmentsOf(db, CLOSURE_OWNER, c.id) }));
  const snapshot: ProjectSnapshot = {
    id,
    record,
    status,
    statusReason,
    links,
    needIds: repo.needIdsOf(db, id),
    resourceIds: repo.resourceIdsOf(db, id),
    progress,
    closures,
  };
  repo.deleteProject(db, id);
  return snapshot;
}

export const projectsRestorers = {
  project(db: Database, s: ProjectSnapshot): string {
    if (repo.findProjectId(db, s.record.year, s.record.nameKey) !== undefined) {
      throw new AppError('CONFLICT', `${s.record.year}年度已有同名项目“${s.record.name}”，无法恢复`);
    }
    repo.insertProject(db, s.record, s.status, s.id);
    repo.setProjectStatus(db, s.id, s.status, s.statusReason);
    const links = {
      leadUnitIds: s.links.leadUnitIds.filter((u) => getUnit(db, u)),
      supportUnitIds: s.links.supportUnitIds.filter((u) => getUnit(db, u)),
      communityIds: s.links.communityIds.filter((c) => getCommunity(db, c)),
    };
    repo.replaceLinks(db, s.id, links);
    const exists = (table: string, id: number) =>
      db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    repo.linkNeedsAndResources(
      db,
      s.id,
      s.needIds.filter((n) => exists('needs', n)),
      s.resourceIds.filter((r) => exists('resources', r)),
    );
    for (const e of s.progress) {
      repo.insertProgress(
        db,
        {
          projectId: s.id,
          entryOn: e.entry_on,
          percent: e.percent,
          text: e.text,
          operator: e.operator,
          createdAt: e.created_at,
        },
        e.id,
      );
      for (const a of e.attachments) reinsertAttachment(db, a);
    }
    const cols = [
      'id',
      'project_id',
      'applied_on',
      'applicant',
      'evidence',
      'result',
      'review_note',
      'reviewed_on',
      'reviewer',
      'created_at',
    ];
    const insertClosure = db.prepare(
      `INSERT INTO project_closures (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    );
    for (const c of s.closures) {
      insertClosure.run(Object.fromEntries(cols.map((k) => [k, c[k] ?? null])));
      for (const a of c.attachments) reinsertAttachment(db, a);
    }
    repo.refreshLatestProgress(db, s.id);
    const lost =
      s.links.leadUnitIds.length +
      s.links.supportUnitIds.length -
      links.leadUnitIds.length -
      links.supportUnitIds.length;
    return `已恢复项目及${s.progress.length}条进度记录${lost ? `；${lost}个责任/配合单位已不在名录中，未恢复` : ''}`;
  },
};
