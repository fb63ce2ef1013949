/**
 * Runs a broad workload through the app core and reports every network attempt it saw.
 * Started by tests/unit/no-network.test.ts inside a network namespace with no network (unshare -rn),
 * so even an attempt the hooks below missed would fail rather than leave the machine.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const attempts: string[] = [];
const note = (what: string) => attempts.push(what);

const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  note(`net.connect ${JSON.stringify(args[0])}`);
  return (origConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6'] as const) {
  const orig = dns[fn] as (...a: unknown[]) => unknown;
  (dns as unknown as Record<string, unknown>)[fn] = (...args: unknown[]) => {
    note(`dns.${fn} ${String(args[0])}`);
    return orig(...args);
  };
}
for (const [name, mod] of [
  ['http', http],
  ['https', https],
] as const) {
  const orig = mod.request;
  (mod as unknown as Record<string, unknown>).request = (...args: unknown[]) => {
    note(`${name}.request`);
    return (orig as (...a: unknown[]) => unknown)(...args);
  };
}
const origSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
  note('dgram.send');
  return (origSend as (...a: unknown[]) => void).apply(this, args);
} as typeof dgram.Socket.prototype.send;
const origFetch = globalThis.fetch;
globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
  note(`fetch ${String(args[0])}`);
  return origFetch(...args);
}) as typeof fetch;

const { createAppCore } = await import('../../electron/app-core');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgw-netprobe-'));
const exportDir = path.join(dir, 'exports');
fs.mkdirSync(exportDir);
const core = await createAppCore({
  dbPath: path.join(dir, 'data.sqlite'),
  shell: 'web',
  appVersion: 'probe',
  files: { chooseSavePath: async (name) => path.join(exportDir, name) },
});

const sample = process.argv[2];
const calls: [string, unknown][] = [
  ['settings.save', { streetName: '东湖街道', committeeName: '东湖街道大工委' }],
  ['communities.save', { name: '东风社区', grids: ['一网格'] }],
  ['units.save', { name: '区司法所', category: '机关', phone: '13567626768' }],
  ['units.list', { search: '司法' }],
  ['pairings.allocation', {}],
  ['units.exportDirectory', {}],
  ['pairings.exportAllocation', {}],
  ['units.importTemplate', {}],
  ['oplog.export', {}],
  ['auth.status', {}],
];
if (sample)
  calls.splice(3, 0, [
    'units.importPreview',
    { fileName: path.basename(sample), dataBase64: fs.readFileSync(sample).toString('base64') },
  ]);

const results: Record<string, boolean | string> = {};
for (const [channel, input] of calls) {
  const res = await core.dispatch(channel, input);
  results[channel] = res.ok || res.message;
  if (channel === 'units.importPreview' && res.ok) {
    const commit = await core.dispatch('units.importCommit', {
      previewId: (res.value as { previewId: string }).previewId,
    });
    results['units.importCommit'] = commit.ok || commit.message;
  }
}
core.close();

const interfaces = Object.keys(os.networkInterfaces());
process.stdout.write(JSON.stringify({ attempts, results, interfaces, exported: fs.readdirSync(exportDir) }));
