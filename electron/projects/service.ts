import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type {
  ClosureApplyInput,
  ClosureReviewInput,
  ProgressInput,
  ProjectDetail,
  ProjectInput,
  ProjectStatusInput,
} from '../../shared/contract/ledger';
import { todayIso } from '../../shared/domain/dates';
import {
  PROJECT_FIELD_LABELS,
  PROJECT_SOURCE_LABELS,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
} from '../../shared/domain/lists';
import { nameKey } from '../../shared/domain/text';
import { attachmentsOf } from '../attachments/repo';
import { storeAttachment } from '../attachments/store';
import { AppError, notFound } from '../core/errors';
import { moveNeed } from '../needs/service';
import { needsByIds } from '../needs/repo';
import { currentOperator, describeChanges, recordOp } from '../oplog/service';
import { resourcesByIds, setResourceStatus, openProjectCount } from '../resources/repo';
import { getCommunity, getUnit } from '../units/repo';
import * as repo from './repo';
import { CLOSURE_OWNER, PROGRESS_OWNER } from './repo';

type ProjectIn = z.output<typeof ProjectInput>;

export { CLOSURE_OWNER, PROGRESS_OWNER };

export function projectDetail(db: Database, id: number): ProjectDetail {
  const today = todayIso();
  const p = repo.getProject(db, id, today);
  if (!p) throw notFound('该项目');
  return {
    ...p,
    progress: repo.progressOf(db, id).map((e) => ({
      id: e.id,
      entryOn: e.entry_on,
      percent: e.percent,
      text: e.text,
      operator: e.operator,
      attachments: attachmentsOf(db, PROGRESS_OWNER, e.id),
    })),
    closures: repo.closuresOf(db, id).map((c) => ({ ...c, attachments: attachmentsOf(db, CLOSURE_OWNER, c.id) })),
    needs: needsByIds(db, repo.needIdsOf(db, id), today),
    resources: resourcesByIds(db, repo.resourceIdsOf(db, id), today),
  };
}

export function toProjectRecord(
  p: Omit<ProjectIn, 'id' | 'leadUnitIds' | 'supportUnitIds' | 'communityIds'>,
  deadlineText?: string,
): repo.ProjectRecord {
  return {
    year: p.year,
    name: p.name,
    nameKey: nameKey(p.name),
    source: p.source,
    decisionId: p.decisionId,
    goal: p.goal,
    content: p.content,
    leader: p.leader,
    startOn: p.startOn,
    deadlineOn: p.longTerm ? null : p.deadlineOn,
    deadlineText: deadlineText ?? (p.longTerm ? '长期坚持' : ''),
    longTerm: p.longTerm,
    milestones: p.milestones,
    budget: p.budget,
    notes: p.notes,
  };
}

/** The links checked against the directory; a unit named both 责任 and 配合 counts as 责任单位. */
export function checkLinks(db: Database, l: repo.ProjectLinks): repo.ProjectLinks {
  for (const u of [...l.leadUnitIds, ...l.supportUnitIds]) if (!getUnit(db, u)) throw notFound('所选的共建单位');
  for (const c of l.communityIds) if (!getCommunity(db, c)) throw notFound('所选的社区');
  const lead = [...new Set(l.leadUnitIds)];
  return {
    leadUnitIds: lead,
    supportUnitIds: [...new Set(l.supportUnitIds)].filter((u) => !lead.includes(u)),
    communityIds: [...new Set(l.communityIds)],
  };
}

/** What the change log compares: the record with names instead of ids. */
function loggable(db: Database, p: repo.ProjectRecord, l: repo.ProjectLinks) {
  const names = (ids: number[], get: (id: number) => { name: string } | undefined) =>
    ids.map((i) => get(i)?.name ?? '').join('、');
  return {
    ...p,
    source: PROJECT_SOURCE_LABELS[p.source],
    deadline: p.longTerm ? '长期坚持' : (p.deadlineOn ?? ''),
    leadUnits: names(l.leadUnitIds, (i) => getUnit(db, i)),
    supportUnits: names(l.supportUnitIds, (i) => getUnit(db, i)),
    communities: names(l.communityIds, (i) => getCommunity(db, i)),
  };
}

function assertNameFree(db: Database, year: number, key: string, name: string, selfId?: number) {
  const same = repo.findProjectId(db, year, key);
  if (same !== undefined && same !== selfId)
    throw new AppError('CONFLICT', `${year}年度已有名为“${name}”的项目，项目名称不能重复`);
}

