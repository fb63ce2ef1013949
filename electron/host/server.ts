import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/registry';
import { CSP } from '../shell/csp';

/** Requests larger than this are refused before they are read whole (an upload is ≤ 20 MB as base64). */
const MAX_BODY_BYTES = 30 * 1024 * 1024;
/** How much of an over-large body is read and discarded so the 413 arrives intact; beyond it the socket closes. */
const DRAIN_LIMIT = 4 * MAX_BODY_BYTES;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

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

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(JSON.stringify(body));
}

const fail = (message: string) => ({ ok: false, code: 'INVALID_INPUT', message });
const TOO_LARGE = fail(`提交的内容过大（超过${MAX_BODY_BYTES / 1024 / 1024}MB）`);

/** A path segment's percent-escapes decoded, or null when they are malformed (`/%E0%A4%A`, `/%`). */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

type Body = { ok: true; text: string } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a request body up to MAX_BODY_BYTES. Over the limit, the rest is read and thrown away before the 413 is
 * sent: closing while the client still sends makes it see a connection reset instead of the message. Past
 * DRAIN_LIMIT (a client that never stops) the connection is closed after all. Invalid UTF-8 is refused.
 */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(c);
      else {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) req.socket.destroy();
      }
    });
    req.on('end', () => {
      if (tooLarge) return resolve({ ok: false, status: 413, message: TOO_LARGE.message });
      try {
        resolve({ ok: true, text: UTF8.decode(Buffer.concat(chunks)) });
      } catch {
        resolve({ ok: false, status: 400, message: '请求内容不是有效的 UTF-8 文字' });
      }
    });
    // The client went away mid-body: nobody is left to answer.
    req.on('error', () => resolve({ ok: false, status: 400, message: '请求内容不完整' }));
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

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // DNS rebinding guard: only our own loopback names may address this server.
    if (!allowedHosts.includes(req.headers.host ?? '')) return sendJson(res, 421, fail('拒绝访问'));
    // Only origin-form targets ("/path?query"); an absolute or odd target ("http://[", "*") is refused.
    const target = req.url ?? '/';
    if (!target.startsWith('/') || target.startsWith('//')) return sendJson(res, 400, fail('请求地址无效'));
    const pathname = target.split(/[?#]/, 1)[0]!;

    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('只接受 POST 请求'));
      const origin = req.headers.origin;
      if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) {
        return sendJson(res, 403, fail('拒绝来自其他网页的请求'));
      }
      if (!tokenMatches(req.headers['x-dgw-token'] as string | undefined, token)) {
        return sendJson(res, 403, fail('访问凭据无效，请重新打开页面'));
      }
      const channel = decodePath(pathname.slice('/api/'.length));
      const body = await readBody(req);
      if (channel === null) return sendJson(res, 400, fail('请求地址无效'));
      if (!body.ok) return sendJson(res, body.status, fail(body.message), { Connection: 'close' });
      let input: unknown;
      try {
        input = body.text ? JSON.parse(body.text) : {};
      } catch {
        return sendJson(res, 400, fail('请求内容不是有效的 JSON'));
      }
      return sendJson(res, 200, await opts.dispatch(channel, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, BASE_HEADERS);
      return void res.end();
    }
    const decoded = pathname === '/' ? 'index.html' : decodePath(pathname);
    if (decoded === null || decoded.includes('\0')) return sendJson(res, 400, fail('请求地址无效'));
    const file = path.resolve(rendererDir, decoded.replace(/^\/+/, ''));
    // Never serve anything outside the renderer folder (../ tricks).
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('未找到');
    }
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    if (file === indexFile) {
      const html = fs
        .readFileSync(file, 'utf8')
        .replace('</head>', `<meta name="dgw-token" content="${token}"></head>`);
      res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
      return void res.end(html);
    }
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Cache-Control': 'max-age=3600' });
    // A file that vanishes or cannot be read midway ends this response, not the process.
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[web host]', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '本机服务处理请求时出错' });
      else res.destroy();
    });
  });
  // Requests Node cannot even parse (bad request line, header, chunk size, duplicate Content-Length…): a plain
  // 400 (431 for headers over the size limit) on that connection, never an exception.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket.writable && !(socket as { _httpMessage?: unknown })._httpMessage) {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      const body = '请求格式无效';
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    } else socket.destroy();
  });
  // A request must arrive whole in bounded time (a 30 MB upload over the loopback takes well under a second).
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

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
