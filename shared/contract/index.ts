import type { z } from 'zod';
import { attachmentsChannels } from './attachments';
import { authChannels } from './auth';
import { backupChannels } from './backup';
import { dashboardChannels } from './dashboard';
import { evaluationChannels } from './evaluation';
import { ledgerChannels } from './ledger';
import { listsChannels } from './lists';
import { meetingsChannels } from './meetings';
import { membersChannels } from './members';
import { oplogChannels } from './oplog';
import { optionsChannels } from './options';
import { searchChannels } from './search';
import { settingsChannels } from './settings';
import { unitsChannels } from './units';

/**
 * The one list of channels. A channel is named `area.verb`; the main side must implement each one
 * (the handler registry's type enforces it) and the preload exposes exactly these names.
 */
export const contract = {
  ...settingsChannels,
  ...unitsChannels,
  ...oplogChannels,
  ...authChannels,
  ...attachmentsChannels,
  ...backupChannels,
  ...listsChannels,
  ...ledgerChannels,
  ...meetingsChannels,
  ...searchChannels,
  ...membersChannels,
  ...evaluationChannels,
  ...dashboardChannels,
  ...optionsChannels,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** What a caller may pass (defaults still optional). */
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives after validation (defaults applied, text cleaned). */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type Output<C extends ChannelName> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export * from './envelope';
