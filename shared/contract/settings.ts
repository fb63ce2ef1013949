import { z } from 'zod';
import { defineChannel } from './channel';
import { requiredLine } from './common';
import { LIMITS } from '../domain/units';

export const Settings = z.object({
  streetName: z.string(),
  committeeName: z.string(),
  /** False until the first-run setup has been completed: the app then opens on the setup, not on empty tables. */
  setupDone: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsInput = z.object({
  streetName: requiredLine('街道名称', LIMITS.name),
  committeeName: requiredLine('大工委名称', LIMITS.name),
});
export type SettingsInput = z.input<typeof SettingsInput>;

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  /** 'electron' on a clerk's PC, 'web' when served by the web host (tests, trying the UI in a browser). */
  shell: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const settingsChannels = {
  'settings.get': defineChannel(z.object({}).default({}), Settings),
  'settings.save': defineChannel(SettingsInput, Settings),
  'app.info': defineChannel(z.object({}).default({}), AppInfo),
};
