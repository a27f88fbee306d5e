import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostedStatusValue } from '../../../src-preload/contract/hosted-schemas';
import { LineReader, MAX_LINE_BYTES, parseHostLine } from './host-lines';
import { describePipeError, StatusClient } from './status-client';
import { contractStatus } from './test-hosted';

describe('host lines', () => {
  it('parses the status CONTRACT.md shows, keeping unknown figures null', () => {
    const message = parseHostLine(JSON.stringify(contractStatus()));
    expect(message).toEqual({ kind: 'status', status: contractStatus() });
    expect(message.kind === 'status' && message.status.job?.peakJobMemoryBytes).toBeNull();
  });

  it('refuses a status it does not understand, saying where', () => {
    expect(parseHostLine(JSON.stringify({ ...contractStatus(), state: 'dancing' }))).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/does not understand \(state:/) });
    expect(parseHostLine('{"type":"status"')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/not JSON/) });
    expect(parseHostLine('[1]')).toMatchObject({ kind: 'invalid' });
  });

  it('parses replies', () => {
    expect(parseHostLine('{"type":"reply","command":"restart-program","ok":false,"error":"stopping"}')).toEqual({ kind: 'reply', command: 'restart-program', ok: false, error: 'stopping' });
  });

  it('joins lines split across chunks and refuses an over-long line', () => {
    const reader = new LineReader();
    expect(reader.push(Buffer.from('{"a":'))).toEqual([]);
    expect(reader.push(Buffer.from('1}\n{"b":2}\r\n{"c"'))).toEqual(['{"a":1}', '{"b":2}']);
    expect(reader.push(Buffer.from(':3}\n'))).toEqual(['{"c":3}']);
    expect(() => new LineReader().push(Buffer.alloc(MAX_LINE_BYTES + 1, 0x20))).toThrow(/over 65536 bytes/);
  });
});

