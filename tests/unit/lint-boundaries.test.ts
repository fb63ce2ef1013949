/** The import boundaries in eslint.config.js, probed with the real ESLint config (no files are written). */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries', () => {
  it('keeps the renderer off main-side code', async () => {
    for (const source of ['electron', '../electron/app-core', 'node:fs', 'fs', 'path', 'better-sqlite3']) {
      expect(await restricted('renderer/probe.ts', `import x from '${source}'; export default x;`), source).toBe(true);
    }
    expect(
      await restricted(
        'renderer/a/probe.tsx',
        `import type { AppCore } from '../../electron/app-core'; export type X = AppCore;`,
      ),
    ).toBe(true);
    expect(
      await restricted(
        'renderer/probe.ts',
        `import { channelNames } from '../shared/contract'; import { useState } from 'react'; export default [channelNames, useState];`,
      ),
    ).toBe(false);
  });

  it('keeps shared/ free of either side, Node, React and MUI', async () => {
    for (const source of [
      'electron',
      '../electron/app-core',
      '../renderer/api/client',
      'node:path',
      'os',
      'react',
      'react-dom/client',
      '@mui/material/Button',
    ]) {
      expect(await restricted('shared/probe.ts', `import x from '${source}'; export default x;`), source).toBe(true);
    }
    expect(
      await restricted(
        'shared/probe.ts',
        `import { z } from 'zod'; import { LIMITS } from './domain/units'; export default [z, LIMITS];`,
      ),
    ).toBe(false);
  });
});
