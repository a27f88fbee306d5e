import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName } from '../../src-preload/contract/channels';
import type { Dispatch } from '../ipc/dispatch';
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

/** Wire format: requests `{id, channel, request}`, answers `{id, result}`, events `{event, payload}`. */
export interface RequestMessage {
  id: number;
  channel: string;
  request: unknown;
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
    socket.on('close', () => clients.delete(socket));
    socket.on('message', async (data, isBinary) => {
      let message: Partial<RequestMessage>;
      try {
        if (isBinary) throw new Error('binary frame');
        message = JSON.parse(data.toString());
      } catch {
        socket.close(1008, 'malformed message');
        return;
      }
      if (typeof message !== 'object' || message === null || !Number.isSafeInteger(message.id)) {
        socket.close(1008, 'malformed message');
        return;
      }
      const result = await dispatch(String(message.channel), message.request);
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
