import type { Database } from 'better-sqlite3';
import type { IndicatorResult, TraceItem, UnitEvaluation } from '../../shared/contract/evaluation';
import {
  INDICATORS,
  dailyScore,
  gradeOf,
  rateScore,
  round1,
  targetScore,
  totalScore,
  type EvaluationSettings,
  type IndicatorKey,
} from '../../shared/domain/evaluation';
import { roundHours } from '../../shared/domain/members';
import * as repo from './repo';

/**
 * 日常考核 from the records, one function per indicator (definitions in shared/domain/evaluation.ts).
 * Each returns the measured value in words, its 0–100 score (null = 不计) and every record it looked at,
 * marked whether it counted, so the score sheet shows how each number was reached.
 */

const indicator = (key: IndicatorKey, value: string, score: number | null, records: TraceItem[]): IndicatorResult => ({
  key,
  name: INDICATORS[key].name,
  formula: INDICATORS[key].formula,
  value,
  score,
  records,
});

const ratio = (done: number, total: number) =>
  total === 0 ? '无可计记录，不计' : `${done} / ${total} = ${round1((done / total) * 100)}%`;

const ATTENDANCE_LABEL = { present: '出席', leave: '请假', absent: '缺席', pending: '未登记出勤' } as const;

export function attendanceIndicator(db: Database, unitId: number, year: number): IndicatorResult {
  const rows = repo.attendanceOf(db, unitId, year);
  const counted = rows.filter((r) => r.attendance !== 'pending');
  const present = counted.filter((r) => r.attendance === 'present').length;
  return indicator(
    'attendance',
    ratio(present, counted.length),
    rateScore(present, counted.length),
    rows.map((r) => ({
      kind: 'meeting',
      id: r.id,
      title: r.title,
      date: r.date,
      outcome: ATTENDANCE_LABEL[r.attendance],
      counts: r.attendance !== 'pending',
    })),
  );
}

export function decisionsIndicator(db: Database, unitId: number, year: number, today: string): IndicatorResult {
  const rows = repo.decisionsOf(db, unitId, year).map((d) => {
    const onTime = d.closedOn !== null && d.closedOn <= d.deadline;
    const outcome =
      d.closedOn !== null
        ? onTime
          ? `按时办结（${d.closedOn}）`
          : `逾期办结（${d.closedOn}）`
        : d.deadline < today
          ? '逾期未办结'
          : '未到完成时限，不计';
    return { d, onTime, counts: d.closedOn !== null || d.deadline < today, outcome };
  });
  const counted = rows.filter((r) => r.counts);
  const done = counted.filter((r) => r.onTime).length;
  return indicator(
    'decisions',
    ratio(done, counted.length),
    rateScore(done, counted.length),
    rows.map((r) => ({
      kind: 'decision',
      id: r.d.id,
      title: r.d.title || '（未填写内容）',
      date: r.d.deadline,
      outcome: r.outcome,
      counts: r.counts,
    })),
  );
}

export function projectsIndicator(db: Database, unitId: number, year: number, today: string): IndicatorResult {
  const rows = repo.projectsOf(db, unitId, year).map((p) => {
    const open = p.status !== 'closed';
    const noDeadline = p.longTerm === 1 || p.deadline === null;
    let outcome: string;
    let counts = true;
    let onTime = false;
    if (p.status === 'terminated') {
      outcome = '已终止，不计';
      counts = false;
    } else if (!open) {
      onTime = noDeadline || (p.closedOn !== null && p.closedOn <= p.deadline!);
      outcome = onTime
        ? `按期销号${p.closedOn ? `（${p.closedOn}）` : ''}`
        : `逾期销号${p.closedOn ? `（${p.closedOn}）` : ''}`;
    } else if (!noDeadline && p.deadline! < today) {
      outcome = '逾期未销号';
    } else {
      outcome = '未到完成时限，不计';
      counts = false;
    }
    return { p, counts, onTime, outcome };
  });
  const counted = rows.filter((r) => r.counts);
  const done = counted.filter((r) => r.onTime).length;
  return indicator(
    'projects',
    ratio(done, counted.length),
    rateScore(done, counted.length),
    rows.map((r) => ({
      kind: 'project',
      id: r.p.id,
      title: r.p.title,
      date: r.p.deadline,
      outcome: r.outcome,
      counts: r.counts,
    })),
  );
}

export function needsIndicator(db: Database, unitId: number, year: number, s: EvaluationSettings): IndicatorResult {
  const rows = repo.needsServedBy(db, unitId, year);
  const done = rows.filter((n) => n.status === 'done').length;
  const none = repo.projectCountOf(db, unitId, year) === 0;
  return indicator(
    'needs',
    none ? '当年未参与共建项目，不计' : `已办结 ${done} 条（满分 ${s.needsTarget} 条）`,
    none ? null : targetScore(done, s.needsTarget),
    rows.map((n) => ({
      kind: 'need',
      id: n.id,
      title: n.title,
      date: n.date,
      outcome: n.status === 'done' ? '已办结' : '未办结',
      counts: n.status === 'done',
    })),
  );
}

export function hoursIndicator(db: Database, unitId: number, year: number, s: EvaluationSettings): IndicatorResult {
  const rows = repo.serviceOf(db, unitId, year);
  const hours = roundHours(rows.reduce((a, r) => a + r.hours, 0));
  const none = rows.length === 0 && repo.memberCountOf(db, unitId) === 0;
  return indicator(
    'hours',
    none ? '无在职党员报到，不计' : `${hours} 小时（满分 ${s.hoursTarget} 小时）`,
    none ? null : targetScore(hours, s.hoursTarget),
    rows.map((r) => ({
      kind: 'service',
      id: r.id,
      title: r.title,
      date: r.date,
      outcome: `${r.people}人，${roundHours(r.hours)}小时`,
      counts: true,
    })),
  );
}

export function evaluateUnit(
  db: Database,
  unit: { id: number; name: string },
  year: number,
  today: string,
  s: EvaluationSettings,
  entered: { annual: number | null; public: number | null } | undefined,
): Omit<UnitEvaluation, 'rank'> {
  const indicators = [
    attendanceIndicator(db, unit.id, year),
    decisionsIndicator(db, unit.id, year, today),
    projectsIndicator(db, unit.id, year, today),
    needsIndicator(db, unit.id, year, s),
    hoursIndicator(db, unit.id, year, s),
  ];
  const parts = {
    daily: dailyScore(indicators.map((i) => i.score)),
    annual: entered?.annual ?? null,
    public: entered?.public ?? null,
  };
  const total = totalScore(parts, s);
  const missing = [
    parts.daily === null && '日常考核',
    parts.annual === null && '年度考评',
    parts.public === null && '群众评议',
  ].filter((x): x is string => Boolean(x));
  return { unitId: unit.id, unitName: unit.name, indicators, ...parts, total, grade: gradeOf(total, s), missing };
}

/** Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4). */
export function ranked(rows: Omit<UnitEvaluation, 'rank'>[]): UnitEvaluation[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  return sorted.map((r) => ({ ...r, rank: sorted.findIndex((x) => x.total === r.total) + 1 }));
}
