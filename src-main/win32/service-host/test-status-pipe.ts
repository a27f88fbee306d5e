/**
 * Test support for the service-host suites (not product code): a client of a hosted service's status
 * pipe (CONTRACT.md, "Status pipe") through node's own named-pipe support, which Windows node has under
 * Wine too. It keeps every line the host sent and can wait for one.
 */
import net from 'node:net';

/** The status line's fields the tests read (CONTRACT.md); the rest stays as parsed. */
export interface HostStatusLine {
  type: 'status';
  service: string;
  hostPid: number;
  state: string;
  programPid: number | null;
  pids: number[];
  restarts: number;
  restartsInWindow: number;
  lastExits: { pid: number; code: number; at: string }[];
  readiness: { kind: string; ok: boolean; at: string; detail: string } | null;
  liveness: { kind: string; ok: boolean; at: string; detail: string; consecutiveFailures: number } | null;
  events: { at: string; kind: string; detail: string }[];
  logFolder: string | null;
}

/** A reply to a command. */
export interface HostReplyLine {
  type: 'reply';
  command: string | null;
  ok: boolean;
  error?: string;
}

/** One line from the host. */
export type HostLine = HostStatusLine | HostReplyLine;

/** The pipe's name for a service. */
export function statusPipeName(service: string): string {
  return `\\\\.\\pipe\\admin-console-host-${service}`;
}

/** A connected client: every line received so far, in order. */
export class StatusPipeClient {
  readonly lines: HostLine[] = [];
  private buffered = '';
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffered += chunk;
      let at: number;
      while ((at = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, at);
        this.buffered = this.buffered.slice(at + 1);
        this.lines.push(JSON.parse(line) as HostLine);
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('close', () => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Connects to the service's pipe (retrying for `ms` while the host has not created it yet). */
  static async connect(service: string, ms = 10_000): Promise<StatusPipeClient> {
    const end = Date.now() + ms;
    for (;;) {
      try {
        const socket = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(statusPipeName(service));
          s.once('connect', () => resolve(s));
          s.once('error', reject);
        });
        socket.on('error', () => {});
        return new StatusPipeClient(socket);
      } catch (err) {
        if (Date.now() >= end) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Sends one command line. */
  send(command: string): void {
    this.socket.write(`${JSON.stringify({ command })}\n`);
  }

  /** The newest status line, if any came. */
  latest(): HostStatusLine | undefined {
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const line = this.lines[i]!;
      if (line.type === 'status') return line;
    }
    return undefined;
  }

  /** Waits until a line from index `from` on satisfies `match` (or `ms` pass: throws with the last status). */
  async waitFor<T extends HostLine>(match: (line: HostLine) => line is T, ms: number, from?: number): Promise<T>;
  async waitFor(match: (line: HostLine) => boolean, ms: number, from?: number): Promise<HostLine>;
  async waitFor(match: (line: HostLine) => boolean, ms: number, from = 0): Promise<HostLine> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.lines.slice(from).find(match);
      if (found) return found;
      const left = end - Date.now();
      if (left <= 0 || this.socket.destroyed) {
        throw new Error(`no matching line within ${ms} ms; last status: ${JSON.stringify(this.latest())}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a status line satisfying `match`. */
  waitForStatus(match: (status: HostStatusLine) => boolean, ms: number, from = 0): Promise<HostStatusLine> {
    return this.waitFor((line): line is HostStatusLine => line.type === 'status' && match(line), ms, from);
  }

  /** Closes the connection. */
  close(): void {
    this.socket.destroy();
  }
}
