import type { z } from 'zod';
import type { UnitInput } from '../../shared/contract/units';
import { nameKey } from '../../shared/domain/text';
import type { UnitRecord } from './repo';

/** The stored form of a unit: the validated fields plus the key its name is compared by. */
export function toUnitRecord(input: Omit<z.output<typeof UnitInput>, 'id'>): UnitRecord {
  const { name, category, partyOrg, secretary, liaison, phone, address, notes, status } = input;
  return { name, nameKey: nameKey(name), category, partyOrg, secretary, liaison, phone, address, notes, status };
}
