import { todayIso } from '../../shared/domain/dates';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { moveToBin } from '../recycle/service';
import { binProject } from './recycle';
import * as repo from './repo';
import {
  addProgress,
  applyClose,
  changeProjectStatus,
  projectDetail,
  reviewClose,
  saveProject,
  toProjectRecord,
} from './service';

export const projectsHandlers: Pick<
  Handlers,
  | 'projects.list'
  | 'projects.get'
  | 'projects.save'
  | 'projects.setStatus'
  | 'projects.delete'
  | 'projects.addProgress'
  | 'projects.applyClose'
  | 'projects.reviewClose'
  | 'projects.byUnit'
  | 'projects.years'
> = {
  'projects.list': (q, { db }) => repo.listProjects(db, q, todayIso()),
  'projects.get': ({ id }, { db }) => projectDetail(db, id),
  'projects.save': (input, { db }) => saveProject(db, input),
  'projects.setStatus': (input, { db }) => changeProjectStatus(db, input),
  'projects.delete': ({ id }, { db }) => {
    db.transaction(() => {
      const p = repo.getProject(db, id, todayIso());
      if (!p) throw notFound('该项目');
      if (p.status === 'closed') throw new AppError('CONFLICT', `项目“${p.name}”已销号，台账须保留，不能删除`);
      const record = toProjectRecord({ ...p, deadlineOn: p.deadlineOn }, p.deadlineText);
      const links = {
        leadUnitIds: p.leadUnits.map((u) => u.id),
        supportUnitIds: p.supportUnits.map((u) => u.id),
        communityIds: p.communities.map((c) => c.id),
      };
      const snapshot = binProject(db, id, record, p.status, p.statusReason, links);
      moveToBin(db, { entity: 'project', entityId: id, title: `${p.year}年 ${p.name}`, payload: snapshot });
    }).immediate();
    return { deleted: true as const };
  },
  'projects.addProgress': (input, { db, dbPath }) => addProgress(db, dbPath, input),
  'projects.applyClose': (input, { db, dbPath }) => applyClose(db, dbPath, input),
  'projects.reviewClose': (input, { db }) => reviewClose(db, input),
  'projects.byUnit': ({ year }, { db }) => repo.ledgerByUnit(db, todayIso(), year),
  'projects.years': (_input, { db }) => repo.years(db),
};
