/**
 * 考核评价 of co-building units. 日常考核 is computed from the records; each indicator says in words how
 * it is counted and how it becomes 0–100, and the clerk sees the records behind every number.
 * 日常考核 = the average of the indicators that have records that year (an indicator with nothing to count,
 * e.g. a unit invited to no meeting, is 不计 rather than 0, so units are not punished for what they were
 * never asked to do). Total = 日常 × w1 + 年度考评 × w2 + 群众评议 × w3 (weights in %, summing to 100).
 */

export const INDICATOR_KEYS = ['attendance', 'decisions', 'projects', 'needs', 'hours'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface IndicatorDef {
  name: string;
  /** Shown to the clerk beside the number. */
  formula: string;
}

export const INDICATORS: Record<IndicatorKey, IndicatorDef> = {
  attendance: {
    name: '联席会议出勤率',
    formula:
      '当年已召开的联席会议中，本单位“出席”次数 ÷ 已登记出勤的受邀次数（请假、缺席都计入分母）；得分 = 出勤率 × 100',
  },
  decisions: {
    name: '议定事项按时办结率',
    formula: '本单位为责任单位、完成时限在当年的督办事项中，在完成时限当天或之前办结的件数 ÷ 总件数；得分 = 比率 × 100',
  },
  projects: {
    name: '共建项目按期完成率',
    formula:
      '本单位为责任单位的当年项目中，已销号且销号审核通过日期不晚于完成时限（长期项目和无时限项目只看是否销号）的个数 ÷ 项目总数（已终止的不计）；得分 = 比率 × 100',
  },
  needs: {
    name: '服务群众需求数',
    formula: '本单位参与（责任或配合）的当年项目所对接的需求中，已办结的条数；达到“满分需求数”得100分，不足按比例计分',
  },
  hours: {
    name: '在职党员服务时长',
    formula: '本单位在职党员当年服务记实的时长合计（小时）；达到“满分服务时长”得100分，不足按比例计分',
  },
};

export const GRADES = ['优秀', '良好', '一般', '较差'] as const;
export type Grade = (typeof GRADES)[number];

export interface EvaluationSettings {
  /** Weights in percent; they sum to 100. */
  weights: { daily: number; annual: number; public: number };
  /** Lowest total for 优秀 / 良好 / 一般; below 一般 is 较差. */
  thresholds: { excellent: number; good: number; fair: number };
  /** Needs solved that earn full marks on the 需求 indicator. */
  needsTarget: number;
  /** Hours that earn full marks on the 服务时长 indicator. */
  hoursTarget: number;
}

export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  weights: { daily: 40, annual: 30, public: 30 },
  thresholds: { excellent: 90, good: 80, fair: 60 },
  needsTarget: 5,
  hoursTarget: 200,
};

/** Scores are shown and compared with one decimal. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

export const rateScore = (done: number, total: number): number | null =>
  total === 0 ? null : round1((done / total) * 100);
export const targetScore = (value: number, target: number): number =>
  round1(Math.min(1, value / Math.max(target, 1e-9)) * 100);

/** The average of the indicators that count; null when none does. */
export function dailyScore(scores: (number | null)[]): number | null {
  const counted = scores.filter((s): s is number => s !== null);
  return counted.length === 0 ? null : round1(counted.reduce((a, b) => a + b, 0) / counted.length);
}

/** Missing parts count as 0 (the sheet says which are missing), so an unfinished entry is visible, never silently high. */
export function totalScore(
  parts: { daily: number | null; annual: number | null; public: number | null },
  s: EvaluationSettings,
): number {
  const w = s.weights;
  return round1(((parts.daily ?? 0) * w.daily + (parts.annual ?? 0) * w.annual + (parts.public ?? 0) * w.public) / 100);
}

export function gradeOf(total: number, s: EvaluationSettings): Grade {
  const t = s.thresholds;
  if (total >= t.excellent) return '优秀';
  if (total >= t.good) return '良好';
  if (total >= t.fair) return '一般';
  return '较差';
}
