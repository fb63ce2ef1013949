/**
 * The Content-Security-Policy for every page of the app. Electron adds it as a response header in the app://
 * protocol handler; the web host (electron/host) imports the same string so both doors behave alike.
 * Styles need 'unsafe-inline' because MUI/emotion inject <style> tags at run time; scripts must never have it
 * (nor 'unsafe-eval'): the renderer only runs the bundled files it was built with. Nothing may frame the app
 * (frame-ancestors only works from a header, which is how both doors send it).
 */
export const CSP = [
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

/** The earlier name of the same policy (kept so either import keeps working). */
export const CONTENT_SECURITY_POLICY = CSP;

export const CSP_HEADER = 'Content-Security-Policy';

/** The directive's sources, e.g. cspDirective(CSP, 'script-src') → ["'self'"]; used by tests and the host. */
export function cspDirective(policy: string, name: string): string[] | undefined {
  for (const part of policy.split(';')) {
    const [key, ...values] = part.trim().split(/\s+/);
    if (key === name) return values;
  }
  return undefined;
}
