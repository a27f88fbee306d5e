/**
 * Lets the core finish before the app exits: Electron does not wait for promises in 'before-quit', so
 * the first quit is cancelled, the core stopped (timers cleared, settings flushed), and quit re-issued.
 */
import type { Logger } from '../core/logger';

/** The part of Electron's `app` used here. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** Runs `stop` once before the app quits; a failure is logged and the app still quits. */
export function stopBeforeQuit(app: QuittingApp, stop: () => Promise<void>, logger: Logger): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    stop()
      .catch((err: unknown) => logger.error('core did not stop cleanly', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
      .finally(() => {
        state = 'stopped';
        app.quit();
      });
  });
}
