import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ActivityInput, Member, MemberInput } from '../../shared/contract/members';
import { MEMBER_FIELD_LABELS, MEMBER_STATUS_LABELS, roundHours } from '../../shared/domain/members';
import { nameKey } from '../../shared/domain/text';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { describeChanges, recordOp } from '../oplog/service';
import { moveToBin } from '../recycle/service';
import { getCommunity, getUnit } from '../units/repo';
import type { ActivitySnapshot, MemberSnapshot } from './recycle';
import * as repo from './repo';

type MemberIn = z.output<typeof MemberInput>;
type ActivityIn = z.output<typeof ActivityInput>;

const thisYear = () => new Date().getFullYear();
const loggable = (m: repo.MemberRecord) => ({ ...m, status: MEMBER_STATUS_LABELS[m.status] });

function memberRecord(db: Database, input: MemberIn): repo.MemberRecord {
  const unit = getUnit(db, input.unitId);
  if (!unit) throw notFound('所选工作单位');
  const community = getCommunity(db, input.communityId);
  if (!community) throw notFound('所选报到社区');
  return {
    name: input.name,
    nameKey: nameKey(input.name),
    unitId: unit.id,
    unitName: unit.name,
    communityId: community.id,
    communityName: community.name,
    reportedOn: input.reportedOn,
    post: input.post,
    phone: input.phone,
    status: input.status,
    notes: input.notes,
  };
}

/** Writes one member (inside the caller's transaction); the same name in the same unit is one person. */
export function writeMember(db: Database, input: MemberIn): number {
  const record = memberRecord(db, input);
  const same = repo.findMemberId(db, record.nameKey, record.unitName);
  if (same !== undefined && same !== input.id) {
    throw new AppError('CONFLICT', `“${record.unitName}”已有在职党员“${record.name}”，不能重复登记`);
  }
  if (input.id === undefined) {
    const id = repo.insertMember(db, record);
    recordOp(db, {
      action: 'create',
      entity: 'member',
      entityId: id,
      title: record.name,
      summary: `${record.unitName} → ${record.communityName}`,
    });
    return id;
  }
  const before = repo.memberRecordOf(db, input.id);
  if (!before) throw notFound('该在职党员');
  repo.updateMember(db, input.id, record);
  const summary = describeChanges(loggable(before), loggable(record), MEMBER_FIELD_LABELS);
  if (summary) recordOp(db, { action: 'update', entity: 'member', entityId: input.id, title: record.name, summary });
  return input.id;
}

export function saveMember(db: Database, input: MemberIn): Member {
  const id = db.transaction(() => writeMember(db, input)).immediate();
  return repo.getMember(db, id, thisYear())!;
}

/**
 * One form for a whole volunteer day: one activity row and a record per member, in one transaction.
 * Each record carries the member's unit now, so later unit changes do not move past hours.
 */
export function recordActivity(
  db: Database,
  input: ActivityIn,
): { activityId: number; records: number; hours: number } {
  return db
    .transaction(() => {
      const community = getCommunity(db, input.communityId);
      if (!community) throw notFound('所选社区');
      const rows = input.members.map((m) => {
        const member = repo.memberRecordOf(db, m.memberId);
        if (!member) throw notFound('所选的在职党员');
        if (member.status !== 'active')
          throw new AppError('INVALID_INPUT', `“${member.name}”已转出，不能再登记服务记实`);
        return { memberId: m.memberId, unitId: member.unitId, hours: m.hours, name: member.name };
      });
      const activityId = repo.insertActivity(db, {
        servedOn: input.servedOn,
        title: input.title,
        communityId: community.id,
        communityName: community.name,
        projectId: input.projectId,
        needId: input.needId,
        notes: input.notes,
      });
      repo.insertRecords(db, activityId, input.servedOn, rows);
      const hours = roundHours(rows.reduce((s, r) => s + roundHours(r.hours), 0));
      recordOp(db, {
        action: 'create',
        entity: 'service_activity',
        entityId: activityId,
        title: `${input.servedOn} ${input.title}`,
        summary: `${rows.length}人，共${hours}小时：${rows
          .map((r) => r.name)
          .join('、')
          .slice(0, 300)}`,
      });
      return { activityId, records: rows.length, hours };
    })
    .immediate();
}

export const membersHandlers: Pick<
  Handlers,
  | 'members.list'
  | 'members.get'
  | 'members.save'
  | 'members.delete'
  | 'members.options'
  | 'members.posts'
  | 'members.savePosts'
  | 'service.record'
  | 'service.list'
  | 'service.activities'
  | 'service.deleteActivity'
  | 'service.unitHours'
> = {
  'members.list': (q, { db }) => repo.listMembers(db, q),
  'members.get': ({ id, year }, { db }) => {
    const m = repo.getMember(db, id, year);
    if (!m) throw notFound('该在职党员');
    return m;
  },
  'members.save': (input, { db }) => saveMember(db, input),
  'members.delete': ({ id }, { db }) => {
    db.transaction(() => {
      const m = repo.memberRecordOf(db, id);
      if (!m) throw notFound('该在职党员');
      const n = repo.recordCountOfMember(db, id);
      if (n > 0) {
        throw new AppError(
          'CONFLICT',
          `“${m.name}”已有 ${n} 条服务记实，不能删除；调离的党员请把状态改为“转出”，记实仍保留`,
        );
      }
      const snapshot: MemberSnapshot = { id, member: m };
      moveToBin(db, { entity: 'member', entityId: id, title: m.name, payload: snapshot });
      repo.deleteMember(db, id);
      recordOp(db, { action: 'delete', entity: 'member', entityId: id, title: m.name, summary: m.unitName });
    }).immediate();
    return { deleted: true as const };
  },
  'members.options': ({ communityId }, { db }) => repo.memberOptions(db, communityId ?? null),
  'members.posts': (_i, { db }) => repo.allPosts(db),
  'members.savePosts': ({ communityId, posts }, { db }) =>
    db
      .transaction(() => {
        const c = getCommunity(db, communityId);
        if (!c) throw notFound('该社区');
        const before = repo.postsOf(db, communityId);
        repo.replacePosts(db, communityId, posts);
        const summary = describeChanges(
          { posts: before.join('、') },
          { posts: posts.join('、') },
          { posts: '服务岗位' },
        );
        if (summary)
          recordOp(db, { action: 'update', entity: 'community', entityId: communityId, title: c.name, summary });
        return { communityId, posts };
      })
      .immediate(),
  'service.record': (input, { db }) => recordActivity(db, input),
  'service.list': (q, { db }) => repo.listRecords(db, q, { limit: q.pageSize, offset: q.page * q.pageSize }),
  'service.activities': (q, { db }) => repo.listActivities(db, q.year, q.pageSize, q.page * q.pageSize),
  'service.deleteActivity': ({ id }, { db }) => {
    db.transaction(() => {
      const a = repo.getActivity(db, id);
      if (!a) throw notFound('该服务记实');
      const snapshot: ActivitySnapshot = { activity: a, records: repo.recordsOfActivity(db, id) };
      const title = `${a.servedOn} ${a.title}`;
      moveToBin(db, { entity: 'service_activity', entityId: id, title, payload: snapshot });
      repo.deleteActivity(db, id);
      recordOp(db, {
        action: 'delete',
        entity: 'service_activity',
        entityId: id,
        title,
        summary: `${snapshot.records.length}人的服务记实`,
      });
    }).immediate();
    return { deleted: true as const };
  },
  'service.unitHours': ({ year, unitId }, { db }) => repo.unitHours(db, year, unitId),
};
