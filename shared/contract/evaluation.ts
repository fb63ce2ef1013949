import { z } from 'zod';
import { defineChannel } from './channel';
import { Id, SavedFile, UploadedFile } from './common';
import { labelled } from './labels';
import { ListImportCommit, ListImportPreview, ListImportResult } from './lists';
import { GRADES, INDICATOR_KEYS } from '../domain/evaluation';

const Year = z.number().int().min(2000).max(2100);
/** A score or a weight of 0–100, named in its message: "年度考评分不能大于100". */
const score = (label: string) =>
  labelled(z.number().min(0, `${label}不能小于0`).max(100, `${label}不能大于100`), label);

export const EvaluationSettingsSchema = z
  .object({
    weights: z.object({
      daily: score('日常考核权重'),
      annual: score('年度考评权重'),
      public: score('群众评议权重'),
    }),
    thresholds: z.object({
      excellent: score('“优秀”分数线'),
      good: score('“良好”分数线'),
      fair: score('“一般”分数线'),
    }),
    needsTarget: z.number().int().min(1, '满分需求数至少为1').max(1000),
    hoursTarget: z.number().min(1, '满分服务时长至少为1小时').max(100000),
  })
  .refine((s) => Math.abs(s.weights.daily + s.weights.annual + s.weights.public - 100) < 1e-6, {
    message: '三项权重之和应为100%',
    path: ['weights'],
  })
  .refine((s) => s.thresholds.excellent > s.thresholds.good && s.thresholds.good > s.thresholds.fair, {
    message: '等次分数线应为 优秀 > 良好 > 一般',
    path: ['thresholds'],
  });

/** One record behind an indicator, shown in the score sheet (and what the clerk can check it against). */
export const TraceItem = z.object({
  kind: z.enum(['meeting', 'decision', 'project', 'need', 'service']),
  id: Id,
  title: z.string(),
  date: z.string().nullable(),
  /** What this record contributed, e.g. 出席 / 按时办结 / 逾期未办结 / 3小时. */
  outcome: z.string(),
  counts: z.boolean(),
});
export type TraceItem = z.infer<typeof TraceItem>;

export const IndicatorResult = z.object({
  key: z.enum(INDICATOR_KEYS),
  name: z.string(),
  formula: z.string(),
  /** The measured value in words, e.g. "5 / 6 = 83.3%" or "12.5 小时". */
  value: z.string(),
  /** 0–100, or null when there was nothing to count (不计). */
  score: z.number().nullable(),
  records: z.array(TraceItem),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

export const UnitEvaluation = z.object({
  unitId: Id,
  unitName: z.string(),
  indicators: z.array(IndicatorResult),
  daily: z.number().nullable(),
  annual: z.number().nullable(),
  public: z.number().nullable(),
  total: z.number(),
  grade: z.enum(GRADES),
  rank: z.number().int(),
  /** Parts not entered yet (counted as 0). */
  missing: z.array(z.string()),
});
export type UnitEvaluation = z.infer<typeof UnitEvaluation>;

export const YearEvaluation = z.object({
  year: Year,
  settings: EvaluationSettingsSchema,
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  units: z.array(UnitEvaluation),
});
export type YearEvaluation = z.infer<typeof YearEvaluation>;

export const ScoresInput = z.object({
  year: Year,
  scores: z
    .array(z.object({ unitId: Id, annual: score('年度考评分').nullable(), public: score('群众评议分').nullable() }))
    .min(1)
    .max(2000),
});
export type ScoresInput = z.input<typeof ScoresInput>;

export const evaluationChannels = {
  'evaluation.compute': defineChannel(z.object({ year: Year }), YearEvaluation),
  'evaluation.unit': defineChannel(z.object({ year: Year, unitId: Id }), UnitEvaluation),
  'evaluation.saveSettings': defineChannel(
    z.object({ year: Year, settings: EvaluationSettingsSchema }),
    EvaluationSettingsSchema,
  ),
  'evaluation.saveScores': defineChannel(ScoresInput, z.object({ saved: z.number().int() })),
  'evaluation.lock': defineChannel(z.object({ year: Year }), z.object({ locked: z.literal(true) })),
  'evaluation.unlock': defineChannel(
    z.object({ year: Year, reason: z.string().trim().min(1, '请填写解除锁定的原因').max(200) }),
    z.object({ locked: z.literal(false) }),
  ),
  'evaluation.exportRanking': defineChannel(z.object({ year: Year }), SavedFile),
  'evaluation.exportNotice': defineChannel(z.object({ year: Year }), SavedFile),
  /** 群众评议 from a survey sheet (单位名称 + 评议得分 or 满意/基本满意/不满意 counts). */
  'evaluation.importPublicPreview': defineChannel(UploadedFile.extend({ year: Year }), ListImportPreview),
  'evaluation.importPublicCommit': defineChannel(ListImportCommit, ListImportResult),
};
