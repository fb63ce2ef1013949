import type { MeetingDetail } from '../../shared/contract/meetings';
import { ATTENDANCE_LABELS } from '../../shared/domain/meetings';
import { officialDate, type OfficialBlock, type OfficialDocument } from '../files/docx-official';

/** The paperwork of a meeting as official documents (structure only; docx-official.ts lays them out). */

export interface Heading {
  streetName: string;
  committeeName: string;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (n: number) => ORDINALS[n] ?? String(n + 1);

const when = (m: MeetingDetail) => `${officialDate(m.heldOn)}${m.startTime ? ` ${m.startTime}` : ''}`;
const issuer = (h: Heading) => h.committeeName || h.streetName;

function decisionLine(d: MeetingDetail['agenda'][number]['decisions'][number], n: number): string {
  const parts = [
    d.leadUnitName && `责任单位：${d.leadUnitName}`,
    d.partners.length ? `配合单位：${d.partners.map((p) => p.name).join('、')}` : '',
    d.deadline && `完成时限：${officialDate(d.deadline)}`,
    d.target && `目标：${d.target}`,
  ].filter(Boolean);
  return `${n + 1}.${d.content}${parts.length ? `（${parts.join('；')}）` : ''}`;
}

export function minutesDocument(m: MeetingDetail, h: Heading): OfficialDocument {
  const present = m.invitees.filter((i) => i.attendance === 'present');
  const leave = m.invitees.filter((i) => i.attendance === 'leave');
  const absent = m.invitees.filter((i) => i.attendance === 'absent');
  const blocks: OfficialBlock[] = [
    {
      kind: 'paragraph',
      text: `${when(m)}，${issuer(h)}在${m.place || '（地点未填）'}召开${m.title}。会议由${m.host || '（未填）'}主持，${m.recorder || '（未填）'}记录。`,
    },
    { kind: 'heading1', text: '一、出席情况' },
    {
      kind: 'paragraph',
      text: `出席单位（${present.length}个）：${present.map((i) => (i.attendee ? `${i.name}（${i.attendee}）` : i.name)).join('、') || '无'}。`,
    },
  ];
  if (leave.length)
    blocks.push({
      kind: 'paragraph',
      text: `请假单位：${leave.map((i) => `${i.name}（${i.leaveReason}）`).join('、')}。`,
    });
  if (absent.length) blocks.push({ kind: 'paragraph', text: `缺席单位：${absent.map((i) => i.name).join('、')}。` });
  blocks.push({ kind: 'heading1', text: '二、会议议题及议定事项' });
  m.agenda.forEach((a, n) => {
    blocks.push({ kind: 'heading2', text: `（${ordinal(n)}）${a.title}` });
    if (a.presenter) blocks.push({ kind: 'paragraph', text: `${a.presenter}作汇报。` });
    if (a.discussion.trim()) blocks.push({ kind: 'paragraph', text: a.discussion });
    if (a.decisions.length) {
      blocks.push({ kind: 'paragraph', text: '会议议定：' });
      a.decisions.forEach((d, k) => blocks.push({ kind: 'paragraph', text: decisionLine(d, k) }));
    }
  });
  const tracked = m.agenda.flatMap((a) => a.decisions).filter((d) => d.leadUnitName);
  if (tracked.length) {
    blocks.push({ kind: 'heading1', text: '三、督办事项' });
    blocks.push({
      kind: 'table',
      headers: ['序号', '议定事项', '责任单位', '配合单位', '完成时限'],
      widths: [1.4, 5, 2.5, 2.5, 2.5],
      rows: tracked.map((d, i) => [
        String(i + 1),
        d.content,
        d.leadUnitName,
        d.partners.map((p) => p.name).join('、'),
        d.deadline ? officialDate(d.deadline) : '',
      ]),
    });
  }
  return {
    title: `${m.title}纪要`,
    subtitle: m.revision ? [`（第${m.revision}次修订）`] : undefined,
    blocks,
    signature: [issuer(h)],
    date: m.heldOn,
  };
}

export function noticeDocument(m: MeetingDetail, h: Heading, today: string): OfficialDocument {
  const blocks: OfficialBlock[] = [
    { kind: 'paragraph', text: `经研究，定于${when(m)}召开${m.title}。现将有关事项通知如下：` },
    { kind: 'heading1', text: '一、会议时间' },
    { kind: 'paragraph', text: `${when(m)}。` },
    { kind: 'heading1', text: '二、会议地点' },
    { kind: 'paragraph', text: `${m.place || '另行通知'}。` },
    { kind: 'heading1', text: '三、参会单位' },
    {
      kind: 'paragraph',
      text: `${m.invitees.map((i) => (i.delegate ? `${i.name}（${i.delegate}）` : i.name)).join('、') || '另行通知'}。`,
    },
  ];
  if (m.agenda.length) {
    blocks.push({ kind: 'heading1', text: '四、会议议程' });
    m.agenda.forEach((a, n) =>
      blocks.push({ kind: 'paragraph', text: `${n + 1}.${a.title}${a.presenter ? `（${a.presenter}）` : ''}` }),
    );
  }
  blocks.push(
    { kind: 'heading1', text: `${ordinal(m.agenda.length ? 4 : 3)}、有关要求` },
    { kind: 'paragraph', text: '请各单位按时参会。因故不能参会的，请提前向街道党建办请假并说明事由。' },
  );
  return {
    title: `关于召开${m.title}的通知`,
    mainRecipient: '各共建单位、各社区',
    blocks,
    signature: [issuer(h)],
    date: today,
  };
}

export function signInRows(m: MeetingDetail): string[][] {
  return m.invitees.map((i, n) => [
    String(n + 1),
    i.name,
    i.attendee || i.delegate,
    i.attendance === 'leave' ? `请假：${i.leaveReason}` : '',
  ]);
}

export function signInDocument(m: MeetingDetail, h: Heading): OfficialDocument {
  return {
    title: `${m.title}签到表`,
    subtitle: [`${issuer(h)}\u3000${when(m)}\u3000${m.place}`.trim()],
    blocks: [
      {
        kind: 'table',
        headers: ['序号', '单位', '参会人', '签名', '备注'],
        widths: [1.4, 5, 2.2, 3, 2.2],
        rows: signInRows(m).map(([n, name, who, note]) => [n!, name!, who!, '', note!]),
        rowHeightMm: 12,
      },
    ],
  };
}

export const attendanceLabel = (a: keyof typeof ATTENDANCE_LABELS) => (a === 'pending' ? '' : ATTENDANCE_LABELS[a]);
