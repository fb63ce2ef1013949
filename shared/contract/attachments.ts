import { z } from 'zod';
import { defineChannel } from './channel';
import { Id, IdInput, SavedFile } from './common';

export const Attachment = z.object({ id: Id, fileName: z.string(), size: z.number().int(), createdAt: z.string() });
export type Attachment = z.infer<typeof Attachment>;

/** Attachments are uploaded with the record they belong to (its own channel); here they are saved back out. */
export const attachmentsChannels = {
  'attachments.saveCopy': defineChannel(IdInput, SavedFile),
};
