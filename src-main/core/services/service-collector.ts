import type { ServiceDeltaValue, ServiceRowValue, ServiceSnapshotValue, TimelineEntryValue } from '../../../src-preload/contract/service-schemas';
import { isHostedService } from '../hosted/host-command-line';
import type { AppError } from '../app-error';
import { hasUnquotedPathRisk } from './binary-path';
import { dependentsByService } from './dependency-cycles';
import { notReported, reportedDependencies, unexplainedUnreadable } from './not-reported';
import type { ServiceConfig, ServiceManager, ServiceState, ServiceStatus } from './service-manager';

/** How often the SCM is polled by default: services change rarely, and polling at 1 Hz costs services.exe CPU. */
export const SERVICE_POLL_MS = 2000;
/**
 * Configurations of services seen for the first time are read in slices of at most this long, so that
 * start-up (a few hundred services, several SCM round trips each) never blocks the main thread for long.
 */
export const CONFIG_BUDGET_MS = 25;
/** The timeline keeps this many entries (oldest dropped). */
export const TIMELINE_LIMIT = 1000;

const SERVICE_ACCEPT_STOP = 0x1;
const SERVICE_ACCEPT_PAUSE_CONTINUE = 0x2;
/** Reported by services that were never started since boot; not a failure. */
const ERROR_SERVICE_NEVER_STARTED = 1077;

/** Text cut to the contract's bound (with an ellipsis), for the rare service whose strings run longer. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const clipOrNull = (text: string | null | undefined, max: number) => (text === null || text === undefined ? null : clip(text, max));

/** Names are case-insensitive in the SCM; keys are lower case, rows keep the SCM's case. */
export const serviceKey = (name: string) => name.toLowerCase();

interface Known {
  status: ServiceStatus;
  /** null until read, or when it could not be read (configError says why). */
  config: ServiceConfig | null;
  configError: string | null;
  /** The row as last sent (null before the first), to tell what changed. */
  row: ServiceRowValue | null;
  /** Status, configuration or dependents changed since the row was last built. */
  dirty: boolean;
}

type TimelineKind = TimelineEntryValue['kind'];

const stateWords: Record<ServiceState, string> = {
  stopped: 'stopped',
  startPending: 'starting',
  stopPending: 'stopping',
  running: 'running',
  continuePending: 'continuing',
  pausePending: 'pausing',
  paused: 'paused',
};

function exitCodesText(status: ServiceStatus): string {
  const specific = status.serviceSpecificExitCode ? ` (service-specific ${status.serviceSpecificExitCode})` : '';
  return `exit code ${status.win32ExitCode}${specific}`;
}

/** A stop the service did not ask for: the SCM records a failure code (1067 process aborted, 1066 service-specific, ...). */
const stoppedWithError = (status: ServiceStatus) => status.win32ExitCode !== 0 && status.win32ExitCode !== ERROR_SERVICE_NEVER_STARTED;

const CONFIG_FIELDS = ['startType', 'delayedAutoStart', 'errorControl', 'account', 'binaryPath', 'displayName', 'description', 'dependencies', 'recovery', 'recoveryOnNonCrashFailures'] as const;

function configDifferences(before: ServiceConfig, after: ServiceConfig): string[] {
  return CONFIG_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Every status field a row shows: a steady poll rebuilds no row. */
function sameStatus(a: ServiceStatus, b: ServiceStatus): boolean {
  return (
    a.state === b.state &&
    a.pid === b.pid &&
    a.checkPoint === b.checkPoint &&
    a.waitHint === b.waitHint &&
    a.win32ExitCode === b.win32ExitCode &&
    a.serviceSpecificExitCode === b.serviceSpecificExitCode &&
    a.controlsAccepted === b.controlsAccepted &&
    a.displayName === b.displayName &&
    a.typeBits === b.typeBits &&
    a.kind === b.kind &&
    a.name === b.name
  );
}

function sameRow(a: ServiceRowValue, b: ServiceRowValue): boolean {
  for (const key of Object.keys(a) as (keyof ServiceRowValue)[]) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x === 'object' && x !== null && JSON.stringify(x) === JSON.stringify(y)) continue;
    return false;
  }
  return true;
}

/**
 * "part: API(name) failed: text (error N)" lines, grouped by their failure so that Wine's four identical
 * "Invalid level (124)" answers read as one sentence naming the four parts.
 */
