import type { Database } from 'better-sqlite3';
import type { UnitEvaluation, YearEvaluation } from '../../shared/contract/evaluation';
import { todayIso } from '../../shared/domain/dates';
import { DEFAULT_EVALUATION_SETTINGS, type EvaluationSettings } from '../../shared/domain/evaluation';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { describeChanges, recordOp } from '../oplog/service';
import { evaluateUnit, ranked } from './compute';
import * as repo from './repo';

export const settingsFor = (db: Database, year: number): EvaluationSettings =>
  repo.settingsOf(db, year) ?? DEFAULT_EVALUATION_SETTINGS;

/** The last day records count up to: today during the year, 31 December once it is over. */
const cutoff = (year: number, today: string) => (today > `${year}-12-31` ? `${year}-12-31` : today);

/** Computes a year from the records as they are now (ignores any lock). */
export function computeYear(db: Database, year: number, today = todayIso()): YearEvaluation {
  const settings = settingsFor(db, year);
  const scores = repo.scoresOf(db, year);
  const day = cutoff(year, today);
  const units = ranked(repo.unitsToEvaluate(db).map((u) => evaluateUnit(db, u, year, day, settings, scores.get(u.id))));
  return { year, settings, locked: false, lockedAt: null, units };
}

/** A locked year reads its snapshot: later edits of old records do not change published results. */
export function yearEvaluation(db: Database, year: number, today = todayIso()): YearEvaluation {
  const lock = repo.lockOf(db, year);
  if (lock) {
    const snap = JSON.parse(lock.snapshot) as YearEvaluation;
    return { ...snap, locked: true, lockedAt: lock.lockedAt };
  }
  return computeYear(db, year, today);
}

function refuseIfLocked(db: Database, year: number): void {
  if (repo.lockOf(db, year))
    throw new AppError('CONFLICT', `${year}年的考核结果已锁定，不能再修改；如确需修改，请先解除锁定`);
}

const settingsText = (s: EvaluationSettings) => ({
  weights: `日常${s.weights.daily}% / 年度${s.weights.annual}% / 群众${s.weights.public}%`,
  thresholds: `优秀≥${s.thresholds.excellent}，良好≥${s.thresholds.good}，一般≥${s.thresholds.fair}`,
  needsTarget: String(s.needsTarget),
  hoursTarget: String(s.hoursTarget),
});

export const evaluationHandlers: Pick<
  Handlers,
  | 'evaluation.compute'
  | 'evaluation.unit'
  | 'evaluation.saveSettings'
  | 'evaluation.saveScores'
  | 'evaluation.lock'
  | 'evaluation.unlock'
> = {
  // The ranking leaves the records out (they can be many); the score sheet of one unit carries them.
  'evaluation.compute': ({ year }, { db }) => {
    const y = yearEvaluation(db, year);
    return {
      ...y,
      units: y.units.map((u) => ({ ...u, indicators: u.indicators.map((i) => ({ ...i, records: [] })) })),
    };
  },
  'evaluation.unit': ({ year, unitId }, { db }): UnitEvaluation => {
    const u = yearEvaluation(db, year).units.find((x) => x.unitId === unitId);
    if (!u) throw notFound('该单位的考核结果');
    return u;
  },
  'evaluation.saveSettings': ({ year, settings }, { db }) =>
    db
      .transaction(() => {
        refuseIfLocked(db, year);
        const before = settingsFor(db, year);
        repo.saveSettings(db, year, settings);
        const summary = describeChanges(settingsText(before), settingsText(settings), {
          weights: '权重',
          thresholds: '等次分数线',
          needsTarget: '满分需求数',
          hoursTarget: '满分服务时长',
        });
        if (summary)
          recordOp(db, {
            action: 'settings',
            entity: 'evaluation',
            entityId: year,
            title: `${year}年考核评价设置`,
            summary,
          });
        return settings;
      })
      .immediate(),
  'evaluation.saveScores': ({ year, scores }, { db }) =>
    db
      .transaction(() => {
        refuseIfLocked(db, year);
        const before = repo.scoresOf(db, year);
        const names = new Map(repo.unitsToEvaluate(db).map((u) => [u.id, u.name]));
        const changed: string[] = [];
        for (const s of scores) {
          if (!names.has(s.unitId)) throw notFound('所选共建单位');
          const b = before.get(s.unitId);
          if (b && b.annual === s.annual && b.public === s.public) continue;
          repo.saveScore(db, year, s.unitId, s.annual, s.public);
          changed.push(
            `${names.get(s.unitId)}：年度考评 ${b?.annual ?? '—'} → ${s.annual ?? '—'}，群众评议 ${b?.public ?? '—'} → ${s.public ?? '—'}`,
          );
        }
        if (changed.length)
          recordOp(db, {
            action: 'update',
            entity: 'evaluation',
            entityId: year,
            title: `${year}年考核评分`,
            summary: changed.join('；').slice(0, 2000),
          });
        return { saved: changed.length };
      })
      .immediate(),
  'evaluation.lock': ({ year }, { db }) =>
    db
      .transaction(() => {
        refuseIfLocked(db, year);
        const y = computeYear(db, year);
        repo.insertLock(db, year, JSON.stringify(y));
        recordOp(db, {
          action: 'update',
          entity: 'evaluation',
          entityId: year,
          title: `${year}年考核结果`,
          summary: `锁定 ${y.units.length} 个单位的考核结果`,
        });
        return { locked: true as const };
      })
      .immediate(),
  'evaluation.unlock': ({ year, reason }, { db }) =>
    db
      .transaction(() => {
        if (!repo.lockOf(db, year)) throw new AppError('CONFLICT', `${year}年的考核结果没有锁定`);
        repo.deleteLock(db, year);
        recordOp(db, {
          action: 'update',
          entity: 'evaluation',
          entityId: year,
          title: `${year}年考核结果`,
          summary: `解除锁定：${reason}`,
        });
        return { locked: false as const };
      })
      .immediate(),
};
