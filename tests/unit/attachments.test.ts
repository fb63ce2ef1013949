import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentsOf } from '../../electron/attachments/repo';
import { attachmentsDir, storeAttachment } from '../../electron/attachments/store';
import { testCore } from '../helpers/core';

const upload = (fileName: string, text: string) => ({ fileName, dataBase64: Buffer.from(text).toString('base64') });

describe('attachments kept in the data folder', () => {
  it('stores a file once by content, lists it for its owner and saves a copy out unchanged', async () => {
    const core = await testCore();
    const ids = core.db.transaction(() => [
      storeAttachment(core.db, core.dbPath, 'test-owner', 7, upload('反馈材料.txt', '已完成路灯维修')),
      storeAttachment(core.db, core.dbPath, 'test-owner', 8, upload('同一文件.txt', '已完成路灯维修')),
    ])();
    expect(attachmentsOf(core.db, 'test-owner', 7)).toEqual([
      expect.objectContaining({ id: ids[0], fileName: '反馈材料.txt', size: 21 }),
    ]);
    const stored = fs
      .readdirSync(attachmentsDir(core.dbPath), { recursive: true })
      .filter((f) => String(f).length > 10);
    expect(stored).toHaveLength(1);

    const saved = await core.call('attachments.saveCopy', { id: ids[0]! });
    if (!saved.saved) throw new Error('未保存');
    expect(saved.fileName).toBe('反馈材料.txt');
    expect(fs.readFileSync(saved.path, 'utf8')).toBe('已完成路灯维修');
  });

  it('reports a damaged stored file instead of handing it on', async () => {
    const core = await testCore();
    const id = core.db.transaction(() =>
      storeAttachment(core.db, core.dbPath, 'test-owner', 1, upload('a.txt', 'original')),
    )();
    const dir = attachmentsDir(core.dbPath);
    const file = fs
      .readdirSync(dir, { recursive: true })
      .map((f) => path.join(dir, String(f)))
      .find((f) => fs.statSync(f).isFile())!;
    fs.writeFileSync(file, 'tampered');
    const res = await core.raw('attachments.saveCopy', { id });
    expect(res).toMatchObject({ ok: false, code: 'FILE_ERROR' });
    if (!res.ok) expect(res.message).toContain('已损坏');
  });

  it('refuses to store outside a transaction, so a row and its owner always commit together', async () => {
    const core = await testCore();
    expect(() => storeAttachment(core.db, core.dbPath, 'x', 1, upload('a.txt', 'x'))).toThrow(/transaction/);
  });
});
