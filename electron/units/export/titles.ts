import type { Database } from 'better-sqlite3';
import { todayIso } from '../../../shared/domain/dates';
import { getSettings } from '../../settings/service';

/** Titles and file names of the directory's exports, built from the street's name in the settings. */

const street = (db: Database) => getSettings(db).streetName.trim();

export const directoryTitle = (db: Database) => `${street(db)}共建单位名录`;

export const allocationTitle = (db: Database, year = todayIso().slice(0, 4)) =>
  `${street(db)}区域化党建融合共建部门单位分配表（${year}年）`;

/** 20261121: a date stamp that sorts in Explorer. */
export const dateStamp = () => todayIso().replace(/-/g, '');
