import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/registry';
import { CSP } from '../shell/csp';

/** Requests larger than this are refused before they are read whole (an upload is ≤ 20 MB as base64). */
const MAX_BODY_BYTES = 30 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (vite build output). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Per-run secret; the renderer reads it from the served index.html. Generated when omitted. */
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Constant-time token check, so the secret cannot be guessed byte by byte from response times. */
function tokenMatches(given: string | undefined, token: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Serves the built renderer and the handler registry over HTTP on 127.0.0.1 only: the same core the
 * Electron shell uses, so the real UI runs in any browser (Playwright, or a clerk's colleague trying it).
 * One route per channel: POST /api/<channel> with JSON in and the result envelope out.
 */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(opts.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`找不到界面文件 ${indexFile}，请先运行 npm run build:renderer`);
  }
  let allowedHosts: string[] = [];

  const server = http.createServer(async (req, res) => {
    // DNS rebinding guard: only our own loopback names may address this server.
    if (!allowedHosts.includes(req.headers.host ?? ''))
      return sendJson(res, 421, { ok: false, code: 'INVALID_INPUT', message: '拒绝访问' });
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, code: 'INVALID_INPUT', message: '只接受 POST 请求' });
      const origin = req.headers.origin;
      if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) {
        return sendJson(res, 403, { ok: false, code: 'INVALID_INPUT', message: '拒绝来自其他网页的请求' });
      }
      if (!tokenMatches(req.headers['x-dgw-token'] as string | undefined, token)) {
        return sendJson(res, 403, { ok: false, code: 'INVALID_INPUT', message: '访问凭据无效，请重新打开页面' });
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? JSON.parse(body) : {};
      } catch (e) {
        const tooLarge = (e as Error).message === 'too-large';
        return sendJson(res, tooLarge ? 413 : 400, {
          ok: false,
          code: 'INVALID_INPUT',
          message: tooLarge ? '提交的内容过大（超过30MB）' : '请求内容不是有效的 JSON',
        });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      return sendJson(res, 200, await opts.dispatch(channel, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, BASE_HEADERS);
      return res.end();
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    // Never serve anything outside the renderer folder (../ tricks).
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('未找到');
    }
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    if (file === indexFile) {
      const html = fs
        .readFileSync(file, 'utf8')
        .replace('</head>', `<meta name="dgw-token" content="${token}"></head>`);
      res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
      return res.end(html);
    }
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Cache-Control': 'max-age=3600' });
    fs.createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
