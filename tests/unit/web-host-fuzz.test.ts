import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriter, removeBundle, startWriter, type Running } from '../crash/child';
import { tempDir } from '../helpers/core';

/**
 * The web host in its own process, sent malformed and random requests over raw sockets to 127.0.0.1. Whatever
 * arrives, the host answers with an error status (or closes that one connection) and keeps serving the others:
 * an uncaught throw would end the process, which only a separate process shows. Rerun with more requests:
 *   HOST_FUZZ=10000 npx vitest run tests/unit/web-host-fuzz.test.ts
 */
const REQUESTS = Number(process.env.HOST_FUZZ ?? 1000);
const SEED = Number(process.env.HOST_FUZZ_SEED ?? 20260514);

let bundle: string;
let run: Running;
let port: number;
let token: string;

beforeAll(async () => {
  bundle = await bundleWriter('tests/crash/host-child.ts');
  run = startWriter(bundle, [tempDir('dgw-host-fuzz-')]);
  const line = await run.nextLine((l) => l.startsWith('ready '));
  [port, token] = line.split(' ').slice(1) as [unknown, string] as [number, string];
  port = Number(port);
}, 60_000);

afterAll(async () => {
  run?.child.kill('SIGKILL');
  await run?.exited;
  if (bundle) removeBundle(bundle);
});

/** Sends raw bytes, half-closes, and returns what came back (the status line's code, or null if none). */
function raw(bytes: Buffer | string, timeoutMs = 20_000): Promise<{ status: number | null; text: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text });
    };
    // A bound per connection, so a request the host waits on (a body that never comes) cannot stall the test.
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {}); // a reset after an error answer is fine: 'close' follows
    socket.on('close', done);
    socket.on('connect', () => socket.end(bytes));
  });
}

const own = () => `127.0.0.1:${port}`;

