import { lazy } from 'react';

// Each screen is its own chunk: the data grid and the date pickers load with the screens that use them.
const loaders = {
  units: () => import('../units/UnitListPage'),
  communities: () => import('../communities/CommunityListPage'),
  allocation: () => import('../allocation/AllocationPage'),
  settings: () => import('../settings/SettingsPage'),
};

export const UnitListPage = lazy(loaders.units);
export const CommunityListPage = lazy(loaders.communities);
export const AllocationPage = lazy(loaders.allocation);
export const SettingsPage = lazy(loaders.settings);

/** Loads every screen's chunk in the background after the first paint, so switching screens never waits. */
export function preloadScreens(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}
