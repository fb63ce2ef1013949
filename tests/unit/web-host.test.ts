import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { testCore, tempDir } from '../helpers/core';

let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const core = await testCore();
  const rendererDir = tempDir('dgw-renderer-');
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<html><head><title>大工委工作台</title></head><body></body></html>',
  );
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  host = await startHost({ dispatch: core.dispatch, rendererDir, port: 0 });
  return { core, host, rendererDir };
}

/** A raw request, so Host/Origin headers can be forged the way a hostile page or DNS rebinding would. */
function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** Sends `size` bytes of body in 1 MB pieces, as a browser uploads (with Content-Length, or chunked without). */
function upload(port: number, token: string, size: number, chunked: boolean) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, 'X-DGW-Token': token };
    if (!chunked) headers['Content-Length'] = String(size);
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/units.list', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(piece.length, size - sent);
        sent += n;
        if (!req.write(n === piece.length ? piece : piece.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the web host', () => {
  it('listens on 127.0.0.1 only and serves index.html with the run token and the CSP', async () => {
    const { host } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await request(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="dgw-token" content="${host.token}">`);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('answers a channel with the envelope when the token is right', async () => {
    const { host } = await start();
    const res = await request(host.port, {
      method: 'POST',
      path: '/api/units.save',
      headers: { Host: `127.0.0.1:${host.port}`, 'X-DGW-Token': host.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '区司法所', category: '机关' }),
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: '区司法所' } });
  });

  it('refuses calls without the token, from another origin, or under a foreign Host name', async () => {
    const { host } = await start();
    const base = { method: 'POST', path: '/api/units.list', body: '{}' };
    const own = `127.0.0.1:${host.port}`;
    expect((await request(host.port, { ...base, headers: { Host: own } })).status).toBe(403);
    expect((await request(host.port, { ...base, headers: { Host: own, 'X-DGW-Token': 'guess' } })).status).toBe(403);
    expect(
      (
        await request(host.port, {
          ...base,
          headers: { Host: own, 'X-DGW-Token': host.token, Origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await request(host.port, { ...base, headers: { Host: `evil.example:${host.port}`, 'X-DGW-Token': host.token } }))
        .status,
    ).toBe(421);
  });

  it('never serves files outside the renderer folder', async () => {
    const { host } = await start();
    const own = { Host: `127.0.0.1:${host.port}` };
    expect((await request(host.port, { path: '/app.js', headers: own })).status).toBe(200);
    expect((await request(host.port, { path: '/../secret.txt', headers: own })).status).toBe(404);
    expect((await request(host.port, { path: '/%2e%2e/secret.txt', headers: own })).status).toBe(404);
  });

  it.each([
    ['with Content-Length', false],
    ['chunked', true],
  ])('answers a body over the limit (%s) with the Chinese 413 message, not a connection reset', async (_w, chunked) => {
    const { host } = await start();
    const res = await upload(host.port, host.token, 31 * 1024 * 1024, chunked);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '提交的内容过大（超过30MB）' });
    const after = await request(host.port, {
      method: 'POST',
      path: '/api/units.list',
      headers: { Host: `127.0.0.1:${host.port}`, 'X-DGW-Token': host.token },
      body: '{}',
    });
    expect(JSON.parse(after.body)).toMatchObject({ ok: true });
  });

  it('says in Chinese when a request body is not UTF-8', async () => {
    const { host } = await start();
    const res = await request(host.port, {
      method: 'POST',
      path: '/api/units.list',
      headers: { Host: `127.0.0.1:${host.port}`, 'X-DGW-Token': host.token },
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) as unknown as string,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toContain('不是有效的 UTF-8');
  });

  it('says in Chinese when a request body is not JSON', async () => {
    const { host } = await start();
    const res = await request(host.port, {
      method: 'POST',
      path: '/api/units.list',
      headers: { Host: `127.0.0.1:${host.port}`, 'X-DGW-Token': host.token },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toContain('不是有效的 JSON');
  });
});
