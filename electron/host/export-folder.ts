import path from 'node:path';
import type { FilePorts } from '../core/context';
import { uniquePathIn } from '../files/safe-filename';

/** The web host's stand-in for the save dialog: every export lands in one named folder, never over a file. */
export function exportFolderPorts(exportDir: string): FilePorts {
  return { chooseSavePath: async (suggestedName) => uniquePathIn(path.resolve(exportDir), suggestedName) };
}
