import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { HandlerContext } from '../../electron/core/context';
import { meetingFileHandlers } from '../../electron/meetings/files';
import { escapeHtml, officialHtml } from '../../electron/meetings/print/minutes-html';
import { chromiumPdf } from '../helpers/chromium-pdf';
import { testCore, type TestCore } from '../helpers/core';
import { docxParts, docxText } from '../helpers/docx-read';
import { dayOffset, seedDirectory } from '../fixtures/meetings';

async function heldMeeting(core: TestCore) {
  const dir = await seedDirectory(core.call);
  const m = await core.call('meetings.create', {
    kind: '大工委联席会议',
    heldOn: '2025-07-28',
    startTime: '14:30',
    place: '街道三楼会议室',
    host: '张书记',
    recorder: '刘敏',
    invitees: [
      { unitId: dir.hospital.id, delegate: '王强' },
      { unitId: dir.school.id, delegate: '陈静' },
      { communityId: dir.community.id },
    ],
  });
  await core.call('meetings.markAttendance', {
    inviteeId: m.invitees[0]!.id,
    attendance: 'present',
    attendee: '王院长',
  });
  await core.call('meetings.markAttendance', {
    inviteeId: m.invitees[1]!.id,
    attendance: 'leave',
    leaveReason: '外出学习',
  });
  const a = (
    await core.call('meetings.saveAgendaItem', { meetingId: m.id, title: '老旧小区加装电梯', presenter: '东门社区' })
  ).agenda[0]!;
  await core.call('meetings.saveDraft', {
    agendaItemId: a.id,
    discussion: '会议听取了东门社区的汇报。\n与会单位就资金筹措 <方案> & 施工安排进行了讨论。',
  });
  await core.call('meetings.saveDecision', {
    agendaItemId: a.id,
    content: '由区人民医院牵头开展义诊',
    leadUnitId: dir.hospital.id,
    partnerUnitIds: [dir.school.id],
    deadline: dayOffset(20),
  });
  return { dir, m: await core.call('meetings.get', { id: m.id }) };
}

const exported = (_core: TestCore, res: { saved: true; path: string } | { saved: false }) => {
  if (!res.saved) throw new Error('not saved');
  return fs.readFileSync(res.path);
};