export function summarizeUnreadable(lines: readonly string[], name: string): string {
  const byFailure = new Map<string, string[]>();
  for (const line of lines) {
    const at = line.indexOf(': ');
    const part = at > 0 ? line.slice(0, at) : '';
    const failure = (at > 0 ? line.slice(at + 2) : line).replace(`(${name})`, '');
    byFailure.set(failure, [...(byFailure.get(failure) ?? []), part]);
  }
  return [...byFailure].map(([failure, parts]) => `${parts.filter(Boolean).join(', ')}: ${failure}`).join('; ');
}

/**
 * The dependencies a service's dependents are computed from: what the SCM reports or, where it reports none
 * but its registry key lists some (Wine 8), what is stored - so "Needed by" and the stop confirmation name the
 * services configured to depend on it rather than saying none.
 */
function dependenciesForDependents(config: ServiceConfig | null): string[] {
  if (!config) return [];
  return reportedDependencies(config) ?? config.registryDependencies ?? [];
}

/**
 * The Services table: one EnumServicesStatusExW per poll; each service's configuration read on first sight
 * and again only when its status changes or the console edits it (never per poll for all services).
 * Compares each poll with the last and reports rows that changed, services that went, and what happened
 * (started, stopped, crashed, restarted, installed, deleted) as a timeline.
 */
export class ServiceCollector {
  private readonly known = new Map<string, Known>();
  private dependents = new Map<string, string[]>();
  private readonly timeline: TimelineEntryValue[] = [];
  private pendingTimeline: TimelineEntryValue[] = [];
  private nextEntryId = 0;
  private seq = 0;
  private lastTime = 0;
  private polled = false;
  /** Services seen but whose configuration is not read yet (keys), oldest first. */
  private readonly unread = new Set<string>();

