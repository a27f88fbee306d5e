import type { ServiceActionResultsValue, ServiceProgressValue } from '../../../src-preload/contract/service-schemas';
import { AppError } from '../app-error';
import type { DesktopPort } from '../desktop/desktop-port';
import { dialogLine } from '../dialog-text';
import { stopOrder } from './dependency-cycles';
import type { ServiceCollector } from './service-collector';
import { errorValue, serviceError } from './service-errors';
import type { ServiceManager, ServiceState, ServiceStatus } from './service-manager';

export type ServiceVerb = ServiceProgressValue['verb'];

export interface WaitTimers {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTimers: WaitTimers = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * A service that reports a pending state with no wait hint still gets this long without progress
 * (the SCM's own default start timeout, ServicesPipeTimeout, is 30 s).
 */
export const DEFAULT_PENDING_MS = 30_000;
/** However busy its checkpoints, no single wait lasts longer than this. */
export const MAX_WAIT_MS = 5 * 60_000;

/**
 * How long to sleep between status queries: a tenth of the wait hint, as "Starting a Service" (MSDN)
 * advises, but kept between 100 ms and 1 s so the progress bar moves and a quick service is not kept waiting.
 */
export const pollDelay = (waitHint: number) => Math.min(1000, Math.max(100, Math.floor(waitHint / 10)));

const PENDING: ReadonlySet<ServiceState> = new Set(['startPending', 'stopPending', 'pausePending', 'continuePending']);

const GOAL: Record<'start' | 'stop' | 'pause' | 'continue', ServiceState> = { start: 'running', stop: 'stopped', pause: 'paused', continue: 'running' };

export interface ControlEvents {
  progress(progress: ServiceProgressValue): void;
  /** After each finished control (so the table and timeline update at once, not at the next poll). */
  changed(): void;
  /** One line per admin action: the audit log and the timeline. */
  audit(action: string, service: string, result: { ok: boolean; text: string }): void;
}

type Result = ServiceActionResultsValue['results'][number];

/**
 * Starts, stops, pauses, continues and restarts services for the admin, one after another, and waits for
 * each to settle while reporting its progress from the checkpoint and wait hint. A service whose
 * checkpoint does not move within its wait hint is given up on with TIMEOUT. Stopping a service that
 * running services depend on asks (in the main process's own dialog) to stop those first, deepest first.
 */
export class ServiceControl {
  constructor(
    private readonly manager: ServiceManager,
    private readonly collector: ServiceCollector,
    private readonly events: ControlEvents,
    private readonly timers: WaitTimers = realTimers,
  ) {}

  async run(verb: ServiceVerb, names: readonly string[], desktop: DesktopPort, args: readonly string[] = []): Promise<ServiceActionResultsValue> {
    const results: Result[] = [];
    for (const name of names) {
      try {
        results.push(...(await this.one(verb, name, desktop, args)));
      } catch (err) {
        const error = serviceError(name, err);
        results.push({ name, ok: false, state: this.lastState(name), error: errorValue(error) });
        if (!(error instanceof AppError && error.code === 'CANCELLED')) this.events.audit(verb, name, { ok: false, text: errorValue(error).message });
      }
      this.events.changed();
    }
    return { results };
  }

  /**
   * Stops `name` and, when the admin agrees, its running dependents first (deepest first). Returns the
   * dependents stopped, so a restart can start them again. Throws CANCELLED when the admin declined.
   */
  async stopWithDependents(name: string, desktop: DesktopPort, verb: ServiceVerb = 'stop', alreadyConfirmed = false): Promise<{ dependents: string[]; results: Result[] }> {
    const dependents = stopOrder(name, (n) => this.collector.dependentsOf(n).filter((d) => this.isActive(d)));
    if (dependents.length && !alreadyConfirmed) {
      const confirmed = await desktop.confirm({
        title: 'Stop dependent services',
        message: `${dependents.length === 1 ? 'One running service depends' : `${dependents.length} running services depend`} on '${dialogLine(name)}'. Stop ${dependents.length === 1 ? 'it' : 'them'} first?`,
        detail: `They will be stopped in this order, then '${dialogLine(name)}':\n${dependents.map((d, i) => `${i + 1}. ${this.label(d)}`).join('\n')}`,
        confirmLabel: 'Stop all',
        destructive: true,
      });
      if (!confirmed) throw new AppError('CANCELLED', `Stopping '${name}' was cancelled; nothing was stopped.`);
    }
    const results: Result[] = [];
    for (const dependent of dependents) {
      const state = await this.control(dependent, 'stop', verb);
      results.push({ name: dependent, ok: true, state });
      this.events.audit('stop', dependent, { ok: true, text: `Stopped (a dependent of '${name}').` });
    }
    const state = this.lastState(name) === 'stopped' && verb === 'restart' ? 'stopped' : await this.control(name, 'stop', verb);
    results.push({ name, ok: true, state });
    return { dependents, results };
  }

  private async one(verb: ServiceVerb, name: string, desktop: DesktopPort, args: readonly string[]): Promise<Result[]> {
    switch (verb) {
      case 'start': {
        const state = await this.control(name, 'start', verb, args);
        this.events.audit('start', name, { ok: true, text: args.length ? `Started with ${args.length} argument(s).` : 'Started.' });
        return [{ name, ok: true, state }];
      }
      case 'stop': {
        const { results } = await this.stopWithDependents(name, desktop);
        this.events.audit('stop', name, { ok: true, text: 'Stopped.' });
        return results;
      }
      case 'pause':
      case 'continue': {
        const state = await this.control(name, verb, verb);
        this.events.audit(verb, name, { ok: true, text: verb === 'pause' ? 'Paused.' : 'Continued.' });
        return [{ name, ok: true, state }];
      }
      case 'restart': {
        // Dependents that were running are started again afterwards, in reverse order, as services.msc does.
        const { dependents } = await this.stopWithDependents(name, desktop, 'restart');
        const results: Result[] = [{ name, ok: true, state: await this.control(name, 'start', 'restart', args) }];
        for (const dependent of [...dependents].reverse()) {
          try {
            results.push({ name: dependent, ok: true, state: await this.control(dependent, 'start', 'restart') });
          } catch (err) {
            results.push({ name: dependent, ok: false, state: this.lastState(dependent), error: errorValue(serviceError(dependent, err)) });
          }
        }
        this.events.audit('restart', name, { ok: true, text: dependents.length ? `Restarted with ${dependents.join(', ')}.` : 'Restarted.' });
        return results;
      }
    }
  }

  /** Sends one control (or StartServiceW) and waits for the service to settle. Returns the final state. */
  private async control(name: string, control: 'start' | 'stop' | 'pause' | 'continue', verb: ServiceVerb, args: readonly string[] = []): Promise<ServiceState> {
    let status: ServiceStatus;
    try {
      if (control === 'start') {
        this.manager.start(name, args);
        status = this.manager.status(name);
      } else {
        status = this.manager.control(name, control);
      }
    } catch (err) {
      throw serviceError(name, err);
    }
    return this.waitFor(name, GOAL[control], verb, status);
  }

  /**
   * Polls QueryServiceStatusEx until the service reaches `goal`, reporting progress. Fails with TIMEOUT when
   * the checkpoint does not move within the wait hint, and with the exit codes when it stops instead of
   * starting.
   */
  async waitFor(name: string, goal: ServiceState, verb: ServiceVerb, first: ServiceStatus): Promise<ServiceState> {
    const started = this.timers.now();
    let status = first;
    let lastProgressAt = started;
    let lastCheckPoint = status.checkPoint;
    let lastState = status.state;
    for (;;) {
      const now = this.timers.now();
      if (status.state !== lastState || status.checkPoint !== lastCheckPoint) {
        lastProgressAt = now;
        lastCheckPoint = status.checkPoint;
        lastState = status.state;
      }
      const settled = status.state === goal || !PENDING.has(status.state);
      this.events.progress({
        name,
        verb,
        state: status.state,
        checkPoint: status.checkPoint,
        waitHint: status.waitHint,
        msSinceProgress: now - lastProgressAt,
        elapsedMs: now - started,
        finished: settled,
      });
      if (status.state === goal) return goal;
      if (!PENDING.has(status.state)) {
        if (goal === 'running' && status.state === 'stopped') {
          throw new AppError('WIN32', `'${name}' stopped instead of starting: exit code ${status.win32ExitCode}${status.serviceSpecificExitCode ? ` (service-specific ${status.serviceSpecificExitCode})` : ''}.`, status.win32ExitCode || undefined);
        }
        throw new AppError('CONFLICT', `'${name}' is ${status.state}, not ${goal}.`);
      }
      const allowed = status.waitHint > 0 ? status.waitHint : DEFAULT_PENDING_MS;
      if (now - lastProgressAt > allowed || now - started > MAX_WAIT_MS) {
        this.events.progress({ name, verb, state: status.state, checkPoint: status.checkPoint, waitHint: status.waitHint, msSinceProgress: now - lastProgressAt, elapsedMs: now - started, finished: true });
        throw new AppError(
          'TIMEOUT',
          `'${name}' is still ${status.state} at checkpoint ${status.checkPoint}: no progress within its wait hint of ${allowed} ms. It may yet finish; its state shows in the table.`,
        );
      }
      await this.timers.sleep(pollDelay(status.waitHint));
      try {
        status = this.manager.status(name);
      } catch (err) {
        throw serviceError(name, err);
      }
    }
  }

  private isActive(name: string): boolean {
    const state = this.collector.find(name)?.state;
    return state !== undefined && state !== 'stopped';
  }

  private lastState(name: string): ServiceState | null {
    return this.collector.find(name)?.state ?? null;
  }

  private label(name: string): string {
    const row = this.collector.find(name);
    return dialogLine(row?.displayName && row.displayName !== name ? `${row.displayName} (${name})` : name);
  }
}
