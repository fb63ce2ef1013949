import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/app-core';
import { tempDir, testCore } from '../helpers/core';

describe('backup.chooseFolder', () => {
  it('in the web host (no folder picker) says to type the path', async () => {
    const core = await testCore();
    expect(await core.call('backup.chooseFolder', {})).toEqual({
      chosen: false,
      reason: '网页方式下请直接填写文件夹路径',
    });
  });

  it('with a picker: the chosen folder, or nothing said when the clerk cancels; the folder itself is not changed', async () => {
    const dir = tempDir();
    const answers: (string | null)[] = [path.join(dir, 'U盘备份'), null];
    const titles: string[] = [];
    const core = await createAppCore({
      dbPath: path.join(dir, 'data.sqlite'),
      shell: 'electron',
      appVersion: 'test',
      validateOutput: true,
      files: {
        chooseSavePath: async () => null,
        chooseFolder: async (title) => {
          titles.push(title);
          return answers.shift() ?? null;
        },
      },
    });
    try {
      const before = await core.dispatch('backup.status', {});
      expect(await core.dispatch('backup.chooseFolder', {})).toEqual({
        ok: true,
        value: { chosen: true, folder: path.join(dir, 'U盘备份') },
      });
      expect(await core.dispatch('backup.chooseFolder', {})).toEqual({
        ok: true,
        value: { chosen: false, reason: null },
      });
      expect(titles).toEqual(['选择备份文件夹', '选择备份文件夹']);
      expect(await core.dispatch('backup.status', {})).toEqual(before);
    } finally {
      core.close();
    }
  });
});