/** Inserts a project with its links inside the caller's transaction; returns its id. */
export function insertProjectTx(
  db: Database,
  record: repo.ProjectRecord,
  links: repo.ProjectLinks,
  status: ProjectStatus = 'planning',
): number {
  assertNameFree(db, record.year, record.nameKey, record.name);
  const checked = checkLinks(db, links);
  const id = repo.insertProject(db, record, status);
  repo.replaceLinks(db, id, checked);
  recordOp(db, {
    action: 'create',
    entity: 'project',
    entityId: id,
    title: record.name,
    summary: `${record.year}年度，来源：${PROJECT_SOURCE_LABELS[record.source]}，责任单位：${loggable(db, record, checked).leadUnits}`,
  });
  return id;
}

export function saveProject(db: Database, input: ProjectIn): ProjectDetail {
  const { id: inputId, leadUnitIds, supportUnitIds, communityIds, ...fields } = input;
  const id = db
    .transaction(() => {
      if (inputId === undefined) {
        return insertProjectTx(db, toProjectRecord(fields), { leadUnitIds, supportUnitIds, communityIds });
      }
      const before = repo.getProject(db, inputId, todayIso());
      if (!before) throw notFound('该项目');
      // The paper wording of the deadline stays while the date is unchanged.
      const deadlineText =
        fields.deadlineOn === before.deadlineOn && fields.longTerm === before.longTerm
          ? before.deadlineText
          : undefined;
      const record = toProjectRecord(fields, deadlineText);
      assertNameFree(db, record.year, record.nameKey, record.name, inputId);
      const links = checkLinks(db, { leadUnitIds, supportUnitIds, communityIds });
      const beforeLinks = {
        leadUnitIds: before.leadUnits.map((u) => u.id),
        supportUnitIds: before.supportUnits.map((u) => u.id),
        communityIds: before.communities.map((c) => c.id),
      };
      const beforeRecord = toProjectRecord({ ...before, deadlineOn: before.deadlineOn }, before.deadlineText);
      repo.updateProject(db, inputId, record);
      repo.replaceLinks(db, inputId, links);
      const summary = describeChanges(
        loggable(db, beforeRecord, beforeLinks),
        loggable(db, record, links),
        PROJECT_FIELD_LABELS,
      );
      if (summary)
        recordOp(db, { action: 'update', entity: 'project', entityId: inputId, title: record.name, summary });
      return inputId;
    })
    .immediate();
  return projectDetail(db, id);
}

function logStatus(db: Database, id: number, name: string, from: ProjectStatus, to: ProjectStatus, reason: string) {
  recordOp(db, {
    action: 'update',
    entity: 'project',
    entityId: id,
    title: name,
    summary: `状态：${PROJECT_STATUS_LABELS[from]} → ${PROJECT_STATUS_LABELS[to]}${reason ? `（${reason}）` : ''}`,
  });
}

/** Linked needs follow their project: 推进中 → 办理中, 已销号 → 已办结, 已终止 → back to 待对接. */
function moveLinkedNeeds(db: Database, projectId: number, name: string, to: ProjectStatus) {
  for (const need of needsByIds(db, repo.needIdsOf(db, projectId), todayIso())) {
    if (to === 'active' && (need.status === 'open' || need.status === 'matched')) {
      moveNeed(db, need.id, 'in_progress', `项目“${name}”开始推进`);
    } else if (to === 'closed' && need.status !== 'done' && need.status !== 'rejected') {
      moveNeed(db, need.id, 'done', `项目“${name}”已销号`, { force: true });
    } else if (to === 'terminated' && (need.status === 'matched' || need.status === 'in_progress')) {
      moveNeed(db, need.id, 'open', `项目“${name}”已终止，需求重新待对接`, { force: true });
    }
  }
  if (to === 'terminated' || to === 'closed') {
    // A resource no open project uses any more is free again.
    const inUse = openProjectCount(db);
    for (const r of resourcesByIds(db, repo.resourceIdsOf(db, projectId), todayIso())) {
      if (r.status === 'matched' && !inUse.has(r.id)) setResourceStatus(db, r.id, 'available');
    }
  }
}

/** The allowed hand-made moves: 谋划中 ⇄ 推进中, and any open project may be 终止 with a reason. */
const MANUAL: Record<ProjectStatus, readonly ProjectStatus[]> = {
  planning: ['active', 'terminated'],
  active: ['planning', 'terminated'],
  pending_close: ['terminated'],
  closed: [],
  terminated: ['planning', 'active'],
};

