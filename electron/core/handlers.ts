import { attachmentsHandlers } from '../attachments/handlers';
import { authHandlers } from '../auth/handlers';
import { backupHandlers, withBackupAhead, withBackupFirst } from '../backup/handlers';
import { dashboardHandlers } from '../dashboard/files';
import { evaluationFileHandlers } from '../evaluation/files';
import { evaluationHandlers } from '../evaluation/service';
import { matchCreateHandlers } from '../matching/create';
import { matchingHandlers } from '../matching/service';
import { meetingFileHandlers } from '../meetings/files';
import { needsFileHandlers } from '../needs/files';
import { needsHandlers } from '../needs/service';
import { meetingsHandlers } from '../meetings/service';
import { membersFileHandlers } from '../members/files';
import { membersHandlers } from '../members/service';
import { oplogHandlers } from '../oplog/handlers';
import { optionsHandlers } from '../options/service';
import { dualReportHandlers } from '../projects/dual-report';
import { projectsFileHandlers } from '../projects/files';
import { projectsHandlers } from '../projects/handlers';
import { recycleHandlers } from '../recycle/service';
import { searchHandlers } from '../search/service';
import { resourcesFileHandlers } from '../resources/files';
import { resourcesHandlers } from '../resources/service';
import { settingsHandlers } from '../settings/service';
import { directoryFileHandlers } from '../units/files';
import { directoryHandlers } from '../units/service';
import type { Handlers } from './registry';

/** Every channel's handler. Adding an area means adding its handler group here; the type checks completeness. */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...directoryHandlers,
  ...directoryFileHandlers,
  ...oplogHandlers,
  ...recycleHandlers,
  ...authHandlers,
  ...attachmentsHandlers,
  ...backupHandlers,
  ...meetingsHandlers,
  ...meetingFileHandlers,
  ...needsHandlers,
  ...needsFileHandlers,
  ...resourcesHandlers,
  ...resourcesFileHandlers,
  ...matchingHandlers,
  ...matchCreateHandlers,
  ...projectsHandlers,
  ...projectsFileHandlers,
  ...dualReportHandlers,
  ...searchHandlers,
  ...membersHandlers,
  ...membersFileHandlers,
  ...evaluationHandlers,
  ...evaluationFileHandlers,
  ...dashboardHandlers,
  ...optionsHandlers,
  // Every import takes a verified backup first (数据备份 keeps the newest 导入前 copies); it starts on the
  // backup thread as soon as the preview is shown.
  'units.importPreview': withBackupAhead('pre-import', directoryFileHandlers['units.importPreview']),
  'needs.importPreview': withBackupAhead('pre-import', needsFileHandlers['needs.importPreview']),
  'resources.importPreview': withBackupAhead('pre-import', resourcesFileHandlers['resources.importPreview']),
  'projects.importPreview': withBackupAhead('pre-import', projectsFileHandlers['projects.importPreview']),
  'members.importPreview': withBackupAhead('pre-import', membersFileHandlers['members.importPreview']),
  'service.importPreview': withBackupAhead('pre-import', membersFileHandlers['service.importPreview']),
  'evaluation.importPublicPreview': withBackupAhead(
    'pre-import',
    evaluationFileHandlers['evaluation.importPublicPreview'],
  ),
  'units.importCommit': withBackupFirst('pre-import', directoryFileHandlers['units.importCommit']),
  'needs.importCommit': withBackupFirst('pre-import', needsFileHandlers['needs.importCommit']),
  'resources.importCommit': withBackupFirst('pre-import', resourcesFileHandlers['resources.importCommit']),
  'projects.importCommit': withBackupFirst('pre-import', projectsFileHandlers['projects.importCommit']),
  'members.importCommit': withBackupFirst('pre-import', membersFileHandlers['members.importCommit']),
  'service.importCommit': withBackupFirst('pre-import', membersFileHandlers['service.importCommit']),
  'evaluation.importPublicCommit': withBackupFirst(
    'pre-import',
    evaluationFileHandlers['evaluation.importPublicCommit'],
  ),
};
