/**
 * Hosted services as the console's handlers see them: the definition, plan, install and edit (HostedAdmin),
 * the live status from the host's pipe and the log followed while the renderer watches a service, the log
 * tail and search, "Restart program" (a pipe command, confirmed and audited) and "Open log folder" (the
 * folder decided here from the name, opened through the desktop port).
 */
import type { HostedChangeRequestValue, HostedDefinitionReadValue, HostedDefinitionValue, HostedLogMatchesValue, HostedLogTailValue, HostedPlanValue, HostedStatusValue } from '../../../src-preload/contract/hosted-schemas';
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
  /** Test seam: how the status pipe is opened. */
  connect?: Connect;
  /** How long after losing the host the pipe is tried again (default 2 s). */
  retryMs?: number;
}

/** How long a one-off connection waits for the host's first status line. */
const CONNECT_TIMEOUT_MS = 5000;

/** Services watched at once (each holds one of its host's four pipe clients and a log follower). */
export const MAX_WATCHED = 16;

interface Watch {
  client: StatusClient;
  follower: LogFollower;
  timer: ReturnType<typeof setInterval>;
}

/** The hosted-service operations behind the `services:*Hosted*` channels. */
export class HostedServices {
  readonly #admin: HostedAdmin;
  readonly #watches = new Map<string, Watch>();

  constructor(private readonly options: HostedServicesOptions) {
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
   * Starts pushing the service's host status and new log lines. Idempotent (a reloaded page that watches again
   * does not hold a second connection); at most MAX_WATCHED services at once, each one pipe client of the
   * host's four.
   */
  watch(name: string): void {
    const canonical = this.#hostedRow(name);
    const key = canonical.toLowerCase();
    if (this.#watches.has(key)) return;
    if (this.#watches.size >= MAX_WATCHED) {
      throw new AppError('BAD_REQUEST', `Already watching ${MAX_WATCHED} hosted services; close the details of one first.`);
    }
    const emitStatus = (status: HostedStatusValue | null, unavailable: string | null) => {
      const shown = status === null ? { status: null, unreported: {} } : this.options.accounting.shown(status);
      this.options.emit('services:hostedStatus', { name: canonical, time: Date.now(), status: shown.status, unavailable, unreported: shown.unreported });
    };
    const client = new StatusClient(hostedPipePath(canonical), { status: (s) => emitStatus(s, null), unavailable: (reason) => emitStatus(null, reason) }, this.#clientOptions(canonical));
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
    const timer = setInterval(() => void poll(), this.options.followMs ?? 1000);
    this.#watches.set(key, { client, follower, timer });
  }

  unwatch(name: string): void {
    const key = name.toLowerCase();
    const watch = this.#watches.get(key);
    if (watch) this.#close(key, watch);
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

  /** Closes every pipe and follower (the console is quitting). */
  stop(): void {
    for (const [key, watch] of this.#watches) this.#close(key, watch);
  }

  #close(key: string, watch: Watch): void {
    clearInterval(watch.timer);
    watch.client.close();
    this.#watches.delete(key);
  }

  async #command(name: string, command: 'restart-program'): Promise<{ ok: boolean; error: string | null }> {
    const watched = this.#watches.get(name.toLowerCase());
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
