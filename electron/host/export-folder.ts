import path from 'node:path';
import type { FilePorts } from '../core/context';

/**
 * The web host's stand-in for the save dialog: every export lands in one named folder. The suggested name
 * has been sanitised (no separators), so it cannot leave the folder; saveBuffer never overwrites a file.
 */
export function exportFolderPorts(exportDir: string): FilePorts {
  const root = path.resolve(exportDir);
  return { chooseSavePath: async (suggestedName) => path.join(root, path.basename(suggestedName)) };
}
