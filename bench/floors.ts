import type { Database } from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import fs from 'node:fs';

/**
 * The floors: the least work each operation needs, done with the raw libraries (bare better-sqlite3 queries,
 * exceljs's streaming writer, a plain docx document). The app's figure is reported beside it as a ratio.
 */

export const needsListFloor = (db: Database) => {
  const where = `WHERE n.status = 'done' AND n.category = '养老'`;
  db.prepare(`SELECT count(*) FROM needs n ${where}`).pluck().get();
  return db
    .prepare(
      `SELECT n.*, c.name FROM needs n JOIN communities c ON c.id = n.community_id ${where}
      ORDER BY n.raised_on DESC, n.id DESC LIMIT 100`,
    )
    .all();
};

export const projectsListFloor = (db: Database) => {
  const where = `WHERE p.status = 'active'`;
  db.prepare(`SELECT count(*) FROM projects p ${where}`).pluck().get();
  return db.prepare(`SELECT p.* FROM projects p ${where} ORDER BY p.deadline_on, p.id LIMIT 100`).all();
};

export const supervisionFloor = (db: Database) => {
  const where = `WHERE d.lead_unit_name <> '' AND d.closed_on IS NULL`;
  db.prepare(`SELECT count(*) FROM decisions d ${where}`).pluck().get();
  return db
    .prepare(
      `SELECT d.*, m.title FROM decisions d JOIN meetings m ON m.id = d.meeting_id ${where}
      ORDER BY d.deadline, d.id LIMIT 100`,
    )
    .all();
};

export const firstScreenFloor = (db: Database) =>
  db
    .prepare(
      `SELECT count(*) FILTER (WHERE closed_on IS NULL), count(*) FILTER (WHERE closed_on IS NULL AND deadline < date('now'))
      FROM decisions WHERE lead_unit_name <> ''`,
    )
    .get();

export const dashboardFloor = (db: Database, year: number) => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  db.prepare('SELECT status, count(*) FROM needs WHERE raised_on BETWEEN ? AND ? GROUP BY status').all(from, to);
  db.prepare('SELECT category, count(*) FROM needs WHERE raised_on BETWEEN ? AND ? GROUP BY category').all(from, to);
  db.prepare('SELECT community_id, count(*) FROM needs WHERE raised_on BETWEEN ? AND ? GROUP BY community_id').all(
    from,
    to,
  );
  db.prepare('SELECT status, count(*) FROM projects WHERE year = ? GROUP BY status').all(year);
  db.prepare('SELECT unit_id, sum(hours) FROM service_records WHERE served_on BETWEEN ? AND ? GROUP BY unit_id').all(
    from,
    to,
  );
};

/**
 * The same answer with bare queries: each kind's count and its 5 newest matches. Terms of 3+ characters through
 * the trigram index, shorter ones by scanning the compact text.
 */
export const searchFloor = (db: Database, term: string) => {
  if ([...term].length < 3) {
    // The scan that counts each kind is the least a 1–2 character search must do (the newest 5 cost ~nothing).
    return db
      .prepare(
        'SELECT kind, count(*) FROM search_text t WHERE instr(t.title, ?) > 0 OR instr(t.body, ?) > 0 GROUP BY kind',
      )
      .all(term, term);
  }
  const where = 't.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @fts)';
  return db
    .prepare(
      `SELECT * FROM (SELECT t.kind, t.ref_id, t.title, t.body, count(*) OVER (PARTITION BY t.kind) AS total,
         row_number() OVER (PARTITION BY t.kind ORDER BY t.at DESC) AS rn FROM search_text t WHERE ${where}) WHERE rn <= 5`,
    )
    .all({ fts: `"${term}"`, term });
};

/** The bare streaming write of the same rows (one SELECT per sheet, no styling). */
export async function streamRowsFloor(db: Database, sqls: string[], file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  for (const [i, sql] of sqls.entries()) {
    const ws = wb.addWorksheet(`Sheet${i + 1}`);
    for (const row of db.prepare(sql).raw().iterate()) ws.addRow(row as unknown[]).commit();
    ws.commit();
  }
  await wb.commit();
}

/**
 * The same rows with a style on every cell (thin borders, 宋体, wrapping: one shared style object per sheet),
 * still with the raw streaming writer and nothing else. Not the target's floor, which is the bare write: it
 * shows how much of the export's time is what makes the sheet printable rather than the app's own work.
 */
