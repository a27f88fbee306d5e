import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startContractServer, type ContractServer } from './contract-server';
import type { Dispatch } from '../ipc/dispatch';

const logger = { info() {}, warn() {}, error() {} };
const TOKEN = 'a'.repeat(64);
let server: ContractServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(dispatch: Dispatch = async () => ({ ok: true, value: 'pong' })) {
  server = await startContractServer({ dispatch, token: TOKEN, allowedOrigins: ['http://127.0.0.1:4780'], logger });
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

  it('closes the socket on malformed frames without calling dispatch', async () => {
    const dispatch = vi.fn<Dispatch>();
    const s = await start(dispatch);
    for (const frame of ['not json', '42', JSON.stringify({ channel: 'settings:get', request: {} }), JSON.stringify({ id: 'x', channel: 'settings:get' })]) {
      const { socket } = await connect(`ws://127.0.0.1:${s.port}/?token=${TOKEN}`);
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(frame);
      expect(await closed).toBe(1008);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

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
