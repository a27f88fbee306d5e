import type { ServiceActionResultsValue, ServiceProgressValue } from '../../../src-preload/contract/service-schemas';
import { AppError } from '../app-error';
import { outcomeOf, type Audit } from '../audit/audit-record';
import type { DesktopPort } from '../desktop/desktop-port';
import { argumentLines, promptValue } from '../dialog-text';
import { stopOrder } from './dependency-cycles';
import { serviceKey, type ServiceCollector } from './service-collector';
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

/**
 * A service may take a moment to acknowledge a control (its handler returns and reports the pending state
 * from a worker thread): until then its state is what it was, and that is waited out this long.
 */
export const ACKNOWLEDGE_MS = 5000;

/** Verbs the main process confirms, and how the dialog names them. */
const CONFIRMED: Partial<Record<ServiceVerb, { title: string; button: string; note: string }>> = {
  stop: { title: 'Stop services', button: 'Stop', note: '\n\nPrograms and other computers using these services lose them until they are started again.' },
  pause: { title: 'Pause services', button: 'Pause', note: '\n\nA paused service keeps running but stops serving until it is continued.' },
  restart: { title: 'Restart services', button: 'Restart', note: '\n\nEach is stopped (its running dependents first) and started again; the dependents are started again after it.' },
};

/** Each name once (the SCM compares names case-insensitively), in the order given. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(serviceKey(n)) && seen.add(serviceKey(n)));
}

export interface ControlEvents {
  progress(progress: ServiceProgressValue): void;
  /** After each finished control (so the table and timeline update at once, not at the next poll). */
  changed(): void;
  /** One line per admin action: the audit log and the timeline. */
  audit: Audit;
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
    const targets = uniqueNames(names);
    // Stopping, pausing or restarting a service can take a machine's defences or its network down: the main
    // process asks first, naming every service that will stop (dependents included), and then stops no more.
    const dependentsOf = new Map<string, string[]>();
    const confirmation = CONFIRMED[verb];
    if (verb === 'start' && args.length) {
      // Arguments reach each service's ServiceMain as argv: what they make it do is the service's to say, so
      // the admin sees every one before the SCM passes them on.
      const confirmed = await desktop.confirm({
        title: 'Start services with arguments',
        message: `Start ${targets.length === 1 ? `'${this.label(targets[0]!)}'` : `${targets.length} services`} with ${args.length === 1 ? 'this argument' : `these ${args.length} arguments`}?`,
        detail: `${targets.map((name) => `• ${this.label(name)}`).join('\n')}\n\nArguments (passed to each service's ServiceMain):\n${argumentLines(args)}`,
        confirmLabel: 'Start',
        destructive: false,
      });
      if (!confirmed) throw new AppError('CANCELLED', 'Starting with arguments was cancelled; nothing was started.');
    }
    if (confirmation) {
      for (const name of targets) dependentsOf.set(serviceKey(name), verb === 'pause' ? [] : this.runningDependents(name));
      const lines = targets.map((name) => {
        const dependents = dependentsOf.get(serviceKey(name)) ?? [];
        return `• ${this.label(name)}${dependents.length ? `\n    first stops, in this order: ${dependents.map((d) => this.label(d)).join(', ')}` : ''}`;
      });
      const confirmed = await desktop.confirm({
        title: confirmation.title,
        message: `${confirmation.button} ${targets.length === 1 ? `'${this.label(targets[0]!)}'` : `${targets.length} services`}?`,
        detail: `${lines.join('\n')}${confirmation.note}`,
        confirmLabel: confirmation.button,
        destructive: true,
      });
      if (!confirmed) throw new AppError('CANCELLED', `${confirmation.title}: cancelled; nothing was changed.`);
    }
    const results: Result[] = [];
    for (const name of targets) {
      const before = this.lastState(name);
      try {
        const outcome = await this.one(verb, name, args, dependentsOf.get(serviceKey(name)) ?? []);
        results.push(...outcome);
        const own = outcome.find((r) => r.name === name);
        if (own && !own.ok && own.error) {
          const { message, win32Code } = own.error;
          this.events.audit({ action: `service.${verb}`, target: { service: name }, before: { state: before }, outcome: 'failed', message, ...(win32Code === undefined ? {} : { win32Code }) });
        }
      } catch (err) {
        const error = serviceError(name, err);
        results.push({ name, ok: false, state: this.lastState(name), error: errorValue(error) });
        this.events.audit({ action: `service.${verb}`, target: { service: name }, before: { state: before }, ...outcomeOf(error) });
      }
      this.events.changed();
    }
    return { results };
  }

  /**
   * The running services to stop before `name`, deepest first: the SCM's own answer (EnumDependentServicesW,
   * complete on Windows, groups included), else what the configurations read so far say (Wine answers none).
   */
  runningDependents(name: string): string[] {
    let fromScm: string[] = [];
    try {
      fromScm = this.manager.runningDependents(name);
    } catch {
      // An unknown or unreadable service: the configurations are all there is.
    }
    return fromScm.length ? fromScm : stopOrder(name, (n) => this.collector.dependentsOf(n).filter((d) => this.isActive(d)));
  }

  /**
   * Stops the `confirmed` dependents (deepest first), then `name`. Refuses with CONFLICT, stopping nothing,
   * when more services now depend on it than the admin agreed to stop. Never throws for a service that
   * fails to stop: the chain ends there and says which.
   */
  async stopChain(name: string, confirmed: readonly string[], verb: ServiceVerb): Promise<{ results: Result[]; stopped: string[]; failed: boolean }> {
    const now = this.runningDependents(name);
    const extra = now.filter((d) => !confirmed.some((c) => serviceKey(c) === serviceKey(d)));
    if (extra.length) {
      throw new AppError('CONFLICT', `More running services depend on '${name}' than were confirmed (${extra.join(', ')}); nothing was stopped. Try again.`);
    }
    const results: Result[] = [];
    const stopped: string[] = [];
    for (const service of [...now, name]) {
      if (service === name && verb === 'restart' && this.lastState(name) === 'stopped') {
        results.push({ name, ok: true, state: 'stopped' });
        break;
      }
      const before = this.lastState(service);
      try {
        const state = await this.control(service, 'stop', verb);
        stopped.push(service);
        results.push({ name: service, ok: true, state });
        this.events.audit({ action: 'service.stop', target: { service }, before: { state: before }, after: { state }, outcome: 'ok', message: service === name ? 'Stopped.' : `Stopped (it depends on '${name}').` });
      } catch (err) {
        const error = errorValue(serviceError(service, err));
        results.push({ name: service, ok: false, state: this.lastState(service), error });
        if (service !== name) {
          results.push({ name, ok: false, state: this.lastState(name), error: { code: 'CONFLICT', message: `'${name}' was not stopped: its dependent '${service}' did not stop (${error.message})` } });
        }
        return { results, stopped, failed: true };
      }
    }
    return { results, stopped, failed: false };
  }

  private async one(verb: ServiceVerb, name: string, args: readonly string[], dependents: readonly string[]): Promise<Result[]> {
    const before = this.lastState(name);
    switch (verb) {
      case 'start':
      case 'pause':
      case 'continue': {
        const state = await this.control(name, verb, verb, verb === 'start' ? args : []);
        const text = { start: args.length ? `Started with ${args.length} argument(s).` : 'Started.', pause: 'Paused.', continue: 'Continued.' }[verb];
        this.events.audit({ action: `service.${verb}`, target: { service: name }, before: { state: before }, after: { state }, outcome: 'ok', message: text });
        return [{ name, ok: true, state }];
      }
      case 'stop':
        return (await this.stopChain(name, dependents, 'stop')).results;
      case 'restart': {
        const chain = await this.stopChain(name, dependents, 'restart');
        const results = [...chain.results];
        let started = false;
        if (!chain.failed) {
          try {
            results.push({ name, ok: true, state: await this.control(name, 'start', 'restart', args) });
            started = true;
          } catch (err) {
            results.push({ name, ok: false, state: this.lastState(name), error: errorValue(serviceError(name, err)) });
          }
        }
        // Whatever happened, the dependents that were stopped for this restart are started again, in reverse
        // order, as services.msc does (a dependent whose base is down fails with 1068, and says so).
        for (const dependent of chain.stopped.filter((d) => d !== name).reverse()) {
          try {
            results.push({ name: dependent, ok: true, state: await this.control(dependent, 'start', 'restart') });
          } catch (err) {
            results.push({ name: dependent, ok: false, state: this.lastState(dependent), error: errorValue(serviceError(dependent, err)) });
          }
        }
        if (started) {
          const message = chain.stopped.length > 1 ? `Restarted with ${chain.stopped.filter((d) => d !== name).join(', ')}.` : 'Restarted.';
          this.events.audit({ action: 'service.restart', target: { service: name }, before: { state: before }, after: { state: 'running' }, outcome: 'ok', message });
        }
        return results;
      }
    }
  }

  /** Sends one control (or StartServiceW) and waits for the service to settle. Returns the final state. */
  private async control(name: string, control: 'start' | 'stop' | 'pause' | 'continue', verb: ServiceVerb, args: readonly string[] = []): Promise<ServiceState> {
    // (Starting waits for `running`; stopping for `stopped`; and so on.)
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
      // Not moved from what it was right after the control: not acknowledged yet (a failed start is final).
      const unacknowledged =
        status.state !== goal && status.state === first.state && !PENDING.has(first.state) && !(goal === 'running' && status.win32ExitCode !== 0) && now - started < ACKNOWLEDGE_MS;
      const settled = !unacknowledged && (status.state === goal || !PENDING.has(status.state));
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
      if (unacknowledged) {
        await this.timers.sleep(pollDelay(0));
        status = this.query(name);
        continue;
      }
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
      status = this.query(name);
    }
  }

  private query(name: string): ServiceStatus {
    try {
      return this.manager.status(name);
    } catch (err) {
      throw serviceError(name, err);
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
    return promptValue(row?.displayName && row.displayName !== name ? `${row.displayName} (${name})` : name);
  }
}