describe('meeting paperwork', () => {
  test('会议纪要 .docx: official layout, headed by the street, all sections', async () => {
    const core = await testCore();
    const { m } = await heldMeeting(core);
    await core.call('meetings.finalize', { id: m.id });
    const res = await core.call('meetings.exportMinutesDocx', { id: m.id });
    if (res.saved) expect(res.fileName).toBe('2025年第一次大工委联席会议纪要.docx');
    const parts = await docxParts(exported(core, res));
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
    const text = docxText(doc);
    expect(text).toContain('2025年第一次大工委联席会议纪要');
    expect(text).toContain('2025年7月28日 14:30，城关街道大工委在街道三楼会议室召开2025年第一次大工委联席会议');
    expect(text).toContain('出席单位（1个）：区人民医院（王院长）');
    expect(text).toContain('请假单位：第二实验小学（外出学习）');
    expect(text).toContain('（一）老旧小区加装电梯');
    expect(text).toContain('与会单位就资金筹措 <方案> & 施工安排进行了讨论。');
    expect(text).toMatch(
      /1\.由区人民医院牵头开展义诊（责任单位：区人民医院；配合单位：第二实验小学；完成时限：\d{4}年\d+月\d+日）/,
    );
    expect(text).toContain('三、督办事项');
    const log = await core.call('oplog.list', { page: 0, pageSize: 5 });
    expect(log.rows[0]).toMatchObject({ action: 'export', summary: expect.stringContaining('导出会议纪要') });
  });

  test('会议通知 and 签到表 .docx', async () => {
    const core = await testCore();
    const { m } = await heldMeeting(core);
    const notice = docxText(
      (await docxParts(exported(core, await core.call('meetings.exportNotice', { id: m.id }))))['word/document.xml']!,
    );
    expect(notice).toContain('关于召开2025年第一次大工委联席会议的通知');
    expect(notice).toContain('各共建单位、各社区：');
    expect(notice).toContain('区人民医院（王强）、第二实验小学（陈静）、东门社区');
    expect(notice).toContain('1.老旧小区加装电梯（东门社区）');
    const sign = (await docxParts(exported(core, await core.call('meetings.exportSignInDocx', { id: m.id }))))[
      'word/document.xml'
    ]!;
    expect(docxText(sign)).toContain('城关街道大工委\u30002025年7月28日 14:30\u3000街道三楼会议室');
    expect((sign.match(/<w:tr>/g) ?? []).length).toBe(4); // header + 3 invitees
    expect(docxText(sign)).toContain('请假：外出学习');
  });

  test('签到表 .xlsx: title with the committee, invitee units, attendee, empty signature column', async () => {
    const core = await testCore();
    const { m } = await heldMeeting(core);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported(core, await core.call('meetings.exportSignInXlsx', { id: m.id })) as never);
    const ws = wb.getWorksheet('签到表')!;
    expect(String(ws.getCell('A1').value)).toBe(
      '城关街道大工委2025年第一次大工委联席会议签到表（2025-07-28，街道三楼会议室）',
    );
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '参会单位',
      '参会人',
      '出席情况',
      '签名',
      '备注',
    ]);
    const rows = [3, 4, 5].map((r) => [1, 2, 3, 4, 5, 6].map((c) => ws.getRow(r).getCell(c).value ?? undefined));
    expect(rows[0]).toEqual([1, '区人民医院', '王院长', '出席', undefined, undefined]);
    expect(rows[1]).toEqual([2, '第二实验小学', '陈静', '请假', undefined, '外出学习']);
    expect(rows[2]!.slice(0, 4)).toEqual([3, '东门社区', undefined, undefined]);
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  test('督办清单 .xlsx with derived status and last feedback', async () => {
    const core = await testCore();
    const { m } = await heldMeeting(core);
    const item = m.agenda[0]!.decisions[0]!;
    await core.call('supervision.addFeedback', {
      decisionId: item.id,
      reportedOn: '2025-08-02',
      content: '已开展义诊一次',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported(core, await core.call('supervision.export', {})) as never);
    const ws = wb.getWorksheet('督办清单')!;
    expect(String(ws.getCell('A1').value)).toMatch(/^城关街道大工委联席会议督办清单（截至/);
    const row = (ws.getRow(3).values as unknown[]).slice(1);
    expect(row.slice(0, 5)).toEqual([
      1,
      '2025年第一次大工委联席会议',
      '由区人民医院牵头开展义诊',
      '区人民医院',
      '第二实验小学',
    ]);
    expect(row[7]).toBe('推进中');
    expect(row[8]).toBe('2025-08-02 已开展义诊一次（待审核）');
  });

  describe('PDF', () => {
    let pdf: Awaited<ReturnType<typeof chromiumPdf>> | null = null;
    afterAll(async () => pdf?.close());

    test('the web host answers clearly; with a printer port the minutes print to an A4 PDF', async () => {
      const core = await testCore();
      const { m } = await heldMeeting(core);
      const refused = await core.raw('meetings.exportMinutesPdf', { id: m.id });
      expect(refused).toMatchObject({
        ok: false,
        code: 'FILE_ERROR',
        message: expect.stringContaining('网页方式不支持导出PDF'),
      });

      pdf = await chromiumPdf();
      const ctx = {
        db: core.db,
        dbPath: core.dbPath,
        pdf,
        files: { chooseSavePath: async (n: string) => path.join(core.exportDir, n) },
      } as unknown as HandlerContext;
      const res = await meetingFileHandlers['meetings.exportMinutesPdf']({ id: m.id }, ctx);
      const bytes = exported(core, res);
      const head = bytes.subarray(0, 5).toString('latin1');
      expect(head).toBe('%PDF-');
      const body = bytes.toString('latin1');
      // A4 is 595 × 842 points (Chromium writes 594.96 × 841.92).
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(body)!;
      expect(Math.round(Number(box[1]))).toBe(595);
      expect(Math.round(Number(box[2]))).toBe(842);
    });

    test('the print template escapes what clerks type', () => {
      expect(escapeHtml(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&#39;');
      const html = officialHtml({ title: '纪要<b>', blocks: [{ kind: 'paragraph', text: 'a<img src=x>' }] });
      expect(html).not.toContain('<img');
      expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    });
  });
});
