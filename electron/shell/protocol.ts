import type { CustomScheme } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CSP, CSP_HEADER } from './csp';

/**
 * The renderer is served from `app://dgw/…`, a custom protocol over the bundled files in dist/renderer, never
 * from a remote URL and not from file:// (which would give the page file-system-wide origin rights). Being a
 * "standard, secure" scheme gives the page a real origin, so CSP 'self', ES modules and history routing work.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dgw';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must be registered before the app is ready (Chromium fixes the scheme list at start-up). */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** True only for pages of our own app; everything else (http, file, data, javascript:, other hosts) is foreign. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const securityHeaders = (contentType: string) => ({
  'Content-Type': contentType,
  [CSP_HEADER]: CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

/**
 * The handler for protocol.handle('app', …): reads files below `rootDir` only (no `..` escape, no other host),
 * adds the CSP header to every answer, and serves index.html for extension-less paths so a reload on a
 * client-side route (app://dgw/units) still opens the app.
 */
export function createAppProtocolHandler(rootDir: string) {
  const root = path.resolve(rootDir);
  return async function handle(request: Request): Promise<Response> {
    const notFound = () => new Response('Not found', { status: 404, headers: securityHeaders('text/plain') });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders('text/plain') });
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (rel.includes('\0')) return notFound();
    if (rel === '/' || path.posix.extname(rel) === '') rel = '/index.html';
    const file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    try {
      const body = await fs.readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: securityHeaders(type) });
    } catch {
      return notFound();
    }
  };
}
