import path from 'node:path';
import type { Handlers } from '../ipc/dispatch';
import type { EmitEvent } from './events';
import { RefreshClock } from './live/refresh-clock';
import type { Logger } from './logger';
import { PerformanceMonitor } from './performance/performance-monitor';
import { SettingsStore } from './settings/settings-store';
import type { SystemProbe } from './system/system-probe';

export interface ConsoleCoreOptions {
  /** The admin-only folder for settings and logs (created and locked down by the caller). */
  dataFolder: string;
  system: SystemProbe;
  logger: Logger;
  emit: EmitEvent;
}

export interface ConsoleCore {
  handlers: Handlers;
  /** Takes the first sample at once, then ticks at the configured interval. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The admin core, knowing nothing of Electron: settings, the refresh clock and the domains hung on it.
 * Electron's main and the headless host both wire its handlers to a transport and its events to a sink.
 */
export async function createConsoleCore({ dataFolder, system, logger, emit }: ConsoleCoreOptions): Promise<ConsoleCore> {
  const settings = await SettingsStore.open(path.join(dataFolder, 'settings.json'), logger);
  const initial = settings.get();
  const clock = new RefreshClock(initial.refresh.intervalMs, initial.refresh.paused, (err) =>
    logger.error('refresh tick failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
  const performance = new PerformanceMonitor(system, (err) =>
    logger.warn('per-core CPU figures unavailable; showing the total only', { error: String(err) }),
  );
  clock.onTick((now) => emit('performance:changed', performance.sample(now)));

  const handlers: Handlers = {
    'system:getInfo': () => ({ ...system.getSystemIdentity(), dataFolder }),
    'performance:getHistory': () => ({ intervalMs: settings.get().refresh.intervalMs, samples: performance.samples() }),
    'settings:get': () => settings.get(),
    'settings:setRefresh': async (request) => {
      const next = await settings.update((draft) => ({
        ...draft,
        refresh: {
          intervalMs: request.intervalMs ?? draft.refresh.intervalMs,
          paused: request.paused ?? draft.refresh.paused,
        },
      }));
      clock.configure(next.refresh.intervalMs, next.refresh.paused);
      emit('settings:changed', next);
      return next;
    },
  };

  return {
    handlers,
    async start() {
      clock.start();
      await clock.tickNow();
    },
    stop: () => clock.stop(),
  };
}