/** The host still answers an ordinary page request and an ordinary call. */
async function stillServing() {
  const page = await raw(`GET / HTTP/1.1\r\nHost: ${own()}\r\nConnection: close\r\n\r\n`);
  expect(page.status).toBe(200);
  const body = '{}';
  const call = await raw(
    `POST /api/units.list HTTP/1.1\r\nHost: ${own()}\r\nX-DGW-Token: ${token}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
  expect(call.status).toBe(200);
  expect(call.text).toContain('"ok":true');
  expect(run.child.exitCode).toBeNull();
}

/** mulberry32: a small seeded generator, so a failing run can be repeated with HOST_FUZZ_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}

const METHODS = [
  'GET',
  'POST',
  'HEAD',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'TRACE',
  'CONNECT',
  'G\u00e9T',
  'get',
  '',
  'POST POST',
];
const PATHS = [
  '/',
  '/app.js',
  '/index.html',
  '/%E0%A4%A',
  '/%',
  '/%%',
  '/%zz',
  '/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd',
  '/..%2f..%2fetc%2fpasswd',
  '/%00',
  '/a%00b.js',
  '/api/',
  '/api/%E0%A4%A',
  '/api/units.list',
  '/api/units.save',
  '/api/search.global',
  '/api/backup.status',
  '/api/__proto__',
  '/api/constructor',
  '/api/units.list%00',
  '//evil.example/x',
  'http://evil.example/',
  'http://[',
  '*',
  '/\u4e2d\u6587',
  '/' + 'a'.repeat(9000),
];
const HEADER_NAMES = [
  'Host',
  'Content-Length',
  'Transfer-Encoding',
  'Content-Type',
  'Origin',
  'X-DGW-Token',
  'Cookie',
  'Expect',
  'Connection',
  'X-\u4e2d',
  'Bad Name',
  '',
];

/** One random request: sometimes well formed around a bad part, sometimes garbage throughout. */
function fuzzRequest(r: ReturnType<typeof rng>): Buffer {
  const kind = r.int(10);
  if (kind === 0) return r.bytes(1 + r.int(4000)); // noise
  const method = r.pick(METHODS);
  let target = r.pick(PATHS);
  if (r.next() < 0.15)
    target += `%${r
      .bytes(1)
      .toString('hex')
      .slice(0, 1 + r.int(2))}`;
  if (r.next() < 0.1) target = `/${r.bytes(1 + r.int(40)).toString('latin1')}`;
  const version = r.next() < 0.9 ? 'HTTP/1.1' : r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'HTTX', '']);
  const lines = [`${method} ${target} ${version}`];
  if (r.next() < 0.9)
    lines.push(`Host: ${r.next() < 0.9 ? own() : r.pick(['evil.example', '', 'localhost:1', own() + own()])}`);
  if (r.next() < 0.5) lines.push(`X-DGW-Token: ${r.next() < 0.8 ? token : r.bytes(8).toString('latin1')}`);
  let body: Buffer = Buffer.alloc(0);
  const bodyKind = r.int(8);
  if (bodyKind === 1)
    body = Buffer.from(JSON.stringify({ page: r.int(5), pageSize: r.int(200) - 50, search: '\ud800' }));
  else if (bodyKind === 2) body = Buffer.from('{"a":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}');
  else if (bodyKind === 3)
    body = r.bytes(r.int(3000)); // invalid UTF-8, not JSON
  else if (bodyKind === 4) body = Buffer.from('{"name":"' + '\\u0000\\ud800\\u202e'.repeat(r.int(50)) + '"}');
  else if (bodyKind === 5) body = Buffer.from('[' + '1,'.repeat(r.int(10_000)) + '1]');
  else if (bodyKind === 6) body = Buffer.from('null');
  const lengthKind = r.next() < 0.6 ? 0 : r.int(6);
  if (lengthKind === 0) lines.push(`Content-Length: ${body.length}`);
  else if (lengthKind === 1)
    lines.push(`Content-Length: ${r.pick(['-1', 'abc', '99999999999999999999', String(body.length + 100), '1, 2'])}`);
  else if (lengthKind === 2) lines.push(`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`);
  else if (lengthKind === 3) lines.push(`Transfer-Encoding: ${r.pick(['chunked', 'gzip', 'chunked, chunked', 'x'])}`);
  // Most requests are well formed at the HTTP level so their paths and bodies reach the host's own code.
  if (r.next() < 0.3) {
    for (let i = 1 + r.int(3); i > 0; i--) {
      const name = r.pick(HEADER_NAMES);
      const v = r.next();
      const value =
        v < 0.1 ? 'x'.repeat(r.int(40_000)) : v < 0.4 ? r.bytes(r.int(30)).toString('latin1') : 'application/json';
      lines.push(`${name}: ${value}`);
    }
  }
  if (r.next() < 0.1) lines.push('no colon here');
  const head = lines.join(r.next() < 0.95 ? '\r\n' : '\n') + '\r\n\r\n';
  const chunked = lengthKind === 3 && r.next() < 0.5;
  const payload = chunked
    ? Buffer.concat([
        Buffer.from(`${r.pick([body.length.toString(16), 'zz', '-1', 'ffffffffffff'])}\r\n`),
        body,
        Buffer.from('\r\n0\r\n\r\n'),
      ])
    : body;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

describe('the web host under malformed and random requests', () => {
  it('answers a malformed percent-escape in the path with 400 and goes on serving', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/api/%E0%A4%A', '/%E0%A4%A/app.js']) {
      const method = target.startsWith('/api/') ? 'POST' : 'GET';
      const res = await raw(
        `${method} ${target} HTTP/1.1\r\nHost: ${own()}\r\nX-DGW-Token: ${token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      );
      expect(res.status, target).toBe(400);
      expect(res.text).toContain('请求地址无效');
    }
    await stillServing();
  });

  it('answers a malformed request line or header with 400 (not a dropped process)', async () => {
    for (const bad of [
      `GET / HTTP/1.1\r\nHost: ${own()}\r\nBad Header\r\n\r\n`,
      `GET http://[ HTTP/1.1\r\nHost: ${own()}\r\n\r\n`,
      'GARBAGE\r\n\r\n',
      `POST /api/units.list HTTP/1.1\r\nHost: ${own()}\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}`,
    ]) {
      const res = await raw(bad);
      expect(res.status === null || (res.status >= 400 && res.status < 500), bad).toBe(true);
    }
    await stillServing();
  });

  it(`survives ${REQUESTS} random request lines, headers and bodies (seed ${SEED}) and still answers`, async () => {
    const r = rng(SEED);
    const statuses = new Map<string, number>();
    const queue = Array.from({ length: REQUESTS }, () => fuzzRequest(r));
    const worker = async () => {
      for (let req = queue.shift(); req; req = queue.shift()) {
        const res = await raw(req);
        const key = String(res.status ?? 'closed');
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        // A server error means something threw that the host did not expect.
        expect(res.status === null || res.status < 500, `HTTP ${res.status}`).toBe(true);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log('host fuzz answers:', Object.fromEntries([...statuses].sort()));
    await stillServing();
  }, 600_000);
});
