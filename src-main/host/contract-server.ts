import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName } from '../../src-preload/contract/channels';
import type { CallContext, Dispatch } from '../ipc/dispatch';
import type { DesktopPort } from '../core/desktop/desktop-port';
import { guardedDesktop } from '../core/desktop/prompt-guard';
import type { Logger } from '../core/logger';

/** Largest message a client may send; requests are small objects. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface ContractServerOptions {
  dispatch: Dispatch;
  /** Random per run; a client must present it as `?token=` on the upgrade. */
  token: string;
  /** Browser origins allowed to connect (the preview page); clients without an Origin header are tools and tests. */
  allowedOrigins: readonly string[];
  logger: Logger;
  port?: number;
}

export interface ContractServer {
  port: number;
  /** Pushes an event to every connected client. */
  broadcast(event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

/**
 * Wire format: requests `{id, channel, request}`, answers `{id, result}`, events `{event, payload}`.
 * When a handler must ask the admin (confirm, copy, save), the host sends `{ask: {id, kind, ...}}` to the
 * client that made the request and waits for `{answerTo: id, value}`: in the preview, the bridge answers with
 * the browser's own confirm dialog, standing in for the main process's native one.
 */
export interface RequestMessage {
  id: number;
  channel: string;
  request: unknown;
}

/** How long the host waits for the admin to answer an ask before treating it as declined. */
export const ASK_TIMEOUT_MS = 10 * 60 * 1000;

/** A DesktopPort that asks one connected client. Unanswered, closed or malformed answers decline. */
function socketDesktop(socket: WebSocket, pendingAsks: Map<number, (value: unknown) => void>): DesktopPort {
  let nextAsk = 1;
  const ask = (kind: string, body: Record<string, unknown>, timeoutMs = ASK_TIMEOUT_MS) =>
    new Promise<unknown>((resolve) => {
      if (socket.readyState !== socket.OPEN) return resolve(undefined);
      const id = nextAsk++;
      const timer = setTimeout(() => {
        pendingAsks.delete(id);
        resolve(undefined);
      }, timeoutMs);
      pendingAsks.set(id, (value) => {
        clearTimeout(timer);
        pendingAsks.delete(id);
        resolve(value);
      });
      socket.send(JSON.stringify({ ask: { id, kind, ...body } }));
    });
  // The same guard as Electron's port: one prompt at a time, escaped, refused when too long to show whole.
  return guardedDesktop({
    confirm: async (prompt) => (await ask('confirm', { prompt })) === true,
    copyText: async (text) => {
      if ((await ask('copyText', { text }, 30_000)) !== true) throw new Error('the preview page could not write to the clipboard');
    },
    saveText: async (suggestedName, content) => {
      const saved = await ask('saveText', { suggestedName, content }, 60_000);
      return typeof saved === 'string' ? saved.slice(0, 32_768) : null;
    },
  });
}

function tokenMatches(expected: string, url: string | undefined): boolean {
  const given = new URL(url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the IPC contract over a WebSocket bound to 127.0.0.1 for the preview, the end-to-end tests and the
 * benchmarks. The token stands in for Electron's sender check; the Origin check stops other web pages from
 * reaching an admin API through the user's browser. Never packaged.
 */
export function startContractServer({ dispatch, token, allowedOrigins, logger, port = 0 }: ContractServerOptions): Promise<ContractServer> {
  const clients = new Set<WebSocket>();
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port,
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number) => void) => {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.includes(origin)) {
        logger.warn('host refused a connection from a foreign origin', { origin });
        return done(false, 403);
      }
      if (!tokenMatches(token, req.url)) {
        logger.warn('host refused a connection without the run token');
        return done(false, 401);
      }
      done(true);
    },
  });

  wss.on('connection', (socket) => {
    clients.add(socket);
    const pendingAsks = new Map<number, (value: unknown) => void>();
    const context: CallContext = { desktop: socketDesktop(socket, pendingAsks) };
    socket.on('close', () => {
      clients.delete(socket);
      for (const answer of [...pendingAsks.values()]) answer(undefined);
    });
    socket.on('message', async (data, isBinary) => {
      let message: Partial<RequestMessage>;
      try {
        if (isBinary) throw new Error('binary frame');
        message = JSON.parse(data.toString());
      } catch {
        socket.close(1008, 'malformed message');
        return;
      }
      if (typeof message !== 'object' || message === null) {
        socket.close(1008, 'malformed message');
        return;
      }
      const answer = message as { answerTo?: unknown; value?: unknown };
      if (Number.isSafeInteger(answer.answerTo)) {
        pendingAsks.get(answer.answerTo as number)?.(answer.value);
        return;
      }
      if (!Number.isSafeInteger(message.id)) {
        socket.close(1008, 'malformed message');
        return;
      }
      const result = await dispatch(String(message.channel), message.request, context);
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: message.id, result }));
    });
  });

  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const address = wss.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        broadcast(event, payload) {
          const text = JSON.stringify({ event, payload });
          for (const socket of clients) if (socket.readyState === socket.OPEN) socket.send(text);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of clients) socket.terminate();
            wss.close(() => done());
          }),
      });
    });
  });
}