  constructor(
    private readonly manager: ServiceManager,
    readonly pollIntervalMs = SERVICE_POLL_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** True while some services' configurations are still to be read (see readUnread). */
  configsPending(): boolean {
    return this.unread.size > 0;
  }

  /**
   * Reads configurations of newly seen services for at most `budgetMs`, then reports the rows that gained
   * them. The core calls this again at once (off the current task) while configsPending().
   */
  readUnread(now: number, budgetMs = CONFIG_BUDGET_MS, { atLeastOne = true } = {}): ServiceDeltaValue | null {
    const start = this.clock();
    let read = 0;
    for (const key of this.unread) {
      if ((read > 0 || !atLeastOne) && this.clock() - start >= budgetMs) break;
      this.unread.delete(key);
      const entry = this.known.get(key);
      if (!entry) continue;
      const { config, configError } = this.readConfig(entry.status.name);
      entry.config = config;
      entry.configError = configError;
      entry.dirty = true;
      read++;
    }
    if (read) this.recomputeDependents();
    return this.emit(now, []);
  }

  /** Polls the SCM; returns what changed since the last poll, or null when nothing did. */
  poll(now: number): ServiceDeltaValue | null {
    const pollStart = this.clock();
    const statuses = this.manager.enumerate();
    const firstPoll = !this.polled;
    this.polled = true;
    const seen = new Set<string>();
    let configsChanged = false;

    for (const status of statuses) {
      const key = serviceKey(status.name);
      seen.add(key);
      const before = this.known.get(key);
      if (!before) {
        this.known.set(key, { status, config: null, configError: null, row: null, dirty: true });
        this.unread.add(key);
        if (!firstPoll) this.observe(now, status.name, 'installed', `Installed (${stateWords[status.state]}).`);
        continue;
      }
      const stateChanged = before.status.state !== status.state || before.status.pid !== status.pid;
      if (stateChanged || before.status.displayName !== status.displayName || before.status.typeBits !== status.typeBits) {
        this.noteTransition(now, before.status, status);
        // A state change is when a configuration change made elsewhere (sc config, services.msc) is most
        // likely to matter; re-reading it only then keeps steady-state polls at one Win32 call.
        this.unread.delete(key);
        const { config, configError } = this.readConfig(status.name);
        if (before.config && config) {
          const changed = configDifferences(before.config, config);
          if (changed.length) this.observe(now, status.name, 'configChanged', `Configuration changed: ${changed.join(', ')}.`);
        }
        configsChanged ||= JSON.stringify(dependenciesForDependents(before.config)) !== JSON.stringify(dependenciesForDependents(config));
        before.config = config;
        before.configError = configError;
        before.dirty = true;
      }
      if (!sameStatus(before.status, status)) before.dirty = true;
      before.status = status;
    }

    const removed: string[] = [];
    for (const [key, entry] of this.known) {
      if (seen.has(key)) continue;
      this.known.delete(key);
      this.unread.delete(key);
      removed.push(entry.status.name);
      configsChanged = true;
      this.observe(now, entry.status.name, 'deleted', 'Deleted.');
    }
    if (configsChanged) this.recomputeDependents();
    // What is left of this task's budget after the enumeration goes to configurations; the rest follow in
    // their own tasks (the core's fill loop).
    if (this.unread.size) return this.mergeDeltas(this.emit(now, removed), this.readUnread(now, CONFIG_BUDGET_MS - (this.clock() - pollStart), { atLeastOne: false }));
    return this.emit(now, removed);
  }

  /** Two consecutive deltas as one (the second's rows win). */
  private mergeDeltas(a: ServiceDeltaValue | null, b: ServiceDeltaValue | null): ServiceDeltaValue | null {
    if (!a || !b) return a ?? b;
    const upserted = new Map([...a.upserted, ...b.upserted].map((r) => [serviceKey(r.name), r]));
    this.seq = a.seq;
    return { seq: a.seq, baseSeq: a.baseSeq, time: b.time, upserted: [...upserted.values()], removed: a.removed, timeline: [...a.timeline, ...b.timeline] };
  }

  /**
   * Reads one service's configuration again (after the console changed it) and reports the change at the
   * next poll; `quiet` leaves it out of the timeline when the console already recorded the admin's action.
   */
  refreshConfig(name: string, { quiet = false }: { quiet?: boolean } = {}, now = Date.now()): void {
    const entry = this.known.get(serviceKey(name));
    if (!entry) return;
    const { config, configError } = this.readConfig(name);
    if (!quiet && entry.config && config) {
      const changed = configDifferences(entry.config, config);
      if (changed.length) this.observe(now, name, 'configChanged', `Configuration changed: ${changed.join(', ')}.`);
    }
    entry.config = config;
    entry.configError = configError;
    entry.dirty = true;
    this.recomputeDependents();
  }

  /** Records what an admin did through the console (the audit log has the same line, with before and after). */
  recordAdmin(now: number, service: string, text: string, ok: boolean): void {
    this.push({ id: this.nextEntryId++, time: now, service: clip(service, 256), kind: 'admin', text: clip(text, 4096), byAdmin: true, ok });
  }

  snapshot(): ServiceSnapshotValue {
    return {
      seq: this.seq,
      time: this.lastTime,
      pollIntervalMs: this.pollIntervalMs,
      services: this.rows(),
      timeline: [...this.timeline],
    };
  }

  /** The row as last sent, or undefined for a service not (or no longer) listed. */
  find(name: string): ServiceRowValue | undefined {
    return this.known.get(serviceKey(name))?.row ?? undefined;
  }

  rows(): ServiceRowValue[] {
    return [...this.known.values()].flatMap((k) => (k.row ? [k.row] : []));
  }

  /** Names of the services that depend on `name`, from the configurations read so far. */
  dependentsOf(name: string): string[] {
    return this.dependents.get(serviceKey(name)) ?? [];
  }

  private readConfig(name: string): { config: ServiceConfig | null; configError: string | null } {
    try {
      const config = this.manager.config(name);
      // Parts the system does not report are notes on their fields (not-reported.ts), not a failure of the row.
      const unexplained = unexplainedUnreadable(config);
      return { config, configError: unexplained.length ? summarizeUnreadable(unexplained, name) : null };
    } catch (err) {
      return { config: null, configError: (err as AppError).message ?? String(err) };
    }
  }

  private recomputeDependents(): void {
    // Any row's dependents may change: rebuild them all at the next emit (rare: configurations changed).
    for (const entry of this.known.values()) entry.dirty = true;
    this.dependents = dependentsByService([...this.known.values()].map((k) => ({ name: k.status.name, dependencies: dependenciesForDependents(k.config) })));
  }

  private noteTransition(now: number, before: ServiceStatus, after: ServiceStatus): void {
    const name = after.name;
    if (before.state === 'running' && after.state === 'running' && before.pid !== after.pid && before.pid && after.pid) {
      this.observe(now, name, 'restarted', `Restarted: PID ${before.pid} -> ${after.pid}.`);
      return;
    }
    if (before.state === after.state) return;
    switch (after.state) {
      case 'running':
        if (before.state === 'paused' || before.state === 'continuePending' || before.state === 'pausePending') this.observe(now, name, 'continued', 'Continued.');
        else this.observe(now, name, 'started', `Started (PID ${after.pid}).`);
        return;
      case 'paused':
        this.observe(now, name, 'paused', 'Paused.');
        return;
      case 'stopped':
        if (stoppedWithError(after)) this.observe(now, name, 'crashed', `Stopped unexpectedly: ${exitCodesText(after)}.`);
        else this.observe(now, name, 'stopped', 'Stopped.');
        return;
      default:
        // Pending states are shown as progress, not recorded: they would flood the timeline.
        return;
    }
  }

  private observe(now: number, service: string, kind: TimelineKind, text: string): void {
    this.push({ id: this.nextEntryId++, time: now, service: clip(service, 256), kind, text: clip(text, 4096), byAdmin: false });
  }

  private push(entry: TimelineEntryValue): void {
    this.timeline.push(entry);
    if (this.timeline.length > TIMELINE_LIMIT) this.timeline.splice(0, this.timeline.length - TIMELINE_LIMIT);
    this.pendingTimeline.push(entry);
  }

  /** Rebuilds the rows whose status, configuration or dependents changed, and sends those that differ. */
  private emit(now: number, removed: string[]): ServiceDeltaValue | null {
    const upserted: ServiceRowValue[] = [];
    for (const entry of this.known.values()) {
      if (!entry.dirty) continue;
      entry.dirty = false;
      const row = this.toRow(entry);
      if (entry.row && sameRow(entry.row, row)) continue;
      entry.row = row;
      upserted.push(row);
    }
    const timeline = this.pendingTimeline.slice(-TIMELINE_LIMIT);
    this.pendingTimeline = [];
    this.lastTime = now;
    if (upserted.length === 0 && removed.length === 0 && timeline.length === 0) return null;
    this.seq += 1;
    return { seq: this.seq, baseSeq: this.seq - 1, time: now, upserted, removed, timeline };
  }

  /** Every field within the contract's bounds, so one odd service can never make the whole table invalid. */
  private toRow({ status, config, configError }: Known): ServiceRowValue {
    const recovery = config?.recovery ?? null;
    const dependencies = config ? reportedDependencies(config) : null;
    return {
      name: clip(status.name, 256),
      displayName: clip(status.displayName || config?.displayName || '', 256),
      kind: status.kind,
      typeBits: status.typeBits,
      state: status.state,
      canStop: (status.controlsAccepted & SERVICE_ACCEPT_STOP) !== 0,
      canPauseContinue: (status.controlsAccepted & SERVICE_ACCEPT_PAUSE_CONTINUE) !== 0,
      pid: status.pid > 0 ? status.pid : null,
      win32ExitCode: status.win32ExitCode,
      serviceSpecificExitCode: status.serviceSpecificExitCode,
      checkPoint: status.checkPoint,
      waitHint: status.waitHint,
      startType: config?.startType ?? null,
      delayedAutoStart: config?.delayedAutoStart ?? null,
      triggered: config?.triggered ?? null,
      errorControl: config?.errorControl ?? null,
      account: clipOrNull(config?.account, 1024),
      binaryPath: clipOrNull(config?.binaryPath, 32_768),
      description: clipOrNull(config?.description, 32_768),
      loadOrderGroup: clipOrNull(config?.loadOrderGroup, 1024),
      dependencies: dependencies && dependencies.slice(0, 1024).map((d) => clip(d, 257)),
      dependents: this.dependentsOf(status.name).slice(0, 4096).map((d) => clip(d, 256)),
      recovery: recovery && {
        resetPeriodSeconds: recovery.resetPeriodSeconds,
        rebootMessage: clip(recovery.rebootMessage, 32_768),
        command: clip(recovery.command, 32_768),
        actions: recovery.actions.slice(0, 64),
      },
      recoveryOnNonCrashFailures: config?.recoveryOnNonCrashFailures ?? null,
      configError: clipOrNull(configError, 4096),
      notReported: config ? notReported(config).map((p) => ({ field: p.field, reason: clip(p.reason, 1024) })) : [],
      unquotedPath: config ? hasUnquotedPathRisk(config.binaryPath) : false,
      hosted: config ? isHostedService(config.binaryPath, status.name) : false,
    };
  }
}
