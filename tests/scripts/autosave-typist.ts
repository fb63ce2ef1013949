/**
 * The child of the autosave crash test: opens the app core on the given database and "types" into the
 * discussion of one agenda item through meetings.saveDraft, one character per tick, printing "ack N" after
 * each save the core acknowledged. The parent kills it with SIGKILL mid-stream.
 */
import { createAppCore } from '../../electron/app-core';

const [dbPath, agendaItemId] = [process.argv[2]!, Number(process.argv[3])];
const TEXT = '会议听取了东门社区关于老旧小区加装电梯工作的汇报，与会单位围绕资金筹措、施工安排和居民协商进行了讨论。';

const core = await createAppCore({
  dbPath,
  shell: 'web',
  appVersion: 'crash-test',
  files: { chooseSavePath: async () => null },
});
for (let n = 1; ; n++) {
  const text = TEXT.repeat(Math.ceil(n / TEXT.length) + 1).slice(0, n);
  const res = await core.dispatch('meetings.saveDraft', { agendaItemId, discussion: text });
  if (!res.ok) {
    process.stderr.write(`${res.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`ack ${n}\n`);
}
