/**
 * The one origin our UI lives at. The renderer is served from `app://console/` (see app-protocol.ts),
 * never from file:// (whose origin is opaque and which Chromium grants extra powers) or from a server.
 */

/** The custom scheme the UI is served from; registered as privileged before the app is ready. */
export const APP_SCHEME = 'app';

/** The only host under APP_SCHEME; any other host is refused. */
export const APP_HOST = 'console';

/** `app://console`: what the IPC sender check and the protocol handler compare against. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is exactly on our origin: scheme `app:`, host `console`, no port and no credentials.
 * Compared field by field because Node's URL reports `origin === 'null'` for non-special schemes, and a
 * prefix test would let `app://console.evil/` or `app://console@evil/` through.
 */
export function isAppOrigin(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
