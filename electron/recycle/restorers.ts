import type { Database } from 'better-sqlite3';
import { meetingRestorers } from '../meetings/recycle';
import { membersRestorers } from '../members/recycle';
import { needsRestorers } from '../needs/recycle';
import { projectsRestorers } from '../projects/recycle';
import { resourcesRestorers } from '../resources/recycle';
import { directoryRestorers } from '../units/recycle';

/**
 * How each kind of record comes back out of 回收站. An area that deletes through the bin registers its
 * restorers here; moveToBin refuses a kind without one, so nothing can be deleted beyond recovery by mistake.
 * Each restorer runs inside the restore transaction and returns a Chinese sentence saying what came back.
 */
export const restorers: Record<string, (db: Database, payload: unknown) => string> = {
  ...(directoryRestorers as Record<keyof typeof directoryRestorers, (db: Database, payload: unknown) => string>),
  ...(meetingRestorers as Record<keyof typeof meetingRestorers, (db: Database, payload: unknown) => string>),
  ...(needsRestorers as Record<keyof typeof needsRestorers, (db: Database, payload: unknown) => string>),
  ...(resourcesRestorers as Record<keyof typeof resourcesRestorers, (db: Database, payload: unknown) => string>),
  ...(projectsRestorers as Record<keyof typeof projectsRestorers, (db: Database, payload: unknown) => string>),
  ...(membersRestorers as Record<keyof typeof membersRestorers, (db: Database, payload: unknown) => string>),
};
