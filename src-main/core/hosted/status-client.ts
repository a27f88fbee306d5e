/**
 * The console's side of a host's status pipe (`\\.\pipe\admin-console-host-NAME`, CONTRACT.md): node's
 * `net.connect` on the pipe path (libuv opens named pipes with CreateFileW), kept only while someone watches
 * the service. Every status line is passed on as it comes; when there is no host to talk to, the watcher is
 * told why (unknown, never zeros) and the client tries again every few seconds until it is closed.
 */
import net from 'node:net';
import { LineReader, parseHostLine } from './host-lines';
import type { HostedStatusValue } from '../../../src-preload/contract/hosted-schemas';
import type { ServiceState } from '../services/service-manager';

/** What a watcher hears. */
export interface StatusListener {
  status(status: HostedStatusValue): void;
  /** No status to show, and why ("the service host is not running", ...). */
  unavailable(reason: string): void;
}

/** How to open the pipe (node's net.connect; a test passes a Unix socket path instead of a pipe name). */
export type Connect = (path: string) => net.Socket;

/** The SCM's state as the sentence after "the service is". */
const STATE_WORDS: { readonly [S in ServiceState]: string } = {
  stopped: 'stopped',
  startPending: 'starting',
  stopPending: 'stopping',
  running: 'running',
  continuePending: 'continuing',
  pausePending: 'pausing',
  paused: 'paused',
};

/** What is known when the pipe fails: had a host answered on it before, and the service's state from the SCM. */
export interface PipeFailureContext {
  /** A host was connected on this pipe earlier (so a missing or broken pipe now means it went away). */
  hostSeen: boolean;
  /** The SCM's state of the service now; null when it could not be asked. */
  serviceState: ServiceState | null;
}

/**
 * The host went away after it had answered: its process ended and took the pipe with it, which the client
 * sees as a broken pipe (EPIPE, ERROR_BROKEN_PIPE), a reset, or, on the next try, no pipe at all (ENOENT).
 * Said as what happened to the service, never as a socket error.
 */
function hostEnded(state: ServiceState | null): string {
  if (state === null) return 'The service host has ended (the service stopped, or the host was ended).';
  if (state === 'stopped' || state === 'stopPending') return `The service host has ended (the service is ${STATE_WORDS[state]}).`;
  // A running service whose host dropped the connection: a new host (a restart) or a slow client let go.
  return `The service host closed the connection (the service is ${STATE_WORDS[state]}); connecting again.`;
}

/** A pipe error in the admin's words. */
export function describePipeError(err: NodeJS.ErrnoException, context: PipeFailureContext = { hostSeen: false, serviceState: null }): string {
  switch (err.code) {
    case 'ENOENT':
      if (context.hostSeen) return hostEnded(context.serviceState);
      return context.serviceState === null
        ? 'The service host is not running (its status pipe does not exist).'
        : `The service host is not running (its status pipe does not exist; the service is ${STATE_WORDS[context.serviceState]}).`;
    case 'EPIPE':
    case 'ECONNRESET':
      return hostEnded(context.serviceState);
    case 'EACCES':
    case 'EPERM':
      return 'The service host refused the connection (its pipe is open to Administrators and SYSTEM only).';
    case 'EBUSY':
    case 'EAGAIN':
      return 'The service host is busy with other status clients (at most 4); trying again.';
    default:
      return `The service host's status pipe failed: ${err.message}`;
  }
}

/** How the client connects and what it may ask when the pipe fails. */
export interface StatusClientOptions {
  /** How long after losing the host the pipe is tried again (default 2 s). */
  retryMs?: number;
  connect?: Connect;
  /** The service's state from the SCM (asked only when the pipe fails); null when it cannot be asked. */
  serviceState?: () => ServiceState | null;
}

/** A connection kept open (and reopened) while a service is watched. */
export class StatusClient {
  #socket: net.Socket | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  #lastUnavailable: string | null = null;
  #hostSeen = false;
  #pendingReplies: { command: string; resolve: (r: { ok: boolean; error: string | null }) => void }[] = [];

  constructor(
    private readonly pipePath: string,
    private readonly listener: StatusListener,
    private readonly options: StatusClientOptions = {},
  ) {
    this.#open();
  }

  /** True while connected to a host. */
  get connected(): boolean {
    return this.#socket !== null && !this.#socket.connecting && !this.#socket.destroyed;
  }

  /** Sends a command on this connection and waits for the host's reply (rejects when not connected or after timeoutMs). */
  command(command: 'restart-program' | 'status', timeoutMs = 5000): Promise<{ ok: boolean; error: string | null }> {
    const socket = this.#socket;
    if (!socket || !this.connected) return Promise.reject(new Error(this.#lastUnavailable ?? 'not connected to the service host'));
    return new Promise((resolve, reject) => {
      const entry = {
        command,
        resolve: (r: { ok: boolean; error: string | null }) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.#pendingReplies = this.#pendingReplies.filter((p) => p !== entry);
        reject(new Error(`the service host did not answer '${command}' within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.#pendingReplies.push(entry);
      socket.write(`${JSON.stringify({ command })}\n`);
    });
  }

  /** Disconnects for good. */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#socket?.destroy();
    this.#socket = null;
  }

  #serviceState(): ServiceState | null {
    try {
      return this.options.serviceState?.() ?? null;
    } catch {
      return null;
    }
  }

  #open(): void {
    if (this.#closed) return;
    const reader = new LineReader();
    const socket = (this.options.connect ?? ((p: string) => net.connect(p)))(this.pipePath);
    this.#socket = socket;
    let failed = false;
    const fail = (reason: string) => {
      if (failed || this.#closed) return;
      failed = true;
      socket.destroy();
      if (this.#socket === socket) this.#socket = null;
      for (const pending of this.#pendingReplies.splice(0)) pending.resolve({ ok: false, error: reason });
      if (reason !== this.#lastUnavailable) this.listener.unavailable(reason);
      this.#lastUnavailable = reason;
      this.#timer = setTimeout(() => this.#open(), this.options.retryMs ?? 2000);
    };
    socket.on('connect', () => {
      this.#lastUnavailable = null;
      this.#hostSeen = true;
    });
    socket.on('data', (chunk: Buffer) => {
      let lines: string[];
      try {
        lines = reader.push(chunk);
      } catch (err) {
        fail(`The service host's status could not be read: ${(err as Error).message}.`);
        return;
      }
      for (const line of lines) {
        if (line === '') continue;
        const message = parseHostLine(line);
        if (message.kind === 'status') this.listener.status(message.status);
        else if (message.kind === 'reply') {
          const at = this.#pendingReplies.findIndex((p) => p.command === message.command);
          if (at !== -1) this.#pendingReplies.splice(at, 1)[0]?.resolve({ ok: message.ok, error: message.error });
        } else {
          fail(`The service host's status could not be read: ${message.reason}.`);
          return;
        }
      }
    });
    const context = (): PipeFailureContext => ({ hostSeen: this.#hostSeen, serviceState: this.#serviceState() });
    socket.on('error', (err: NodeJS.ErrnoException) => fail(describePipeError(err, context())));
    // Closed without an error: the host closed its end (it is ending, or it let a slow client go).
    socket.on('close', () => fail(hostEnded(this.#serviceState())));
  }
}