describe('status client against a fake pipe', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosted-pipe-'));
  const servers: net.Server[] = [];
  const clients: StatusClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });
  let n = 0;
  const socketPath = () => path.join(dir, `pipe-${n++}`);

  function serve(file: string, onClient: (socket: net.Socket) => void): Promise<net.Server> {
    const server = net.createServer(onClient);
    servers.push(server);
    return new Promise((resolve) => server.listen(file, () => resolve(server)));
  }

  function watch(file: string, options: ConstructorParameters<typeof StatusClient>[2] = {}) {
    const heard: (HostedStatusValue | string)[] = [];
    let wake: () => void = () => {};
    const client = new StatusClient(
      file,
      {
        status: (s) => {
          heard.push(s);
          wake();
        },
        unavailable: (r) => {
          heard.push(r);
          wake();
        },
      },
      { retryMs: 50, ...options },
    );
    clients.push(client);
    const until = async (count: number) => {
      while (heard.length < count) await new Promise<void>((r) => (wake = r));
    };
    return { heard, client, until };
  }

  it('says the host is not running when there is no pipe, then connects when it appears', async () => {
    const file = socketPath();
    const { heard, until } = watch(file);
    await until(1);
    expect(heard[0]).toBe('The service host is not running (its status pipe does not exist).');
    await serve(file, (socket) => socket.write(`${JSON.stringify(contractStatus())}\n`));
    await until(2);
    expect(heard[1]).toEqual(contractStatus());
    expect(heard).toHaveLength(2);
  });

  it('passes on each status as it comes, a line split across writes included', async () => {
    const file = socketPath();
    await serve(file, (socket) => {
      const line = `${JSON.stringify(contractStatus({ restarts: 1 }))}\n${JSON.stringify(contractStatus({ restarts: 2 }))}\n`;
      socket.write(line.slice(0, 100));
      setTimeout(() => socket.write(line.slice(100)), 20);
    });
    const { heard, until } = watch(file);
    await until(2);
    expect(heard.map((h) => (typeof h === 'string' ? h : h.restarts))).toEqual([1, 2]);
  });

  it('reports a status it cannot read and a host that goes away, never a made-up status', async () => {
    const file = socketPath();
    let connections = 0;
    await serve(file, (socket) => {
      connections++;
      if (connections === 1) socket.write('{"type":"status","version":2}\n');
      else {
        socket.write(`${JSON.stringify(contractStatus())}\n`);
        setTimeout(() => socket.end(), 20);
      }
    });
    const { heard, until } = watch(file);
    await until(3);
    expect(heard[0]).toMatch(/^The service host's status could not be read: the host sent a status this console does not understand/);
    expect(heard[1]).toEqual(contractStatus());
    expect(heard[2]).toBe('The service host has ended (the service stopped, or the host was ended).');
  });

  it('says the host ended, with the SCM state, once a host that answered is gone, never a socket error', async () => {
    const file = socketPath();
    let state: 'running' | 'stopped' = 'running';
    let client: net.Socket | null = null;
    const server = await serve(file, (socket) => socket.write(`${JSON.stringify(contractStatus())}\n`));
    const connect = (p: string) => (client = net.connect(p));
    const { heard, until } = watch(file, { serviceState: () => state, connect });
    await until(1);
    // The host's process ends: the pipe breaks under the client as Wine reports it ("read EPIPE"), and is gone.
    state = 'stopped';
    server.close();
    (client as net.Socket | null)?.emit('error', Object.assign(new Error('read EPIPE'), { code: 'EPIPE', syscall: 'read' }));
    await until(2);
    expect(heard[0]).toEqual(contractStatus());
    expect(heard[1]).toBe('The service host has ended (the service is stopped).');
    // The next tries find no pipe (ENOENT): still the host that ended (the same reason, so nothing new is
    // said), not "is not running" or a pipe error.
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toHaveLength(2);
  });

  it('sends a command and waits for its reply', async () => {
    const file = socketPath();
    const received: string[] = [];
    await serve(file, (socket) => {
      socket.write(`${JSON.stringify(contractStatus())}\n`);
      socket.on('data', (d) => {
        received.push(d.toString());
        socket.write(`${JSON.stringify(contractStatus({ restarts: 3 }))}\n{"type":"reply","command":"restart-program","ok":true}\n`);
      });
    });
    const { client, until } = watch(file);
    await until(1);
    await expect(client.command('restart-program')).resolves.toEqual({ ok: true, error: null });
    expect(received).toEqual(['{"command":"restart-program"}\n']);
  });
});

describe('describePipeError', () => {
  const err = (code: string) => Object.assign(new Error(`read ${code}`), { code });
  it('turns a broken pipe after the host ended into what happened to the service', () => {
    for (const code of ['EPIPE', 'ECONNRESET', 'ENOENT']) {
      expect(describePipeError(err(code), { hostSeen: true, serviceState: 'stopped' })).toBe('The service host has ended (the service is stopped).');
      expect(describePipeError(err(code), { hostSeen: true, serviceState: 'stopPending' })).toBe('The service host has ended (the service is stopping).');
      expect(describePipeError(err(code), { hostSeen: true, serviceState: null })).toBe('The service host has ended (the service stopped, or the host was ended).');
    }
    expect(describePipeError(err('EPIPE'), { hostSeen: true, serviceState: 'running' })).toBe('The service host closed the connection (the service is running); connecting again.');
  });

  it('says a host never seen is not running, with the SCM state when known', () => {
    expect(describePipeError(err('ENOENT'))).toBe('The service host is not running (its status pipe does not exist).');
    expect(describePipeError(err('ENOENT'), { hostSeen: false, serviceState: 'stopped' })).toBe('The service host is not running (its status pipe does not exist; the service is stopped).');
    expect(describePipeError(err('EIO'))).toBe("The service host's status pipe failed: read EIO");
  });
});
