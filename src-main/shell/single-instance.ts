/**
 * One console per machine session: a second start focuses the running window and exits. Two elevated
 * consoles would fight over the settings file and the log, and double the sampling cost.
 */
import path from 'node:path';
import { bringToFront, type FocusableWindow } from './main-window';

/** The part of Electron's `app` used for the lock. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: (...args: unknown[]) => void): unknown;
  quit(): void;
}

/**
 * Takes the single-instance lock. Returns false (after asking the app to quit) when another instance
 * holds it; otherwise focuses `getWindow()` whenever a second instance starts, and returns true.
 */
export function claimSingleInstance(app: SingleInstanceApp, getWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => bringToFront(getWindow()));
  return true;
}

/** The folder calls around the lock (Win32 and Electron in main; fakes in the tests). */
export interface DataFolderSteps {
  /** True when the folder exists and already is admin-only, so a running console may be using it. */
  isAdminOnly(folder: string): boolean;
  /** Makes the folder admin-only (ensureAdminOnlyFolder): creates it, resets its security, or sets it aside. */
  secure(folder: string): void;
  /** app.setPath('userData', ...): where Chromium keeps its profile, and what it keys the lock on. */
  setUserData(folder: string): void;
}

/** Chromium's profile folder inside the data folder. */
export function chromiumProfileFolder(dataFolder: string): string {
  return path.win32.join(dataFolder, 'Chromium');
}

/**
 * Takes the single-instance lock and secures the data folder in the one order that is safe both ways;
 * returns false (the app is quitting) when another console holds the lock.
 *
 * - The folder already is admin-only: a console may be running in it, so the lock comes first and a
 *   second start quits before touching anything (securing first rewrote the running console's folder
 *   security, and whatever it had open in there). Nobody but an administrator can have changed such a
 *   folder, so Chromium may create its lock file in it before we secure it again.
 * - Otherwise (missing, squatted, or with inherited entries): no console can be running in it, since a
 *   running one always leaves it admin-only; it is secured first. The lock cannot come first there:
 *   Electron's requestSingleInstanceLock creates userData and Chromium opens a lock file in it
 *   (CREATE_ALWAYS, delete on close), which a folder a standard user prepared could redirect elsewhere
 *   with a junction.
 */
export function claimInstanceAndDataFolder(
  app: SingleInstanceApp,
  getWindow: () => FocusableWindow | null,
  dataFolder: string,
  steps: DataFolderSteps,
): boolean {
  if (steps.isAdminOnly(dataFolder)) {
    steps.setUserData(chromiumProfileFolder(dataFolder));
    if (!claimSingleInstance(app, getWindow)) return false;
    steps.secure(dataFolder);
    return true;
  }
  steps.secure(dataFolder);
  steps.setUserData(chromiumProfileFolder(dataFolder));
  return claimSingleInstance(app, getWindow);
}
