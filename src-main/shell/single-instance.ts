/**
 * One console per machine session: a second start focuses the running window and exits. Two elevated
 * consoles would fight over the settings file and the log, and double the sampling cost.
 */
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
