import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { CHANNELS } from '../../src-preload/contract/channels';
import { MAX_MESSAGE_BYTES, startContractServer, type ConnectionLimits, type ContractServer } from './contract-server';
import { createDispatcher, type Dispatch, type Handlers } from '../ipc/dispatch';
import { HOSTILE_CHANNELS, INVALID_UTF8, MALFORMED_TEXT_FRAMES, hostileRequestsPerChannel, requestFrame, sendOversizeFrameHeader } from './hostile-input';

const logger = { info() {}, warn() {}, error() {} };
const TOKEN = 'a'.repeat(64);
let server: ContractServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(dispatch: Dispatch = async () => ({ ok: true, value: 'pong' }), limits?: Partial<ConnectionLimits>) {
  server = await startContractServer({ dispatch, token: TOKEN, allowedOrigins: ['http://127.0.0.1:4780'], logger, limits });
  return server;
}

/** Resolves with 'open' or the HTTP status the server refused with. */
function connect(url: string, origin?: string): Promise<{ status: 'open' | number; socket: WebSocket }> {
  const socket = new WebSocket(url, origin ? { origin } : {});
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ status: 'open', socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, socket }));
    socket.once('error', () => {});
  });
}

/** A server whose warnings go to `warn` (the bad-frame tests check each bad frame is logged). */
async function startLogged(warn: (message: string) => void) {
  server = await startContractServer({ dispatch: async () => ({ ok: true, value: 'pong' }), token: TOKEN, allowedOrigins: [], logger: { ...logger, warn }, limits: {} });
  return server;
}

