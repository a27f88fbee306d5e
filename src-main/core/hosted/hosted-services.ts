/**
 * Hosted services as the console's handlers see them: the definition, plan, install and edit (HostedAdmin),
 * the live status from the host's pipe and the log followed while the renderer watches a service, the charts'
 * history of the last services watched (their pipe kept open after the details close), the log
 * tail and search, "Restart program" (a pipe command, confirmed and audited) and "Open log folder" (the
 * folder decided here from the name, opened through the desktop port).
 */
import type {
  HostedChangeRequestValue,
  HostedDefinitionReadValue,
  HostedDefinitionValue,
  HostedHistoryValue,
  HostedLogMatchesValue,
  HostedLogTailValue,
  HostedPlanValue,
  HostedStatusChangedValue,
  HostedStatusValue,
} from '../../../src-preload/contract/hosted-schemas';
import fs from 'node:fs';
import { HOSTED_LOG_TAIL_MAX_BYTES, hostedPipePath } from '../../../src-preload/contract/hosted-ranges';
import { AppError } from '../app-error';
import { outcomeOf, type Audit } from '../audit/audit-record';
import type { DesktopPort } from '../desktop/desktop-port';
import { promptValue } from '../dialog-text';
import type { EmitEvent } from '../events';
import type { ServiceCollector } from '../services/service-collector';
import type { ServiceManager } from '../services/service-manager';
import type { HostBinaryStore } from './host-binary';
import type { HostedAccounting } from './hosted-accounting';
import { hostedHostPath } from './host-command-line';
import { HostedChartHistory } from './hosted-chart-history';
import { HostedAdmin, type HostedFolders, type HostedRegistry } from './hosted-admin';
import { LogFollower, logFolderOf, logTail, searchLogs } from './hosted-logs';
import { uninstallNotes, type HostedPlaces } from './hosted-plan';
import { StatusClient, type Connect, type StatusClientOptions } from './status-client';

/** Everything hosted services need from the rest of the console. */
export interface HostedServicesOptions {
  manager: ServiceManager;
  collector: ServiceCollector;
  registry: HostedRegistry;
  /** Makes each service's log folder for its account. */
  folders: HostedFolders;
  /** The host's versioned copies; null when this build cannot host services (then install and edit say so). */
  hostBinary: HostBinaryStore | null;
  /** `<ProgramData>\Admin Console\services`: each service's log folder is below it, named after the service. */
  logRoot: string;
  /** Makes the job figures the system does not report (Wine leaves them 0) null, with why. */
  accounting: HostedAccounting;
  audit: Audit;
  emit: EmitEvent;
  changed: () => void;
  /** How often a watched service's log is checked for new lines. */
  followMs?: number;
  /** The machine's logical processors: a hosted job's CPU time rate is a percent of all of them. */
  logicalProcessors: number;
  /** How many services' chart histories are kept (default WATCHED_HOSTED, 4). */
  keptHistories?: number;
  /** Test seam: how the status pipe is opened. */
  connect?: Connect;
  /** How long after losing the host the pipe is tried again (default 2 s). */
  retryMs?: number;
}

/** How long a one-off connection waits for the host's first status line. */
const CONNECT_TIMEOUT_MS = 5000;

/** Services watched at once (each holds one of its host's four pipe clients and a log follower). */
export const MAX_WATCHED = 16;

/**
 * One service's status connection: open while its details show it (then with a log follower) and, after they
 * close, for as long as its chart history is kept (the last WATCHED_HOSTED opened), so the history goes on.
 */
interface Connection {
  readonly client: StatusClient;
  /**
   * The latest status as the host sent it, and when: sent again when the details open on a connection kept
   * open (the host repeats nothing), its job figures judged afresh against the process table's latest tick.
   */
  latest: { time: number; status: HostedStatusValue | null; unavailable: string | null } | null;
  /** Set while the details show the service. */
  viewing: { follower: LogFollower; timer: ReturnType<typeof setInterval> } | null;
}

