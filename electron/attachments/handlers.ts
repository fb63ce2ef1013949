import path from 'node:path';
import { notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { saveBuffer } from '../files/save-export';
import { getAttachmentRow } from './repo';
import { readAttachment } from './store';

export const attachmentsHandlers: Pick<Handlers, 'attachments.saveCopy'> = {
  'attachments.saveCopy': async ({ id }, ctx) => {
    const row = getAttachmentRow(ctx.db, id);
    if (!row) throw notFound('该附件');
    const data = readAttachment(ctx.dbPath, row.sha256, row.file_name);
    const ext = path.extname(row.file_name).replace('.', '') || '*';
    return saveBuffer(ctx, row.file_name, data, [{ name: '附件', extensions: [ext] }]);
  },
};