export function changeProjectStatus(db: Database, input: z.output<typeof ProjectStatusInput>): ProjectDetail {
  db.transaction(() => {
    const p = repo.getProject(db, input.id, todayIso());
    if (!p) throw notFound('该项目');
    if (p.status === input.status) return;
    if (!MANUAL[p.status].includes(input.status)) {
      throw new AppError(
        'CONFLICT',
        p.status === 'closed'
          ? `项目“${p.name}”已销号，不能再改变状态`
          : `项目“${p.name}”当前为“${PROJECT_STATUS_LABELS[p.status]}”，不能直接改为“${PROJECT_STATUS_LABELS[input.status]}”`,
      );
    }
    repo.setProjectStatus(db, p.id, input.status, input.status === 'terminated' ? input.reason : '');
    logStatus(db, p.id, p.name, p.status, input.status, input.reason);
    moveLinkedNeeds(db, p.id, p.name, input.status);
  }).immediate();
  return projectDetail(db, input.id);
}

/** A dated progress entry; the first one on a 谋划中 project means work has started (推进中). */
export function addProgress(db: Database, dbPath: string, input: z.output<typeof ProgressInput>): ProjectDetail {
  db.transaction(() => {
    const p = repo.getProject(db, input.projectId, todayIso());
    if (!p) throw notFound('该项目');
    if (p.status !== 'planning' && p.status !== 'active') {
      throw new AppError('CONFLICT', `项目“${p.name}”为“${PROJECT_STATUS_LABELS[p.status]}”，不能再登记进度`);
    }
    const entryId = repo.insertProgress(db, {
      projectId: p.id,
      entryOn: input.entryOn,
      percent: input.percent,
      text: input.text,
      operator: currentOperator(db),
    });
    for (const f of input.files) storeAttachment(db, dbPath, PROGRESS_OWNER, entryId, f);
    repo.refreshLatestProgress(db, p.id);
    recordOp(db, {
      action: 'update',
      entity: 'project',
      entityId: p.id,
      title: p.name,
      summary: `登记进度：${input.entryOn} ${input.percent}%，${input.text.slice(0, 200)}${input.files.length ? `（附件${input.files.length}个）` : ''}`,
    });
    if (p.status === 'planning') {
      repo.setProjectStatus(db, p.id, 'active', '');
      logStatus(db, p.id, p.name, 'planning', 'active', '登记了第一条进度');
      moveLinkedNeeds(db, p.id, p.name, 'active');
    }
  }).immediate();
  return projectDetail(db, input.projectId);
}

/** 申请销号: the responsible unit says it is done, with evidence; the project waits for the street's check. */
export function applyClose(db: Database, dbPath: string, input: z.output<typeof ClosureApplyInput>): ProjectDetail {
  db.transaction(() => {
    const p = repo.getProject(db, input.projectId, todayIso());
    if (!p) throw notFound('该项目');
    if (p.status !== 'active' && p.status !== 'planning') {
      throw new AppError('CONFLICT', `项目“${p.name}”为“${PROJECT_STATUS_LABELS[p.status]}”，不能申请销号`);
    }
    const cid = repo.insertClosure(db, {
      projectId: p.id,
      appliedOn: input.appliedOn,
      applicant: input.applicant,
      evidence: input.evidence,
    });
    for (const f of input.files) storeAttachment(db, dbPath, CLOSURE_OWNER, cid, f);
    repo.setProjectStatus(db, p.id, 'pending_close', '');
    logStatus(db, p.id, p.name, p.status, 'pending_close', `${input.applicant}申请销号`);
  }).immediate();
  return projectDetail(db, input.projectId);
}

/** The street's check: 销号 (crossed off, linked needs 已办结) or 退回 with the reason (back to 推进中). */
export function reviewClose(db: Database, input: z.output<typeof ClosureReviewInput>): ProjectDetail {
  db.transaction(() => {
    const p = repo.getProject(db, input.projectId, todayIso());
    if (!p) throw notFound('该项目');
    const cid = repo.pendingClosureId(db, p.id);
    if (p.status !== 'pending_close' || cid === undefined) {
      throw new AppError('CONFLICT', `项目“${p.name}”没有待审核的销号申请`);
    }
    const to: ProjectStatus = input.pass ? 'closed' : 'active';
    repo.reviewClosure(db, cid, {
      result: input.pass ? 'passed' : 'returned',
      note: input.note,
      reviewedOn: input.reviewedOn,
      reviewer: currentOperator(db),
    });
    repo.setProjectStatus(db, p.id, to, input.pass ? '' : input.note);
    logStatus(
      db,
      p.id,
      p.name,
      'pending_close',
      to,
      input.pass ? '审核通过，予以销号' : `销号申请被退回：${input.note}`,
    );
    if (input.pass) moveLinkedNeeds(db, p.id, p.name, 'closed');
  }).immediate();
  return projectDetail(db, input.projectId);
}
