import { authHandlers } from '../auth/handlers';
import { oplogHandlers } from '../oplog/handlers';
import { recycleHandlers } from '../recycle/service';
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
};