/** The hosted-service operations behind the `services:*Hosted*` channels. */
export class HostedServices {
  readonly #admin: HostedAdmin;
  readonly #connections = new Map<string, Connection>();
  readonly #history: HostedChartHistory;

  constructor(private readonly options: HostedServicesOptions) {
    this.#history = new HostedChartHistory(options.logicalProcessors, options.keptHistories);
    const binary = options.hostBinary;
    const places: HostedPlaces = {
      get hostPath() {
        if (!binary) throw new AppError('NOT_FOUND', 'This console build has no service host, so it cannot run programs as services.');
        return binary.planned();
      },
      logFolder: (name) => logFolderOf(options.logRoot, name),
    };
    this.#admin = new HostedAdmin(options.manager, options.collector, options.registry, options.folders, places, options.audit, options.changed);
  }

  definition(name: string): HostedDefinitionReadValue {
    return this.#admin.definition(name);
  }

  plan(request: HostedChangeRequestValue): HostedPlanValue {
    return this.#admin.plan(request).plan;
  }

  async install(definition: HostedDefinitionValue, desktop: DesktopPort): Promise<{ name: string }> {
    // The copy the plan names is made before the confirmation's plan is computed again, so both name the same file.
    this.options.hostBinary?.current();
    const result = await this.#admin.install(definition, desktop);
    this.pruneHostCopies();
    return result;
  }

  async edit(name: string, definition: HostedDefinitionValue, desktop: DesktopPort): Promise<{ changed: string[] }> {
    this.options.hostBinary?.current();
    const result = await this.#admin.edit(name, definition, desktop);
    this.pruneHostCopies();
    return result;
  }

