import type { Database } from 'better-sqlite3';
import type { Dashboard } from '../../shared/contract/dashboard';
import { todayIso } from '../../shared/domain/dates';
import { NEED_STATUSES, NEED_STATUS_LABELS, PROJECT_STATUSES, PROJECT_STATUS_LABELS } from '../../shared/domain/lists';
import { roundHours } from '../../shared/domain/members';
import { round1 } from '../../shared/domain/evaluation';
import { supervisionCounts } from '../meetings/repo';
import * as repo from './repo';

/** Every figure of the home dashboard for a year (and optionally one community). */
export function dashboard(db: Database, year: number, communityId: number | null, today = todayIso()): Dashboard {
  const f: repo.Filter = { from: `${year}-01-01`, to: `${year}-12-31`, year, communityId, today };
  const byStatus = new Map(repo.needsBy(db, 'status', f).map((r) => [r.key, r.count]));
  const projects = new Map(repo.projectsByStatus(db, f).map((r) => [r.key, r.count]));
  const m = repo.matching(db, f);
  const sup = supervisionCounts(db, today);
  const needsByStatus = NEED_STATUSES.map((s) => ({
    key: s,
    label: NEED_STATUS_LABELS[s],
    count: byStatus.get(s) ?? 0,
  }));
  const projectsByStatus = PROJECT_STATUSES.map((s) => ({
    key: s,
    label: PROJECT_STATUS_LABELS[s],
    count: projects.get(s) ?? 0,
  }));
  return {
    year,
    needsByStatus,
    needsByCategory: repo.needsBy(db, 'category', f).map((r) => ({ key: r.key, label: r.key, count: r.count })),
    needsByCommunity: repo.needsByCommunity(db, f).map((r) => ({ ...r, label: r.key, key: String(r.communityId) })),
    projectsByStatus,
    projectsOverdue: repo.projectsOverdue(db, f),
    supervision: { open: sup.open, overdue: sup.overdue },
    attendanceByMonth: repo
      .attendanceByMonth(db, f)
      .map((r) => ({ ...r, rate: r.invited ? round1((r.present / r.invited) * 100) : null })),
    hoursByUnit: repo.hoursByUnit(db, f, 15).map((r) => ({ ...r, hours: roundHours(r.hours) })),
    matching: { ...m, rate: m.needs ? round1((m.matchedIn30 / m.needs) * 100) : null },
    totals: {
      needs: needsByStatus.reduce((a, s) => a + s.count, 0),
      projects: projectsByStatus.reduce((a, s) => a + s.count, 0),
      members: repo.memberCount(db, f),
      hours: roundHours(repo.totalHours(db, f)),
    },
  };
}
