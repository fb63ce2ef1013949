import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptPackage, encryptPackage } from '../../electron/backup/package-crypto';
import { backupCore, seed, sha256, type BackupTestCore } from '../helpers/backup';

const BAD = '密码不正确或文件已损坏';

async function exported(password = '东湖街道2026') {
  const office = await backupCore();
  await seed(office, 4, '办公室单位');
  const saved = await office.call('backup.exportPackage', { password });
  if (!saved.saved) throw new Error('not saved');
  return { office, file: saved.path, bytes: fs.readFileSync(saved.path) };
}

/** One exported package shared by the tests that only read it (scrypt is deliberately slow). */
let shared: Promise<Buffer> | null = null;
const packageBytes = () => (shared ??= exported().then((e) => e.bytes));

function upload(bytes: Buffer, password: string, fileName = '大工委备份.dgwbak') {
  return { fileName, dataBase64: bytes.toString('base64'), password };
}

/** The state of the receiving PC, to show a failed import changed nothing. */
function snapshot(core: BackupTestCore) {
  return {
    units: core.db.prepare('SELECT name FROM units ORDER BY id').all(),
    backups: fs.readdirSync(core.backup.folder()).sort(),
    staging: fs.existsSync(core.backup.stagingDir) ? fs.readdirSync(core.backup.stagingDir) : [],
  };
}

async function receivingPc() {
  const home = await backupCore();
  await seed(home, 1, '家里单位');
  await home.call('backup.create', {});
  return home;
}

describe('encrypted backup package', () => {
  it('carries the data to another PC: export, preview, import, undo', async () => {
    const { bytes, file } = await exported();
    expect(path.extname(file)).toBe('.dgwbak');
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('DGWBAK\r\n');
    expect(bytes[9]).toBeGreaterThanOrEqual(15); // scrypt log2(N)
    // Nothing readable inside: no SQLite header, no names.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('办公室单位'))).toBe(false);

    const home = await receivingPc();
    const preview = await home.call('backup.previewPackage', upload(bytes, '东湖街道2026'));
    expect(preview).toMatchObject({
      source: '备份包 大工委备份.dgwbak',
      canRestore: true,
      committeeName: '东湖街道大工委',
    });
    expect(preview.previewId).toBeTruthy();
    expect(preview.counts.find((c) => c.table === 'units')?.count).toBe(4);
    expect(preview.currentCounts.find((c) => c.table === 'units')?.count).toBe(1);

    const result = await home.call('backup.importPackage', { previewId: preview.previewId! });
    expect(result.revertPoint.kind).toBe('revert-point');
    expect((await home.call('units.list', {})).rows.map((u) => u.name)).toEqual(
      expect.arrayContaining(['办公室单位1', '办公室单位4']),
    );
    expect(fs.existsSync(home.backup.stagingDir) ? fs.readdirSync(home.backup.stagingDir) : []).toEqual([]);
    // The previewId is used up.
    expect((await home.raw('backup.importPackage', { previewId: preview.previewId })).ok).toBe(false);

    await home.call('backup.undoRestore', {});
    expect((await home.call('units.list', {})).rows.map((u) => u.name)).toEqual(['家里单位1']);
  });

  it('refuses a wrong password and changes nothing', async () => {
    const bytes = await packageBytes();
    const home = await receivingPc();
    const before = snapshot(home);
    const res = await home.raw('backup.previewPackage', upload(bytes, '东湖街道2025'));
    expect(res).toMatchObject({ ok: false, code: 'FILE_ERROR' });
    if (!res.ok) expect(res.message).toContain(BAD);
    expect(snapshot(home)).toEqual(before);
  });

  it.each([
    [
      'a flipped byte in the middle',
      (b: Buffer) => {
        const c = Buffer.from(b);
        c[Math.floor(c.length / 2)]! ^= 0x01;
        return c;
      },
    ],
    [
      'a flipped byte in the salt',
      (b: Buffer) => {
        const c = Buffer.from(b);
        c[20]! ^= 0x80;
        return c;
      },
    ],
    [
      'a flipped byte in the auth tag',
      (b: Buffer) => {
        const c = Buffer.from(b);
        c[45]! ^= 0x01;
        return c;
      },
    ],
    [
      'a flipped scrypt parameter',
      (b: Buffer) => {
        const c = Buffer.from(b);
        c[9] = 17;
        return c;
      },
    ],
    ['the last byte cut off', (b: Buffer) => b.subarray(0, b.length - 1)],
    ['half of it cut off', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['only the header left', (b: Buffer) => b.subarray(0, 50)],
    ['a byte appended', (b: Buffer) => Buffer.concat([b, Buffer.from([0])])],
  ])('refuses a package with %s: "密码不正确或文件已损坏", nothing changed', async (_what, damage) => {
    const bytes = await packageBytes();
    const home = await receivingPc();
    const before = snapshot(home);
    const res = await home.raw('backup.previewPackage', upload(damage(bytes), '东湖街道2026'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toContain(BAD);
    expect(snapshot(home)).toEqual(before);
  });

  it('says plainly when the file is not a package at all', async () => {
    const home = await receivingPc();
    const res = await home.raw(
      'backup.previewPackage',
      upload(Buffer.from('PK\u0003\u0004 这是一个压缩包'.repeat(20)), 'x'),
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toContain('不是大工委工作台的备份包');
  });

  it('uses a fresh salt and iv each time, so the same data never encrypts the same', async () => {
    const meta = { createdAt: '2026-01-01T00:00:00Z', appVersion: 't', schemaVersion: 3, counts: {} };
    const a = await encryptPackage(meta, Buffer.from('同样的数据'), 'pw');
    const b = await encryptPackage(meta, Buffer.from('同样的数据'), 'pw');
    expect(a.subarray(12, 40).equals(b.subarray(12, 40))).toBe(false);
    expect((await decryptPackage(a, 'pw')).sqlite.toString()).toBe('同样的数据');
  });

  it('asks for a password of at least 8 characters, and returns saved:false when the save dialog is cancelled', async () => {
    const core = await backupCore({ files: { chooseSavePath: async () => null } });
    const short = await core.raw('backup.exportPackage', { password: '1234567' });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toContain('至少8个字符');
    expect(await core.call('backup.exportPackage', { password: '12345678' })).toEqual({ saved: false });
  });

  it('does not leave a plaintext copy behind after exporting', async () => {
    const { office, file } = await exported();
    expect(fs.existsSync(office.backup.stagingDir) ? fs.readdirSync(office.backup.stagingDir) : []).toEqual([]);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(sha256(file)).toMatch(/^[0-9a-f]{64}$/);
  });
});
