import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import { todayIso } from '../../shared/domain/dates';
import { maskPhone } from '../../shared/domain/mask';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, roundHours } from '../../shared/domain/members';
import { PHONE_HINT } from '../../shared/domain/phone';
import { notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { buildOfficialDocx, officialDate, type OfficialBlock } from '../files/docx-official';
import { logSaved, saveAndLog } from '../files/export-log';
import { listImportHandlers } from '../files/list-import';
import { buildListTemplate } from '../files/list-template';
import { saveBuffer, saveWorkbook } from '../files/save-export';
import { addTableSheet, type TableColumn } from '../files/xlsx-write';
import { getSettings } from '../settings/service';
import { listCommunities } from '../units/repo';
import { recordImporter, rosterImporter } from './import';
import * as repo from './repo';

const stamp = () => todayIso().replace(/-/g, '');
const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];
/** 2025-03-05 → 3月5日: the year is in the title, and the short form fits the table's narrow column. */
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Headed as the importers read them, so an exported roster or record sheet imports back unchanged. */
export const ROSTER_EXPORT_COLUMNS: TableColumn[] = [
  { header: '序号', kind: 'number' },
  { header: '姓名', align: 'center', minWidth: 8 },
  { header: '工作单位', minWidth: 16 },
  { header: '报到社区', minWidth: 10 },
  { header: '报到日期', kind: 'date' },
  { header: '认领岗位', minWidth: 10 },
  { header: '联系电话', minWidth: 14 },
  { header: '状态', align: 'center' },
  { header: '本年服务次数', kind: 'number' },
  { header: '本年服务时长（小时）', kind: 'number', numFmt: '0.0' },
  { header: '最近服务日期', kind: 'date' },
  { header: '备注', kind: 'notes' },
];

export const RECORD_EXPORT_COLUMNS: TableColumn[] = [
  { header: '序号', kind: 'number' },
  { header: '服务日期', kind: 'date' },
  { header: '姓名', align: 'center', minWidth: 8 },
  { header: '工作单位', minWidth: 16 },
  { header: '服务内容', minWidth: 20 },
  { header: '服务时长', kind: 'number', numFmt: '0.0' },
  { header: '服务社区', minWidth: 10 },
  { header: '关联项目或需求', minWidth: 16 },
];

export function buildRosterWorkbook(
  db: Database,
  q: { year: number; fullPhones: boolean; unitId?: number; communityId?: number },
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const street = getSettings(db).streetName;
  const members = repo.allMembers(db, q.year, q);
  addTableSheet(wb, '在职党员名册', {
    title: `${street}在职党员“双报到”名册（${q.year}年）`,
    columns: ROSTER_EXPORT_COLUMNS,
    rows: members.map((m, i) => [
      i + 1,
      m.name,
      m.unitName,
      m.communityName,
      m.reportedOn,
      m.post,
      q.fullPhones ? m.phone : maskPhone(m.phone),
      MEMBER_STATUS_LABELS[m.status],
      m.activities,
      m.hours,
      m.lastServedOn,
      m.notes,
    ]),
  });
  const records = repo
    .listRecords(db, { year: q.year, unitId: q.unitId, communityId: q.communityId }, null)
    .rows.reverse();
  addTableSheet(wb, '服务记实', {
    title: `${street}在职党员服务记实（${q.year}年）`,
    columns: RECORD_EXPORT_COLUMNS,
    rows: records.map((r, i) => [
      i + 1,
      r.servedOn,
      r.memberName,
      r.unitName,
      r.title,
      r.hours,
      r.communityName,
      r.projectName ?? r.needTitle ?? '',
    ]),
  });
  return wb;
}

/** 在职党员工作记实: the member's year on one official page set, for the unit's yearly assessment. */
export async function buildMemberRecordDocx(
  db: Database,
  memberId: number,
  year: number,
  fullPhone: boolean,
): Promise<{ name: string; buf: Buffer }> {
  const m = repo.getMember(db, memberId, year);
  if (!m) throw notFound('该在职党员');
  const records = repo.listRecords(db, { year, memberId }, null).rows.reverse();
  const blocks: OfficialBlock[] = [
    { kind: 'heading1', text: '一、基本情况' },
    // Two rows of three: six narrow columns wrap every value on the 28-character line.
    {
      kind: 'table',
      headers: ['姓名', '工作单位', '报到社区'],
      rows: [[m.name, m.unitName, m.communityName]],
      widths: [2, 4, 3],
    },
    {
      kind: 'table',
      headers: ['报到日期', '认领岗位', '联系电话'],
      rows: [[m.reportedOn ? officialDate(m.reportedOn) : '', m.post, fullPhone ? m.phone : maskPhone(m.phone)]],
      widths: [3, 3, 3],
    },
    { kind: 'heading1', text: '二、服务记实' },
    records.length
      ? {
          kind: 'table',
          headers: ['序号', '日期', '服务内容', '服务社区', '小时'],
          rows: records.map((r, i) => [String(i + 1), monthDay(r.servedOn), r.title, r.communityName, String(r.hours)]),
          widths: [1.2, 3, 6.4, 3, 1.4],
        }
      : { kind: 'paragraph', text: `${year}年暂无服务记实。` },
    {
      kind: 'paragraph',
      text: `${year}年共参加服务活动${records.length}次，累计服务${roundHours(records.reduce((a, r) => a + r.hours, 0))}小时。`,
    },
    { kind: 'heading1', text: '三、社区党组织评价意见' },
    // A ruled box the community fills in by hand before stamping.
    { kind: 'table', headers: ['评价意见'], rows: [['']], rowHeightMm: 45 },
    { kind: 'paragraph', text: '社区党组织（盖章）', align: 'right', indent: false },
    { kind: 'paragraph', text: '年    月    日', align: 'right', indent: false },
  ];
  const buf = await buildOfficialDocx({ title: '在职党员“双报到”工作记实', subtitle: [`（${year}年度）`], blocks });
  return { name: `工作记实-${m.name}-${year}年.docx`, buf };
}

