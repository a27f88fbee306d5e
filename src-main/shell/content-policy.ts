/**
 * The headers every app:// response carries, error pages included. The policy allows our own scripts,
 * styles, images and fonts and nothing else: no inline script, no eval, no network (connect-src 'none'),
 * no frames, no plugins, no forms, no <base> rewriting. The renderer gets all live data over IPC.
 */

/** Each directive of the Content-Security-Policy, in the order it is sent. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = Object.freeze([
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
] as const);

/** The Content-Security-Policy header value. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([directive, sources]) => `${directive} ${sources}`).join('; ');

/**
 * Security headers for one response. `nosniff` makes Chromium trust our Content-Type instead of guessing
 * (a .txt that looks like script stays text). Caching is off: the files are local and an admin tool
 * should never show a stale build after an update.
 */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
