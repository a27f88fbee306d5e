/**
 * Locks every webContents the app ever creates (our window, DevTools, anything a bug might open): no
 * navigation, no redirects, no frame navigation, no new windows, no <webview>. The UI is a single page
 * loaded once with loadURL (which does not raise will-navigate), so a navigation request can only mean
 * a link, a script or an attacker trying to leave app://console.
 */

/** What an Electron event handler gets: we only ever cancel. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guard uses. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent & { url?: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent, webPreferences: unknown, params: { src?: string }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's `app` the guard uses. */
export interface ContentsCreatedSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

/** Called for each blocked attempt, so main can log it. */
export type BlockedReporter = (what: string, url: string) => void;

const NAVIGATION_EVENTS = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const;

/** Denies navigation, redirects, frame navigation, window.open and <webview> attachment on `contents`. */
export function guardWebContents(contents: GuardedContents, report: BlockedReporter = () => {}): void {
  for (const name of NAVIGATION_EVENTS) {
    contents.on(name, (event) => {
      event.preventDefault();
      report(name, typeof event.url === 'string' ? event.url : '');
    });
  }
  contents.setWindowOpenHandler(({ url }) => {
    report('window-open', url);
    return { action: 'deny' };
  });
  // webviewTag is false in our webPreferences; this catches a webContents created with other settings.
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    report('will-attach-webview', typeof params?.src === 'string' ? params.src : '');
  });
}

/** Applies guardWebContents to every webContents as it is created. Register before the first window. */
export function guardAllWebContents(app: ContentsCreatedSource, report: BlockedReporter = () => {}): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, report));
}