export async function streamStyledRowsFloor(db: Database, sqls: string[], file: string): Promise<void> {
  const thin = { style: 'thin' as const };
  const style: Partial<ExcelJS.Style> = {
    border: { top: thin, left: thin, bottom: thin, right: thin },
    font: { name: '宋体', size: 11 },
    alignment: { vertical: 'middle', wrapText: true },
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const [i, sql] of sqls.entries()) {
    const ws = wb.addWorksheet(`Sheet${i + 1}`);
    let r = 1;
    for (const values of db.prepare(sql).raw().iterate() as IterableIterator<ExcelJS.CellValue[]>) {
      const row = ws.getRow(r++);
      values.forEach((v, c) => {
        const cell = row.getCell(c + 1);
        cell.value = v;
        cell.style = style;
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

export const NEEDS_FLOOR_SQL = [
  `SELECT n.id, c.name, n.grid, n.title, n.description, n.category, n.source, n.raised_on, n.urgency,
  n.contact_name, n.contact_phone, n.status, n.reject_reason FROM needs n JOIN communities c ON c.id = n.community_id
  ORDER BY c.name_key, n.raised_on, n.id`,
];
/** 进度汇总 (one row a project) and 进度记录 (every entry with its project's name), as the ledger export has. */
export const LEDGER_FLOOR_SQL = [
  `SELECT p.id, p.name, p.deadline_on, p.progress_percent, p.progress_text, p.progress_on, p.status FROM projects p`,
  `SELECT e.id, p.name, e.entry_on, e.percent, e.text, e.operator FROM progress_entries e JOIN projects p ON p.id = e.project_id`,
];

/** The minutes' text as plain paragraphs in a docx, packed and written. */
export async function minutesDocxFloor(db: Database, meetingId: number, file: string): Promise<void> {
  const items = db
    .prepare('SELECT title, discussion FROM agenda_items WHERE meeting_id = ? ORDER BY sort')
    .all(meetingId) as {
    title: string;
    discussion: string;
  }[];
  const decisions = db
    .prepare('SELECT content FROM decisions WHERE meeting_id = ? ORDER BY sort')
    .pluck()
    .all(meetingId) as string[];
  const doc = new Document({
    sections: [
      {
        children: [
          ...items.flatMap((i) => [new Paragraph(i.title), new Paragraph(i.discussion)]),
          ...decisions.map((d) => new Paragraph(d)),
        ],
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}

/**
 * Parsing the sheet with exceljs and a bare transactional insert of its rows (no search index maintenance:
 * its triggers are dropped inside the transaction, which is rolled back, leaving the database as it was).
 */
export async function importFloor(db: Database, buffer: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const communities = new Map(
    (db.prepare('SELECT name, id FROM communities').raw().all() as [string, number][]).map(([n, id]) => [n, id]),
  );
  const ins =
    db.prepare(`INSERT INTO needs (community_id, grid, title, title_key, description, category, source, raised_on,
    urgency, contact_name, contact_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let added = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('DROP TRIGGER search_need_ins');
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const v = (i: number) => String(row.getCell(i).value ?? '');
      const community = communities.get(v(2));
      if (!community) return;
      ins.run(community, v(3), v(4), v(4), v(5), v(6), v(7), v(8).slice(0, 10), '一般', v(10), v(11));
      added++;
    });
  } finally {
    db.exec('ROLLBACK');
  }
  return added;
}

/** The needs the insert figures write: `rows` of them, realistic lengths, in community 1. */
export const syntheticNeeds = (rows: number) =>
  Array.from({ length: rows }, (_, i) => {
    const title = `独居老人助餐服务第${i}号`;
    return { title, description: '辖区独居老人约40人，希望提供午间助餐，需协调共建单位支持' };
  });

/**
 * The insert floor: `rows` needs inserted row by row in one transaction with the search trigger dropped (no
 * index maintenance at all). DDL is transactional: the run rolls back, the database is left as it was.
 */
export function bareInsertNeeds(db: Database, rows: number): void {
  const ins = db.prepare(`INSERT INTO needs (community_id, title, title_key, description, category, raised_on)
    VALUES (1, ?, ?, ?, '养老', '2025-06-01')`);
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('DROP TRIGGER search_need_ins');
    for (const n of syntheticNeeds(rows)) ins.run(n.title, n.title, n.description);
  } finally {
    db.exec('ROLLBACK');
  }
}
