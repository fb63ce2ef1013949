import type { Database } from 'better-sqlite3';
import { AppError } from '../core/errors';
import * as repo from './repo';

/** What 回收站 keeps of a deleted member (only members without service records can be deleted). */
export interface MemberSnapshot {
  id: number;
  member: repo.MemberRecord;
}

/** A deleted activity with every member's record of it. */
export interface ActivitySnapshot {
  activity: repo.ActivityRecord & { id: number };
  records: { id: number; memberId: number; unitId: number | null; hours: number }[];
}

const exists = (db: Database, table: string, id: number | null) =>
  id !== null && db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

export const membersRestorers = {
  member(db: Database, s: MemberSnapshot): string {
    if (repo.findMemberId(db, s.member.nameKey, s.member.unitName) !== undefined) {
      throw new AppError('CONFLICT', `“${s.member.unitName}”已有同名在职党员“${s.member.name}”，无法恢复`);
    }
    // The directory may have lost the unit or community meanwhile: the names stay, the links go.
    repo.insertMember(
      db,
      {
        ...s.member,
        unitId: exists(db, 'units', s.member.unitId) ? s.member.unitId : null,
        communityId: exists(db, 'communities', s.member.communityId) ? s.member.communityId : null,
      },
      s.id,
    );
    return '已恢复该在职党员';
  },
  service_activity(db: Database, s: ActivitySnapshot): string {
    const a = s.activity;
    repo.insertActivity(
      db,
      {
        ...a,
        communityId: exists(db, 'communities', a.communityId) ? a.communityId : null,
        projectId: exists(db, 'projects', a.projectId) ? a.projectId : null,
        needId: exists(db, 'needs', a.needId) ? a.needId : null,
      },
      a.id,
    );
    const kept = s.records.filter((r) => exists(db, 'party_members', r.memberId));
    repo.insertRecords(
      db,
      a.id,
      a.servedOn,
      kept.map((r) => ({ ...r, unitId: exists(db, 'units', r.unitId) ? r.unitId : null })),
      kept.map((r) => r.id),
    );
    const lost = s.records.length - kept.length;
    return lost
      ? `已恢复 ${kept.length} 人的服务记实；${lost} 名党员已被删除，其记实未恢复`
      : `已恢复 ${kept.length} 人的服务记实`;
  },
};
