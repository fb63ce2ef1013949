import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { MatchProjectInput, ProjectDetail } from '../../shared/contract/ledger';
import { todayIso } from '../../shared/domain/dates';
import { NEED_STATUS_LABELS, RESOURCE_STATUS_LABELS } from '../../shared/domain/lists';
import { AppError } from '../core/errors';
import type { Handlers } from '../core/registry';
import { needsByIds } from '../needs/repo';
import { moveNeed } from '../needs/service';
import { linkNeedsAndResources } from '../projects/repo';
import { insertProjectTx, projectDetail, toProjectRecord } from '../projects/service';
import { resourcesByIds, setResourceStatus } from '../resources/repo';

/**
 * 供需对接 into a project: the chosen needs and resources are linked to a new project both ways, the needs
 * become 已对接 and the resources 已对接, all in one transaction. The needs' communities are served by it.
 */
export function createProjectFromMatch(db: Database, input: z.output<typeof MatchProjectInput>): ProjectDetail {
  const { needIds, resourceIds, leadUnitIds, supportUnitIds, communityIds, ...fields } = input;
  const id = db
    .transaction(() => {
      const today = todayIso();
      const needs = needsByIds(db, [...new Set(needIds)], today);
      const resources = resourcesByIds(db, [...new Set(resourceIds)], today);
      if (needs.length !== new Set(needIds).size || resources.length !== new Set(resourceIds).size) {
        throw new AppError('NOT_FOUND', '所选的需求或资源有的已被删除，请刷新后重试');
      }
      for (const n of needs) {
        if (n.status !== 'open' && n.status !== 'matched') {
          throw new AppError('CONFLICT', `需求“${n.title}”为“${NEED_STATUS_LABELS[n.status]}”，不能再对接`);
        }
      }
      for (const r of resources) {
        if (r.status === 'paused' || r.expired) {
          throw new AppError(
            'CONFLICT',
            `资源“${r.title}”${r.expired ? '已过有效期' : `为“${RESOURCE_STATUS_LABELS[r.status]}”`}，不能对接`,
          );
        }
      }
      const record = toProjectRecord({ ...fields, source: 'matching', decisionId: null });
      const pid = insertProjectTx(db, record, {
        leadUnitIds,
        supportUnitIds: [...supportUnitIds, ...resources.map((r) => r.unitId)],
        communityIds: [...communityIds, ...needs.map((n) => n.communityId)],
      });
      linkNeedsAndResources(
        db,
        pid,
        needs.map((n) => n.id),
        resources.map((r) => r.id),
      );
      for (const n of needs) moveNeed(db, n.id, 'matched', `供需对接，形成项目“${record.name}”`);
      for (const r of resources) if (r.status === 'available') setResourceStatus(db, r.id, 'matched');
      return pid;
    })
    .immediate();
  return projectDetail(db, id);
}

export const matchCreateHandlers: Pick<Handlers, 'matching.createProject'> = {
  'matching.createProject': (input, { db }) => createProjectFromMatch(db, input),
};