async function open(s: ContractServer): Promise<WebSocket> {
  const { status, socket } = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`);
  expect(status).toBe('open');
  return socket;
}

const closeCode = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

interface Answer {
  id: number;
  result: { ok: boolean; value?: unknown; error?: { code: string } };
}

/** Resolves with the next `count` answers (events and asks skipped). */
function collect(socket: WebSocket, count: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  return new Promise((resolve) => {
    const onMessage = (d: WebSocket.RawData) => {
      const message = JSON.parse(String(d));
      if (!('id' in message)) return;
      answers.push(message);
      if (answers.length === count) {
        socket.off('message', onMessage);
        resolve(answers);
      }
    };
    socket.on('message', onMessage);
  });
}

/** Sends one request frame (channel and request as JSON text, undefined = left out) and awaits its answer. */
async function call(socket: WebSocket, id: number, channel: string | undefined, request: string | undefined): Promise<Answer> {
  const answer = collect(socket, 1);
  socket.send(requestFrame(id, channel, request));
  return (await answer)[0]!;
}

/** A fake core: every handler records that it was reached and answers `{}` (desktop:copyText's whole answer). */
function recordingHandlers() {
  const reached: string[] = [];
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, () => (reached.push(c), {})])) as unknown as Handlers;
  return { handlers, reached };
}

/** A normal request the fake core answers: proves the host still serves. */
const NORMAL = ['"desktop:copyText"', '{"text":"still answering"}'] as const;

describe('the host contract server', () => {
  it('binds to loopback only', async () => {
    const s = await start();
    expect(s.port).toBeGreaterThan(0);
    const { status, socket } = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`);
    expect(status).toBe('open');
    expect((socket as unknown as { _socket: { remoteAddress: string } })._socket.remoteAddress).toBe('127.0.0.1');
    socket.close();
  });

  it('refuses a missing or wrong token with 401 and a foreign origin with 403', async () => {
    const s = await start();
    expect((await connect(`ws://127.0.0.1:${s.port}/`)).status).toBe(401);
    expect((await connect(`ws://127.0.0.1:${s.port}/?token=${'b'.repeat(64)}`)).status).toBe(401);
    expect((await connect(`ws://127.0.0.1:${s.port}/?token=short`)).status).toBe(401);
    expect((await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`, 'http://evil.example')).status).toBe(403);
    const ok = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`, 'http://127.0.0.1:4780');
    expect(ok.status).toBe('open');
    ok.socket.close();
  });

  it('answers requests through dispatch with the same id', async () => {
    const dispatch = vi.fn<Dispatch>(async (channel, request) => ({ ok: true, value: { channel, request } }));
    const s = await start(dispatch);
    const { socket } = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`);
    const answer = new Promise((resolve) => socket.once('message', (d) => resolve(JSON.parse(String(d)))));
    socket.send(JSON.stringify({ id: 7, channel: 'settings:get', request: {} }));
    expect(await answer).toEqual({ id: 7, result: { ok: true, value: { channel: 'settings:get', request: {} } } });
    socket.close();
  });

  it('closes the socket on malformed frames without calling dispatch, and keeps serving', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'pong' }));
    const s = await start(dispatch);
    const bystander = await open(s);
    for (const frame of [...MALFORMED_TEXT_FRAMES, Buffer.from(requestFrame(1, '"settings:get"', '{}'))]) {
      const socket = await open(s);
      const closed = closeCode(socket);
      socket.send(frame, { binary: typeof frame !== 'string' });
      expect(await closed, JSON.stringify(String(frame))).toBe(1008);
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(await call(bystander, 99, '"settings:get"', '{}')).toEqual({ id: 99, result: { ok: true, value: 'pong' } });
    bystander.close();
  });

  it('survives a frame over its size limit: closes that socket with 1009 and keeps serving', async () => {
    const warn = vi.fn();
    const s = await startLogged(warn);
    const bystander = await open(s);
    const lengths = [BigInt(MAX_MESSAGE_BYTES) + 1n, 2n ** 62n];
    const count = lengths.length;
    for (const length of lengths) {
      const socket = await open(s);
      const closed = closeCode(socket);
      sendOversizeFrameHeader(socket, length);
      expect(await closed).toBe(1009);
    }
    expect(await call(bystander, 1, '"settings:get"', '{}')).toMatchObject({ id: 1, result: { ok: true } });
    expect(warn.mock.calls.filter(([m]) => m === 'host closed a connection after a bad frame')).toHaveLength(count);
    bystander.close();
  });

  it('survives text frames that are not UTF-8: closes that socket with 1007 and keeps serving', async () => {
    const warn = vi.fn();
    const s = await startLogged(warn);
    const bystander = await open(s);
    const count = INVALID_UTF8.length;
    for (const bytes of INVALID_UTF8) {
      const socket = await open(s);
      const closed = closeCode(socket);
      socket.send(bytes, { binary: false });
      expect(await closed).toBe(1007);
    }
    expect(await call(bystander, 1, '"settings:get"', '{}')).toMatchObject({ id: 1, result: { ok: true } });
    expect(warn.mock.calls.filter(([m]) => m === 'host closed a connection after a bad frame')).toHaveLength(count);
    bystander.close();
  });

  it('takes the largest request the contract allows: a CSV export well over the old 1 MiB limit', async () => {
    const s = await start(async (_channel, request) => ({ ok: true, value: (request as { content: string }).content.length }));
    const socket = await open(s);
    const content = `"a\u0001",${'x'.repeat(3 * 1024 * 1024)}`;
    expect(MAX_MESSAGE_BYTES).toBeGreaterThan(32 * 1024 * 1024);
    expect(await call(socket, 1, '"desktop:saveCsv"', JSON.stringify({ suggestedName: 'big.csv', content }))).toEqual({ id: 1, result: { ok: true, value: content.length } });
    socket.close();
  });

  it('answers a channel that is not a declared name with BAD_REQUEST and dispatches nothing', async () => {
    const { handlers, reached } = recordingHandlers();
    const s = await start(createDispatcher(handlers, logger));
    const socket = await open(s);
    let id = 0;
    for (const { name, channel } of HOSTILE_CHANNELS) {
      const answer = await call(socket, ++id, channel, '{}');
      expect(answer, name).toMatchObject({ id, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
    }
    expect(reached).toEqual([]);
    expect(await call(socket, ++id, ...NORMAL)).toEqual({ id, result: { ok: true, value: {} } });
    expect(reached).toEqual(['desktop:copyText']);
    socket.close();
  });

  it('refuses hostile requests on every channel of the contract and a burst of thousands, reaching no handler, then still answers', async () => {
    const { handlers, reached } = recordingHandlers();
    const s = await start(createDispatcher(handlers, logger));
    const socket = await open(s);
    let id = 0;
    for (const { channel, requests } of hostileRequestsPerChannel()) {
      for (const { name, request } of requests) {
        const answer = await call(socket, ++id, JSON.stringify(channel), request);
        expect(answer, `${channel}: ${name}`).toMatchObject({ id, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
      }
    }
    expect(id).toBeGreaterThan(CHANNELS.length * 15);
    // Then a burst of thousands of bad requests in one go, every one answered.
    const burst = 5000;
    const answered = collect(socket, burst);
    for (let i = 0; i < burst; i++) socket.send(requestFrame(++id, i % 2 ? '"__proto__"' : '["desktop:copyText"]', '{"text":"x"}'));
    const answers = await answered;
    expect(new Set(answers.map((a) => a.id)).size).toBe(burst);
    expect(answers.every((a) => a.result.error?.code === 'BAD_REQUEST')).toBe(true);
    expect(reached).toEqual([]);
    expect(await call(socket, ++id, ...NORMAL)).toEqual({ id, result: { ok: true, value: {} } });
    expect(reached).toEqual(['desktop:copyText']);
    socket.close();
  }, 120_000);

  it('answers requests beyond the in-flight limit with BAD_REQUEST instead of queueing them', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const dispatch = vi.fn<Dispatch>(async () => (await held, { ok: true, value: 'late' }));
    const s = await start(dispatch, { maxRequestsInFlight: 8 });
    const socket = await open(s);
    const refusedEarly = collect(socket, 4);
    for (let id = 1; id <= 12; id++) socket.send(requestFrame(id, '"settings:get"', '{}'));
    const early = await refusedEarly;
    expect(early.map((a) => a.id)).toEqual([9, 10, 11, 12]);
    expect(early.every((a) => a.result.ok === false && a.result.error?.code === 'BAD_REQUEST')).toBe(true);
    expect(dispatch).toHaveBeenCalledTimes(8);
    const late = collect(socket, 8);
    release();
    expect((await late).map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await call(socket, 13, '"settings:get"', '{}')).toEqual({ id: 13, result: { ok: true, value: 'late' } });
    socket.close();
  });

  it('drops a client that stops reading before its unsent events exhaust memory; others keep being served', async () => {
    const warn = vi.fn();
    server = await startContractServer({
      dispatch: async () => ({ ok: true, value: 'pong' }),
      token: TOKEN,
      allowedOrigins: [],
      logger: { ...logger, warn },
      limits: { pauseReadingAboveBytes: 64 * 1024, disconnectAboveBytes: 4 * 1024 * 1024 },
    });
    const s = server;
    const stalled = await open(s);
    const reader = await open(s);
    const tcp = (stalled as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    const stalledClosed = closeCode(stalled);
    const dropped = () => warn.mock.calls.some(([message]) => message === 'host dropped a client that stopped reading');
    // 400 x 256 KiB: far more than loopback's socket buffers hold, so the host's own queue must grow.
    for (let i = 0; i < 400 && !dropped(); i++) {
      s.broadcast('processes:changed', { rows: 'x'.repeat(256 * 1024) });
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(dropped()).toBe(true);
    tcp.resume();
    expect(await stalledClosed).toBe(1006);
    expect(await call(reader, 1, '"settings:get"', '{}')).toEqual({ id: 1, result: { ok: true, value: 'pong' } });
    reader.close();
  }, 30_000);

  it('routes a confirmation to the client that asked and resumes the handler with its answer', async () => {
    const dispatch: Dispatch = async (_channel, _request, context) => ({
      ok: true,
      value: await context.desktop.confirm({ title: 'Terminate processes', message: 'Terminate x?', detail: '', confirmLabel: 'Terminate', destructive: true }),
    });
    const s = await start(dispatch);
    for (const accept of [true, false]) {
      const { socket } = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`);
      const answer = new Promise((resolve) =>
        socket.on('message', (d) => {
          const msg = JSON.parse(String(d));
          if (msg.ask) {
            expect(msg.ask).toMatchObject({ kind: 'confirm', prompt: { title: 'Terminate processes' } });
            socket.send(JSON.stringify({ answerTo: msg.ask.id, value: accept }));
          } else resolve(msg);
        }),
      );
      socket.send(JSON.stringify({ id: 1, channel: 'processes:terminate', request: {} }));
      expect(await answer).toEqual({ id: 1, result: { ok: true, value: accept } });
      socket.close();
    }
  });

  it('treats a non-boolean answer or a closed client as declined', async () => {
    let resolveDone: (v: boolean) => void = () => {};
    const done = new Promise<boolean>((r) => (resolveDone = r));
    const dispatch: Dispatch = async (_c, _r, context) => {
      resolveDone(await context.desktop.confirm({ title: 't', message: 'm', detail: '', confirmLabel: 'Go', destructive: true }));
      return { ok: true, value: null };
    };
    const s = await start(dispatch);
    const { socket } = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`);
    socket.on('message', (d) => {
      const msg = JSON.parse(String(d));
      if (msg.ask) socket.send(JSON.stringify({ answerTo: msg.ask.id, value: 'yes' }));
    });
    socket.send(JSON.stringify({ id: 1, channel: 'processes:terminate', request: {} }));
    expect(await done).toBe(false);
    socket.close();
  });

  it('broadcasts events to connected clients', async () => {
    const s = await start();
    const { socket } = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`);
    const got = new Promise((resolve) => socket.once('message', (d) => resolve(JSON.parse(String(d)))));
    s.broadcast('settings:changed', { schemaVersion: 1 });
    expect(await got).toEqual({ event: 'settings:changed', payload: { schemaVersion: 1 } });
    socket.close();
  });
});
