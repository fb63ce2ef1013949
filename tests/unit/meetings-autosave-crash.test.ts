import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { testCore } from '../helpers/core';

const TYPIST = path.join(import.meta.dirname, '..', 'scripts', 'autosave-typist.ts');
const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

test('autosave survives SIGKILL: every acknowledged save is on disk after reopening', async () => {
  // Prepare the meeting, then close the core so the child owns the database alone.
  const core = await testCore();
  const m = await core.call('meetings.create', { kind: '大工委联席会议', heldOn: '2025-07-28' });
  const agendaId = (await core.call('meetings.saveAgendaItem', { meetingId: m.id, title: '老旧小区加装电梯' }))
    .agenda[0]!.id;
  const dbPath = core.dbPath;
  core.close();

  const child = spawn(TSX, [TYPIST, dbPath, String(agendaId)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let lastAck = 0;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) lastAck = Number(l.slice(4));
      // Kill it mid-stream, while it is writing as fast as it can.
      if (lastAck >= 150 && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => (lastAck >= 150 ? resolve() : reject(new Error(`typist exited early: ${stderr}`))));
  });
  expect(await killed).toBe('SIGKILL');

  const reopened = await testCore(dbPath);
  const saved = (await reopened.call('meetings.get', { id: m.id })).agenda[0]!.discussion;
  // Everything acknowledged is there (later saves, acknowledged in output not yet read, may be there too).
  expect([...saved].length).toBeGreaterThanOrEqual(lastAck);
  expect(saved.startsWith('会议听取了东门社区')).toBe(true);
}, 60_000);
