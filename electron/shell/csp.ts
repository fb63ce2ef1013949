/**
 * The one Content-Security-Policy of the app, sent by the Electron shell and by the web host alike.
 * Scripts only from the app's own files (no inline, no eval); styles may be inline because MUI/emotion
 * injects <style> tags; nothing may be framed, posted or fetched from anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