/** Fill-in sheets a community sends back: the same headers the importers read. */
export function buildRosterTemplate(db: Database): ExcelJS.Workbook {
  return buildListTemplate({
    sheetName: '在职党员名册',
    title: `${getSettings(db).streetName}在职党员“双报到”名册（填报）`,
    columns: ROSTER_EXPORT_COLUMNS.filter((c) => !c.header.startsWith('本年') && c.header !== '最近服务日期'),
    dropdowns: {
      报到社区: listCommunities(db).map((c) => c.name),
      状态: MEMBER_STATUSES.map((x) => MEMBER_STATUS_LABELS[x]),
    },
    textColumns: ['联系电话'],
    howTo: [
      '1. 在“在职党员名册”工作表第3行起逐行填写，一行一名党员。',
      '2. “姓名”“工作单位”“报到社区”必填；工作单位须是共建单位名录中的单位，报到社区须是街道社区名录中的社区。',
      `3. 联系电话：${PHONE_HINT}。不要填写身份证号等其他个人信息。`,
      '4. 状态填“在册”或“转出”，不填按“在册”。同一单位的同名党员视为同一人，重复导入不会重复登记。',
    ],
  });
}

export function buildRecordTemplate(db: Database): ExcelJS.Workbook {
  return buildListTemplate({
    sheetName: '服务记实',
    title: `${getSettings(db).streetName}在职党员服务记实（填报）`,
    columns: RECORD_EXPORT_COLUMNS.filter((c) => c.header !== '关联项目或需求'),
    dropdowns: { 服务社区: listCommunities(db).map((c) => c.name) },
    textColumns: [],
    howTo: [
      '1. 在“服务记实”工作表第3行起逐行填写，一名党员参加一次活动写一行。',
      '2. 姓名和工作单位须与在职党员名册一致；服务时长填小时数，如 2 或 2.5。',
      '3. 同一天、同一服务内容、同一服务社区的各行记为一次活动；重复导入不会重复登记。',
    ],
  });
}

const roster = listImportHandlers(rosterImporter);
const records = listImportHandlers(recordImporter);

export const membersFileHandlers: Pick<
  Handlers,
  | 'members.exportRoster'
  | 'members.exportRecordDocx'
  | 'members.importPreview'
  | 'members.importCommit'
  | 'service.importPreview'
  | 'service.importCommit'
  | 'members.importTemplate'
  | 'service.importTemplate'
> = {
  'members.exportRoster': (q, ctx) =>
    saveAndLog(
      ctx,
      `在职党员名册与服务记实-${q.year}年-${stamp()}.xlsx`,
      buildRosterWorkbook(ctx.db, q),
      q.fullPhones ? '导出在职党员名册与服务记实（含完整电话）' : '导出在职党员名册与服务记实（电话已隐去部分）',
    ),
  'members.exportRecordDocx': async ({ memberId, year, fullPhone }, ctx) => {
    const { name, buf } = await buildMemberRecordDocx(ctx.db, memberId, year, fullPhone);
    return logSaved(
      ctx,
      await saveBuffer(ctx, name, buf, DOCX),
      fullPhone ? '导出工作记实（含完整电话）' : '导出工作记实',
    );
  },
  'members.importPreview': (file, { db }) => roster.preview(db, file),
  'members.importCommit': (input, { db }) => roster.commit(db, input),
  'service.importPreview': (file, { db }) => records.preview(db, file),
  'service.importCommit': (input, { db }) => records.commit(db, input),
  'members.importTemplate': (_i, ctx) => saveWorkbook(ctx, '在职党员名册-填报模板.xlsx', buildRosterTemplate(ctx.db)),
  'service.importTemplate': (_i, ctx) => saveWorkbook(ctx, '服务记实-填报模板.xlsx', buildRecordTemplate(ctx.db)),
};
