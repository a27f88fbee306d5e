/**
 * The console's one window: its hardened webPreferences and how it is created, shown and refocused.
 * The page gets no Node, runs in Chromium's sandbox with the preload isolated from it, and can neither
 * embed a <webview> nor open DevTools in the installed build.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

/** Inputs for the window's options. */
export interface MainWindowSettings {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** app.isPackaged: DevTools only exist in a development run. */
  isPackaged: boolean;
  /** Window icon (build/icon.png in development; the exe's icon is used when packaged). */
  iconPath?: string;
  /** The page's background in the current Windows theme (window-theme.ts), painted before the page is. */
  backgroundColor: string;
}

/** The webPreferences every console window gets. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    plugins: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A page that loops on alert() could otherwise lock the window; main owns every real dialog.
    safeDialogs: true,
    devTools: !isPackaged,
  };
}

/**
 * Construction options for the main window: hidden until its first paint, on the page's own background
 * colour for the theme (so no white flash in dark mode, no dark one in light mode).
 */
export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  const options: BrowserWindowConstructorOptions = {
    title: 'Admin Console',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    show: false,
    backgroundColor: settings.backgroundColor,
    autoHideMenuBar: settings.isPackaged,
    webPreferences: secureWebPreferences(settings.preloadPath, settings.isPackaged),
  };
  if (settings.iconPath !== undefined) options.icon = settings.iconPath;
  return options;
}

/** The part of a BrowserWindow this module drives. */
export interface ConsoleWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

/**
 * Creates the window with `createWindow` (main passes `(o) => new BrowserWindow(o)`), shows it on its
 * first paint and loads app://console/index.html. Load failures are returned to the caller to log.
 */
export function openMainWindow<W extends ConsoleWindow>(
  createWindow: (options: BrowserWindowConstructorOptions) => W,
  settings: MainWindowSettings,
  onLoadFailed: (error: unknown) => void = () => {},
): W {
  const window = createWindow(mainWindowOptions(settings));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch(onLoadFailed);
  return window;
}

/** The part of a BrowserWindow used to bring it forward. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings an existing window to the front (used when a second instance is started). */
export function bringToFront(window: FocusableWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
