/**
 * The console's own processes, as Electron lists them: its main process plus the helpers Electron starts for
 * itself (renderer, GPU, utility such as the network service). They are marked "this console" and critical,
 * so the admin is warned before ending the process that draws the window they are using. Programs the console
 * starts for the admin (Run, jobs, services) are not in Electron's list and stay ordinary processes.
 *
 * app.getAppMetrics() is Electron's in-process list (no tool spawned, no WMI):
 * https://www.electronjs.org/docs/latest/api/app#appgetappmetrics. It is read at start, when Electron reports
 * a helper gone (and shortly after, for its replacement), when the core sees an unknown child of the console
 * appear, and on a slow timer for anything else; never per refresh tick.
 */
import type { Logger } from '../core/logger';

/** The part of Electron's `app` used here (faked in the unit test). */
export interface ConsoleApp {
  getAppMetrics(): readonly { pid: number; type: string }[];
  on(event: 'child-process-gone', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
  removeListener(event: 'child-process-gone', listener: () => void): unknown;
  removeListener(event: 'render-process-gone', listener: () => void): unknown;
}

/** The console's own PIDs, kept current. */
export interface ConsoleProcesses {
  /** Updated in place, so the core and the process table read the current members through the same set. */
  readonly pids: ReadonlySet<number>;
  /** Reads Electron's list now. */
  refresh(): void;
  /** Reads it again shortly (once, however often asked meanwhile): a helper just started is listed a moment later. */
  recheckSoon(): void;
  /** Stops listening and clears the timers. */
  stop(): void;
}

export interface ConsoleProcessesOptions {
  /** The main process's PID: always a member, whatever Electron answers. */
  ownPid: number;
  logger: Logger;
  /** How long recheckSoon waits (Electron learns a new helper's PID when its launch completes). */
  recheckDelayMs?: number;
  /** The slow timer's period. */
  slowRefreshMs?: number;
}

export function trackConsoleProcesses(app: ConsoleApp, { ownPid, logger, recheckDelayMs = 500, slowRefreshMs = 30_000 }: ConsoleProcessesOptions): ConsoleProcesses {
  const pids = new Set<number>([ownPid]);
  let failed = false;
  let recheck: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    let listed: readonly { pid: number }[];
    try {
      listed = app.getAppMetrics();
    } catch (err) {
      // Keep the last known members; say it once, not every time it is asked.
      if (!failed) logger.warn("could not read Electron's list of its processes; keeping the last one", { error: err instanceof Error ? err.message : String(err) });
      failed = true;
      return;
    }
    failed = false;
    pids.clear();
    pids.add(ownPid);
    for (const p of listed) if (Number.isInteger(p.pid) && p.pid > 0) pids.add(p.pid);
  };
  const recheckSoon = () => {
    if (recheck !== undefined) return;
    recheck = setTimeout(() => {
      recheck = undefined;
      refresh();
    }, recheckDelayMs);
    recheck.unref?.();
  };
  // A gone helper leaves the list now; Electron may start its replacement (a GPU process after a crash, a
  // renderer after a reload), which is looked for shortly after.
  const onGone = () => {
    refresh();
    recheckSoon();
  };
  app.on('child-process-gone', onGone);
  app.on('render-process-gone', onGone);
  const slow = setInterval(refresh, slowRefreshMs);
  slow.unref?.();
  refresh();

  return {
    pids,
    refresh,
    recheckSoon,
    stop() {
      clearInterval(slow);
      clearTimeout(recheck);
      recheck = undefined;
      app.removeListener('child-process-gone', onGone);
      app.removeListener('render-process-gone', onGone);
    },
  };
}
