/**
 * Refuses everything a page can ask the session for. The console needs no camera, microphone, screen
 * capture, notifications, clipboard read, HID/serial/USB devices, geolocation or downloads, so every
 * request and every check answers no, and network schemes are cancelled before they leave the process.
 */

/** The part of Electron's Session the guard uses (structural, so unit tests pass a small fake). */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean,
  ): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void;
  setSpellCheckerEnabled(enable: boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: unknown, webContents: unknown) => void): unknown;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Called for each refusal, so main can log what was asked for. */
export type RefusalReporter = (what: string, detail: string) => void;

// The UI is local; none of these may ever be fetched, by the page, a stray frame or DevTools.
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/** True for URLs whose scheme reaches the network or the raw filesystem. */
export function isNetworkUrl(url: string): boolean {
  try {
    return NETWORK_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Installs deny-all handlers on `session`: permission requests (callback(false)), permission checks
 * (false), device permissions (false), display-media requests (callback(null) refuses the capture),
 * downloads (cancelled), and any http(s)/ws(s)/ftp/file request (cancelled). The spellchecker is off
 * too: enabled, Chromium fetches its dictionaries from Google's CDN.
 */
export function denyAllPermissions(session: GuardedSession, report: RefusalReporter = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    report('permission-request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    report('display-media', 'getDisplayMedia');
    callback(null);
  });
  session.on('will-download', (event) => {
    event.preventDefault();
    report('download', '');
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isNetworkUrl(details.url);
    if (cancel) report('network-request', details.url);
    callback({ cancel });
  });
}
