import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName } from '../../src-preload/contract/channels';
import type { CallContext, Dispatch } from '../ipc/dispatch';
import type { DesktopPort } from '../core/desktop/desktop-port';
import { AppError } from '../core/app-error';
import { guardedDesktop } from '../core/desktop/prompt-guard';
import type { Logger } from '../core/logger';
import { largestRequestFrameBytes } from './largest-request';

/**
 * Largest message a client may send: the largest request the contract allows (a 32 Mi-character CSV export
 * written with JSON's worst-case escapes), derived from the schemas so the two cannot drift apart.
 */
export const MAX_MESSAGE_BYTES = largestRequestFrameBytes();

/** Requests one connection may have unanswered at once; more are answered BAD_REQUEST without dispatching. */
export const MAX_REQUESTS_IN_FLIGHT = 256;

/** Unsent bytes to one client above which the host stops reading its requests until it reads its answers. */
export const PAUSE_READING_ABOVE_BYTES = 1024 * 1024;

/**
 * Unsent bytes to one client at which it is disconnected: it has stopped reading, and events (sent whatever it
 * asks) would otherwise pile up in the host's memory. Room for the largest message the host itself sends (a
 * CSV export handed back to be saved is as large as the request that carried it) plus a margin for events.
 */
export const DISCONNECT_ABOVE_BYTES = MAX_MESSAGE_BYTES + 16 * 1024 * 1024;

export interface ContractServerOptions {
  dispatch: Dispatch;
  /** Random per run; a client must present it as `?token=` on the upgrade. */
  token: string;
  /** Browser origins allowed to connect (the preview page); clients without an Origin header are tools and tests. */
  allowedOrigins: readonly string[];
  logger: Logger;
  port?: number;
  /** Test seams for the limits below; the host always uses the defaults. */
  limits?: Partial<ConnectionLimits>;
}

/** Per-connection limits; see the constants of the same meaning. */
export interface ConnectionLimits {
  maxMessageBytes: number;
  maxRequestsInFlight: number;
  pauseReadingAboveBytes: number;
  disconnectAboveBytes: number;
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

/** Sends one text frame to one client; false when the client is gone. */
type SendText = (text: string) => boolean;

/** A DesktopPort that asks one connected client. Unanswered, closed or malformed answers decline. */
function socketDesktop(socket: WebSocket, send: SendText, pendingAsks: Map<number, (value: unknown) => void>): DesktopPort {
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
      if (!send(JSON.stringify({ ask: { id, kind, ...body } }))) pendingAsks.get(id)?.(undefined);
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
    // The preview's page runs in a browser that cannot open a folder of the Windows side; say where it is.
    openFolder: async (folder) => {
      throw new AppError('BAD_REQUEST', `The preview has no Explorer to open folders in; the folder is ${folder}.`);
    },
  });
}

function tokenMatches(expected: string, url: string | undefined): boolean {
  const given = new URL(url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const badRequest = (message: string) => ({ ok: false, error: { code: 'BAD_REQUEST', message } }) as const;

/**
 * What one text frame holds: an answer to an ask, a request, or nothing we accept (null). Only the frame's
 * shape is checked here; the channel and the request are dispatch's to judge, so a request whose channel is
 * not a string still gets an answer (BAD_REQUEST) under its id.
 */
function readFrame(text: string): { answerTo: number; value: unknown } | { id: number; channel: unknown; request: unknown } | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const fields = message as Record<string, unknown>;
  if (Number.isSafeInteger(fields.answerTo)) return { answerTo: fields.answerTo as number, value: fields.value };
  if (!Number.isSafeInteger(fields.id)) return null;
  return { id: fields.id as number, channel: fields.channel, request: fields.request };
}

/**
 * Serves the IPC contract over a WebSocket bound to 127.0.0.1 for the preview, the end-to-end tests and the
 * benchmarks. The token stands in for Electron's sender check; the Origin check stops other web pages from
 * reaching an admin API through the user's browser. Never packaged.
 *
 * No frame ends the host: a frame over the limit, invalid UTF-8 (ws closes those with 1009 / 1007 and
 * reports them as the socket's 'error', which would be an uncaught exception without a listener), a binary
 * frame or one that is not a request closes that one connection; a bad request is answered BAD_REQUEST.
 */
export function startContractServer({ dispatch, token, allowedOrigins, logger, port = 0, limits: given = {} }: ContractServerOptions): Promise<ContractServer> {
  const limits: ConnectionLimits = {
    maxMessageBytes: MAX_MESSAGE_BYTES,
    maxRequestsInFlight: MAX_REQUESTS_IN_FLIGHT,
    pauseReadingAboveBytes: PAUSE_READING_ABOVE_BYTES,
    disconnectAboveBytes: DISCONNECT_ABOVE_BYTES,
    ...given,
  };
  const clients = new Map<WebSocket, SendText>();
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port,
    maxPayload: limits.maxMessageBytes,
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
    const pendingAsks = new Map<number, (value: unknown) => void>();
    let inFlight = 0;

    // Backpressure: a client that does not read its answers stops being read (so it cannot make the host
    // queue without bound), and one that does not read at all is dropped before its events exhaust memory.
    const resumeWhenDrained = () => {
      if (socket.isPaused && socket.bufferedAmount <= limits.pauseReadingAboveBytes) socket.resume();
    };
    const send: SendText = (text) => {
      if (socket.readyState !== socket.OPEN) return false;
      socket.send(text, resumeWhenDrained);
      if (socket.bufferedAmount > limits.disconnectAboveBytes) {
        logger.warn('host dropped a client that stopped reading', { unsentBytes: socket.bufferedAmount });
        socket.terminate();
        return false;
      }
      if (socket.bufferedAmount > limits.pauseReadingAboveBytes) socket.pause();
      return true;
    };
    const refuse = (reason: string) => {
      logger.warn('host closed a connection', { reason });
      socket.close(1008, reason);
    };
    clients.set(socket, send);
    const context: CallContext = { desktop: socketDesktop(socket, send, pendingAsks) };

    socket.on('error', (err) => {
      // ws has already closed the connection (1009 too large, 1007 invalid UTF-8, 1002 protocol error).
      logger.warn('host closed a connection after a bad frame', { error: err.message, code: (err as { code?: unknown }).code });
    });
    socket.on('close', () => {
      clients.delete(socket);
      for (const answer of [...pendingAsks.values()]) answer(undefined);
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return refuse('binary frame');
      const frame = readFrame(data.toString());
      if (!frame) return refuse('malformed message');
      if ('answerTo' in frame) {
        pendingAsks.get(frame.answerTo)?.(frame.value);
        return;
      }
      if (inFlight >= limits.maxRequestsInFlight) {
        send(JSON.stringify({ id: frame.id, result: badRequest(`more than ${limits.maxRequestsInFlight} requests unanswered on this connection`) }));
        return;
      }
      inFlight++;
      // dispatch never throws; the catch is for what would otherwise be an unhandled rejection ending the host.
      dispatch(frame.channel, frame.request, context)
        .then((result) => send(JSON.stringify({ id: frame.id, result })))
        .catch((err: unknown) => logger.error('host could not answer a request', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
        .finally(() => inFlight--);
    });
  });

  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      wss.off('error', reject);
      // After listening, a server error is logged: it must not end the host (no listener would throw).
      wss.on('error', (err) => logger.error('host server error', { error: err.message }));
      const address = wss.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        broadcast(event, payload) {
          const text = JSON.stringify({ event, payload });
          for (const send of [...clients.values()]) send(text);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of clients.keys()) socket.terminate();
            wss.close(() => done());
          }),
      });
    });
  });
}
