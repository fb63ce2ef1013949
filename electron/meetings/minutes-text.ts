import type { MeetingDetail } from '../../shared/contract/meetings';
import { ATTENDANCE_LABELS } from '../../shared/domain/meetings';

/**
 * The minutes as plain text: what a revision keeps of the finalised version, so the old wording can be read
 * back exactly even after the live rows have been corrected.
 */
export function minutesText(m: MeetingDetail): string {
  const lines = [
    m.title,
    `时间：${m.heldOn}${m.startTime ? ` ${m.startTime}` : ''}\u3000地点：${m.place}\u3000主持人：${m.host}\u3000记录人：${m.recorder}`,
    `参会单位：${m.invitees.map((i) => `${i.name}（${ATTENDANCE_LABELS[i.attendance]}${i.attendee ? `，${i.attendee}` : ''}）`).join('；')}`,
  ];
  m.agenda.forEach((a, n) => {
    lines.push('', `议题${n + 1}：${a.title}${a.presenter ? `（${a.presenter}）` : ''}`, a.discussion);
    a.decisions.forEach((d, k) => {
      const who = d.leadUnitName ? `责任单位：${d.leadUnitName}` : '';
      const partners = d.partners.length ? `；配合单位：${d.partners.map((p) => p.name).join('、')}` : '';
      const due = d.deadline ? `；完成时限：${d.deadline}` : '';
      lines.push(`议定事项${k + 1}：${d.content}${who ? `（${who}${partners}${due}）` : ''}`);
    });
  });
  return lines.join('\n');
}
