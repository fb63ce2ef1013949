import type { Database } from 'better-sqlite3';
import { AppError } from '../core/errors';
import * as repo from './repo';

/** A deleted meeting comes back with all its rows and ids (invitees, agenda, decisions, feedback, revisions). */
export const meetingRestorers = {
  meeting(db: Database, rows: repo.MeetingRows): string {
    const m = rows.meetings?.[0];
    if (!m) throw new AppError('INTERNAL', '回收站中的会议记录不完整');
    repo.unlinkMissing(db, rows);
    repo.reinsertMeetingRows(db, rows);
    return `已恢复会议及参会单位${rows.meeting_invitees?.length ?? 0}个、议题${rows.agenda_items?.length ?? 0}个、议定事项${rows.decisions?.length ?? 0}项`;
  },
};