  /**
   * Starts pushing the service's host status and new log lines, and keeps its chart history from now on (see
   * hosted-chart-history.ts). Idempotent (a reloaded page that watches again does not hold a second
   * connection); at most MAX_WATCHED services at once, each one pipe client of the host's four.
   */
  watch(name: string): void {
    const canonical = this.#hostedRow(name);
    const key = canonical.toLowerCase();
    const held = this.#connections.get(key);
    if (held?.viewing) return;
    const viewing = [...this.#connections.values()].filter((c) => c.viewing !== null).length;
    if (viewing >= MAX_WATCHED) {
      throw new AppError('BAD_REQUEST', `Already watching ${MAX_WATCHED} hosted services; close the details of one first.`);
    }
    for (const dropped of this.#history.keep(canonical)) {
      const connection = this.#connections.get(dropped);
      if (connection && !connection.viewing) this.#close(dropped, connection);
    }
    const connection = held ?? this.#connect(canonical);
    connection.viewing = this.#follow(canonical);
    // A connection kept open since the details closed hears nothing until the host's status changes: the
    // details get the latest status at once, as a new connection's first line would give it.
    if (held?.latest) this.options.emit('services:hostedStatus', this.#pushOf(canonical, held.latest));
  }

  /**
   * The details closed: no more pushes. The status connection stays open while the chart history is kept
   * (the history goes on growing while the admin is on another tab), else it closes too.
   */
  unwatch(name: string): void {
    const key = name.toLowerCase();
    const connection = this.#connections.get(key);
    if (!connection?.viewing) return;
    clearInterval(connection.viewing.timer);
    connection.viewing = null;
    if (!this.#history.has(key)) this.#close(key, connection);
  }

  /** What main kept of the service's charts and host events (empty when it keeps none for it). */
  history(name: string): HostedHistoryValue {
    return this.#history.history(this.#row(name));
  }

  /**
   * Lets go of the history (and the status connection) of kept services that no longer exist: uninstalled
   * here or deleted elsewhere. Called after each services poll: a lookup per kept service (at most 4).
   */
  dropDeleted(): void {
    for (const key of this.#history.names()) {
      if (this.options.collector.find(key)) continue;
      this.#history.drop(key);
      const connection = this.#connections.get(key);
      if (connection && !connection.viewing) this.#close(key, connection);
    }
  }

  /** How many status connections are open (tests prove nothing is left behind). */
  get openConnections(): number {
    return this.#connections.size;
  }

  logTail(name: string, maxBytes: number): Promise<HostedLogTailValue> {
    const canonical = this.#row(name);
    return logTail(canonical, logFolderOf(this.options.logRoot, canonical), maxBytes);
  }

  searchLog(name: string, text: string, maxMatches: number): Promise<HostedLogMatchesValue> {
    const canonical = this.#row(name);
    return searchLogs(logFolderOf(this.options.logRoot, canonical), text, maxMatches);
  }

  /** Asks the host to restart the program now, after the admin confirms; not counted as a crash by the host. */
  async restartProgram(name: string, desktop: DesktopPort): Promise<Record<string, never>> {
    const canonical = this.#hostedRow(name);
    const confirmed = await desktop.confirm({
      title: 'Restart program',
      message: `Restart the program of '${promptValue(canonical)}'?`,
      detail:
        "The service host stops the program's whole process tree (its stop methods, within the stop budget) and starts it again at once. The service stays running, and the restart does not count towards giving up.",
      confirmLabel: 'Restart program',
      destructive: true,
    });
    if (!confirmed) throw new AppError('CANCELLED', `Restarting the program of '${canonical}' was cancelled; nothing was changed.`);
    const target = { service: canonical };
    try {
      const reply = await this.#command(canonical, 'restart-program');
      if (!reply.ok) throw new AppError('CONFLICT', `The service host refused: ${reply.error ?? 'no reason given'}.`);
    } catch (err) {
      const error = err instanceof AppError ? err : new AppError('CONFLICT', `The program of '${canonical}' was not restarted: ${(err as Error).message}`);
      this.options.audit({ action: 'service.restartProgram', target, ...outcomeOf(error) });
      throw error;
    }
    this.options.audit({ action: 'service.restartProgram', target, outcome: 'ok', message: 'The host restarts the program.' });
    return {};
  }

  /** Shows `<ProgramData>\Admin Console\services\NAME` in Explorer. */
  async openLogFolder(name: string, desktop: DesktopPort): Promise<{ path: string }> {
    const canonical = this.#row(name);
    const folder = logFolderOf(this.options.logRoot, canonical);
    if (!fs.existsSync(folder)) throw new AppError('NOT_FOUND', `${folder} does not exist yet: the service host creates it the first time the service starts.`);
    await desktop.openFolder(folder);
    return { path: folder };
  }

  /** What an uninstall of a hosted service also removes and what it leaves (its confirmation says so). */
  uninstallNotes(name: string): string[] {
    return uninstallNotes(name, { hostPath: '', logFolder: (n) => logFolderOf(this.options.logRoot, n) });
  }

  /** Deletes host copies no installed hosted service names (see host-binary.ts). */
  pruneHostCopies(): string[] {
    const binary = this.options.hostBinary;
    if (!binary) return [];
    const inUse = this.options.collector
      .rows()
      .filter((r) => r.hosted && r.binaryPath)
      .map((r) => hostedHostPath(r.binaryPath ?? '', r.name))
      .filter((p): p is string => p !== null);
    // Rows whose configuration is not read yet could name a copy: prune only once every configuration is in.
    if (this.options.collector.configsPending()) return [];
    return binary.prune(inUse);
  }

  /** Closes every pipe and follower and forgets the histories (the console is quitting). */
  stop(): void {
    for (const [key, connection] of this.#connections) this.#close(key, connection);
    this.#history.clear();
  }

  /** Opens the status connection: every push is recorded in the history (when kept) and sent while viewed. */
  #connect(canonical: string): Connection {
    // Called back only after connect (libuv reports on a later turn), when `connection` is set.
    const heard = (status: HostedStatusValue | null, unavailable: string | null) => {
      // The host sends several lines at once around a restart (exited, backoff, starting): each gets a time of
      // its own, a millisecond after the one before at the least, so each is a point on both sides.
      const time = Math.max(Date.now(), (connection.latest?.time ?? 0) + 1);
      connection.latest = { time, status, unavailable };
      const push = this.#pushOf(canonical, connection.latest);
      // A null status is a gap in the history: the host was not there, so there were no figures (never zeros).
      this.#history.record(canonical, push.time, push.status, push.unreported);
      if (connection.viewing) this.options.emit('services:hostedStatus', push);
    };
    const connection: Connection = {
      client: new StatusClient(hostedPipePath(canonical), { status: (s) => heard(s, null), unavailable: (reason) => heard(null, reason) }, this.#clientOptions(canonical)),
      latest: null,
      viewing: null,
    };
    this.#connections.set(canonical.toLowerCase(), connection);
    return connection;
  }

  /** A status as the details get it: job figures the system leaves 0 made null, with why (hosted-accounting.ts). */
  #pushOf(canonical: string, heard: NonNullable<Connection['latest']>): HostedStatusChangedValue {
    const shown = heard.status === null ? { status: null, unreported: {} } : this.options.accounting.shown(heard.status);
    return { name: canonical, time: heard.time, status: shown.status, unavailable: heard.unavailable, unreported: shown.unreported };
  }

  /** Follows the service's log, pushing new lines, until unwatched. */
  #follow(canonical: string): { follower: LogFollower; timer: ReturnType<typeof setInterval> } {
    const follower = new LogFollower(logFolderOf(this.options.logRoot, canonical));
    let polling = false;
    const poll = async () => {
      if (polling) return;
      polling = true;
      try {
        for (const appended of await follower.poll()) {
          this.options.emit('services:hostedLog', { name: canonical, stream: appended.stream, text: appended.text.slice(-HOSTED_LOG_TAIL_MAX_BYTES), skippedBytes: appended.skippedBytes });
        }
      } catch {
        // The folder is not there yet (the host makes it at its first start) or is being rotated: next tick.
      } finally {
        polling = false;
      }
    };
    void poll();
    return { follower, timer: setInterval(() => void poll(), this.options.followMs ?? 1000) };
  }

  #close(key: string, connection: Connection): void {
    if (connection.viewing) clearInterval(connection.viewing.timer);
    connection.viewing = null;
    connection.client.close();
    this.#connections.delete(key);
  }

  async #command(name: string, command: 'restart-program'): Promise<{ ok: boolean; error: string | null }> {
    const watched = this.#connections.get(name.toLowerCase());
    if (watched?.client.connected) return watched.client.command(command);
    // Not watched: a connection of its own, closed after the reply.
    return new Promise((resolve, reject) => {
      let settled = false;
      // The host sends its status at once on connect (CONTRACT.md); silence means it is stuck.
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        client.close();
        reject(new AppError('TIMEOUT', `The service host of '${name}' sent no status within ${CONNECT_TIMEOUT_MS / 1000} s.`));
      }, CONNECT_TIMEOUT_MS);
      const client = new StatusClient(
        hostedPipePath(name),
        {
          status: () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            client.command(command).then(resolve, reject).finally(() => client.close());
          },
          unavailable: (reason) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            client.close();
            reject(new AppError('CONFLICT', reason));
          },
        },
        this.#clientOptions(name),
      );
    });
  }

  #clientOptions(name: string): StatusClientOptions {
    return {
      ...(this.options.connect ? { connect: this.options.connect } : {}),
      ...(this.options.retryMs ? { retryMs: this.options.retryMs } : {}),
      // Asked of the SCM itself (QueryServiceStatusEx) only when the pipe fails: the table's poll may be seconds old.
      serviceState: () => this.options.manager.status(name).state,
    };
  }

  #row(name: string): string {
    const row = this.options.collector.find(name);
    if (!row) throw new AppError('NOT_FOUND', `There is no service named '${name}'.`);
    return row.name;
  }

  #hostedRow(name: string): string {
    const row = this.options.collector.find(name);
    if (!row) throw new AppError('NOT_FOUND', `There is no service named '${name}'.`);
    if (!row.hosted) throw new AppError('BAD_REQUEST', `'${row.name}' is not run by the console's service host.`);
    return row.name;
  }
}
