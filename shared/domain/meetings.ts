/** 联席会议: the words the clerks use, and the rules both sides need (numbering, 督办 status). */

export const DEFAULT_MEETING_KINDS = [
  '大工委联席会议',
  '社区大党委会议',
  '双月座谈会',
  '推进会',
  '专题协商会',
  '现场观摩会',
] as const;

export const MEETING_STATUSES = ['preparing', 'held', 'finalized'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  preparing: '筹备中',
  held: '已召开',
  finalized: '纪要已定稿',
};

export const ATTENDANCE = ['pending', 'present', 'leave', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  pending: '未登记',
  present: '出席',
  leave: '请假',
  absent: '缺席',
};

export const SUPERVISION_STATUSES = ['notStarted', 'inProgress', 'closed', 'overdue'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatus, string> = {
  notStarted: '未启动',
  inProgress: '推进中',
  closed: '已办结',
  overdue: '逾期',
};

export const CHECK_STATUSES = ['pending', 'passed', 'returned'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = {
  pending: '待审核',
  passed: '审核通过',
  returned: '退回',
};

export const CARRYOVER_TITLE = '上次会议议定事项落实情况';

export const MEETING_LIMITS = { title: 60, short: 30, line: 100, text: 20000, kinds: 30 } as const;

/**
 * A 督办事项's status is derived, never stored: 已办结 once a check passed; otherwise 逾期 when the deadline
 * has passed (today is later than it), 推进中 once the responsible unit has reported, else 未启动.
 */
export function supervisionStatus(
  item: { closedOn: string | null; deadline: string | null; feedbackCount: number },
  today: string,
): SupervisionStatus {
  if (item.closedOn) return 'closed';
  if (item.deadline && item.deadline < today) return 'overdue';
  return item.feedbackCount > 0 ? 'inProgress' : 'notStarted';
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (meeting numbers stay well under 100). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
  }
  return String(n);
}

/** 2025年第二次大工委联席会议 */
export function meetingTitle(kind: string, year: number, seq: number): string {
  return `${year}年第${chineseNumber(seq)}次${kind}`;
}

/** Monday..Sunday of the week holding `today` (ISO dates), for "本周到期". */
export function weekRange(today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const base = new Date(Date.UTC(y, m - 1, d));
  const dow = (base.getUTCDay() + 6) % 7;
  const iso = (t: Date) => t.toISOString().slice(0, 10);
  const from = new Date(base);
  from.setUTCDate(base.getUTCDate() - dow);
  const to = new Date(from);
  to.setUTCDate(from.getUTCDate() + 6);
  return { from: iso(from), to: iso(to) };
}
