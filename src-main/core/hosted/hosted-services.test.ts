import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-preload/contract/channels';
import { hostedPipePath } from '../../../src-preload/contract/hosted-ranges';
import { HostedStatusChanged, type HostedStatusChangedValue } from '../../../src-preload/contract/hosted-schemas';
import type { AuditRecord } from '../audit/audit-record';
import { answeringDesktop } from '../desktop/test-desktop';
import { ServiceCollector } from '../services/service-collector';
import { FakeScm } from '../services/test-doubles';
import { AccountingReader } from '../jobs/accounting-unreported';
import type { ProcessRowValue } from '../../../src-preload/contract/schemas';
import { hostCommandLine } from './host-command-line';
import { HostedAccounting } from './hosted-accounting';
import { HostedServices } from './hosted-services';
import { contractStatus } from './test-hosted';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosted-services-'));
const servers: net.Server[] = [];
const services: HostedServices[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) s.stop();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

function setup(status = contractStatus()) {
  const scm = new FakeScm()
    .add('web', {}, { binaryPath: hostCommandLine('C:\\ProgramData\\Admin Console\\service-host\\1-a\\service-host.exe', 'web') })
    .add('plain');
  const collector = new ServiceCollector(scm);
  collector.poll(0);
  while (collector.configsPending()) collector.readUnread(0);
  const socket = path.join(dir, `pipe-${Math.random().toString(36).slice(2)}`);
  const received: string[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const audits: AuditRecord[] = [];
  const logRoot = path.join(dir, `logs-${Math.random().toString(36).slice(2)}`);
  // The program (PID 5678 in contractStatus) busy in the process table's last tick.
  const processes = { findByPid: (pid: number) => (pid === 5678 ? ({ pid, cpuPercent: 12, workingSetBytes: 50 << 20, userTimeMs: 900, kernelTimeMs: 100 } as ProcessRowValue) : undefined) };
  const hosted = new HostedServices({
    manager: scm,
    collector,
    registry: { read: () => null, write: () => {} },
    folders: { prepareLogFolder: () => {}, lookupAccountSid: () => 'S-1-5-21-1' },
    hostBinary: null,
    logRoot,
    accounting: new HostedAccounting(new AccountingReader({ underWine: true }), processes),
    audit: (r) => audits.push(r),
    emit: (event, payload) => void events.push({ event, payload }),
    changed: () => {},
    logicalProcessors: 2,
    connect: () => net.connect(socket),
    followMs: 20,
    retryMs: 50,
  });
  services.push(hosted);
  const connections: net.Socket[] = [];
  const serve = () =>
    new Promise<void>((resolve) => {
      const server = net.createServer((client) => {
        connections.push(client);
        client.write(`${JSON.stringify(status)}\n`);
        client.on('data', (d) => {
          received.push(d.toString());
          client.write('{"type":"reply","command":"restart-program","ok":true}\n');
        });
      });
      servers.push(server);
      server.listen(socket, resolve);
    });
  /** The host's process ends: its pipe and every connection on it go. */
  const end = async () => {
    for (const c of connections.splice(0)) c.destroy();
    for (const server of servers.splice(0)) await new Promise((r) => server.close(r));
  };
  return { hosted, received, events, audits, serve, end, logRoot };
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('HostedServices', () => {
  it('restarts the program over the pipe only after the confirmation, and audits it', async () => {
    const { hosted, received, audits, serve } = setup();
    await serve();
    await expect(hosted.restartProgram('web', answeringDesktop(false))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(received).toEqual([]);
    const desktop = answeringDesktop(true);
    await expect(hosted.restartProgram('WEB', desktop)).resolves.toEqual({});
    expect(desktop.prompts[0]).toMatchObject({ title: 'Restart program', destructive: true });
    expect(received).toEqual(['{"command":"restart-program"}\n']);
    expect(audits).toEqual([{ action: 'service.restartProgram', target: { service: 'web' }, outcome: 'ok', message: 'The host restarts the program.' }]);
  });

  it('says the host is not running when there is no pipe, and audits the failure', async () => {
    const { hosted, audits } = setup();
    await expect(hosted.restartProgram('web', answeringDesktop(true))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/not running/) });
    expect(audits[0]).toMatchObject({ action: 'service.restartProgram', outcome: 'refused' });
  });

  it('refuses services the host does not run', async () => {
    const { hosted } = setup();
    expect(() => hosted.watch('plain')).toThrow(/not run by the console's service host/);
    await expect(hosted.restartProgram('plain', answeringDesktop(true))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(hosted.restartProgram('nope', answeringDesktop(true))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pushes status and new log lines while watched, and stops when unwatched', async () => {
    const { hosted, events, serve, logRoot } = setup();
    fs.mkdirSync(path.join(logRoot, 'web'), { recursive: true });
    fs.writeFileSync(path.join(logRoot, 'web', 'output.log'), 'old\n');
    hosted.watch('web');
    await waitFor(() => events.some((e) => e.event === 'services:hostedStatus'));
    expect(events[0]?.payload).toMatchObject({ name: 'web', status: null, unavailable: expect.stringMatching(/not running/) });
    await serve();
    await waitFor(() => events.some((e) => e.event === 'services:hostedStatus' && (e.payload as { status: unknown }).status !== null));
    fs.appendFileSync(path.join(logRoot, 'web', 'output.log'), 'new line\n');
    await waitFor(() => events.some((e) => e.event === 'services:hostedLog'));
    expect(events.find((e) => e.event === 'services:hostedLog')?.payload).toEqual({ name: 'web', stream: 'output', text: 'new line\n', skippedBytes: 0 });
    hosted.unwatch('web');
    const count = events.length;
    fs.appendFileSync(path.join(logRoot, 'web', 'output.log'), 'after\n');
    await new Promise((r) => setTimeout(r, 100));
    expect(events.length).toBe(count);
  });

  it('opens the log folder it derives from the name, and says when there is none yet', async () => {
    const { hosted, logRoot } = setup();
    const opened: string[] = [];
    const desktop = { ...answeringDesktop(true), openFolder: async (f: string) => void opened.push(f) };
    await expect(hosted.openLogFolder('web', desktop)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/creates it the first time/) });
    fs.mkdirSync(path.join(logRoot, 'web'), { recursive: true });
    await expect(hosted.openLogFolder('web', desktop)).resolves.toEqual({ path: path.join(logRoot, 'web') });
    expect(opened).toEqual([path.join(logRoot, 'web')]);
  });

  it("pushes the job figures Wine leaves 0 as unknown, with why, and the host's ending in words", async () => {
    const job = { activeProcesses: 1, totalProcesses: 1, userTimeMs: 0, kernelTimeMs: 0, peakProcessMemoryBytes: 0, peakJobMemoryBytes: 0 };
    const { hosted, events, serve } = setup(contractStatus({ job }));
    await serve();
    hosted.watch('web');
    await waitFor(() => events.some((e) => e.event === 'services:hostedStatus' && (e.payload as { status: unknown }).status !== null));
    const push = events.find((e) => e.event === 'services:hostedStatus')?.payload as HostedStatusChangedValue;
    expect(HostedStatusChanged.parse(push)).toEqual(push);
    expect(push.status?.job).toEqual({ activeProcesses: 1, totalProcesses: 1, userTimeMs: null, kernelTimeMs: null, peakProcessMemoryBytes: null, peakJobMemoryBytes: null });
    expect(push.unreported).toEqual({
      userTimeMs: 'Wine does not report job CPU times',
      kernelTimeMs: 'Wine does not report job CPU times',
      peakProcessMemoryBytes: 'Wine does not report job peak memory',
      peakJobMemoryBytes: 'Wine does not report job peak memory',
    });
  });

  it('says the host ended, with the SCM state, when its pipe goes after it answered', async () => {
    const { hosted, events, serve, end } = setup();
    await serve();
    hosted.watch('web');
    await waitFor(() => events.some((e) => e.event === 'services:hostedStatus' && (e.payload as { status: unknown }).status !== null));
    await end();
    const said = () => events.map((e) => (e.payload as HostedStatusChangedValue).unavailable).filter((u): u is string => typeof u === 'string');
    // The fake SCM reports 'web' stopped, asked when the pipe went.
    await waitFor(() => said().includes('The service host has ended (the service is stopped).'));
    expect(said().filter((u) => /EPIPE|ECONNRESET|ENOENT|pipe failed|not running/.test(u))).toEqual([]);
  });
});

/** Hosted services named `names`, each host a fake pipe of its own that can send more statuses and end. */
function hosts(names: readonly string[], options: { keptHistories?: number } = {}, status: Parameters<typeof contractStatus>[0] = {}) {
  /** The process table's latest tick, by PID (empty: the members not seen yet). */
  const table = new Map<number, ProcessRowValue>();
  const scm = new FakeScm();
  for (const n of names) scm.add(n, {}, { binaryPath: hostCommandLine('C:\\ProgramData\\Admin Console\\service-host\\1-a\\service-host.exe', n) });
  const collector = new ServiceCollector(scm);
  const refresh = () => {
    collector.poll(Date.now());
    while (collector.configsPending()) collector.readUnread(Date.now());
  };
  refresh();
  const prefix = path.join(dir, `h-${Math.random().toString(36).slice(2)}`);
  const socketOf = (pipe: string) => `${prefix}-${pipe.slice(pipe.lastIndexOf('-') + 1)}`;
  const connects: string[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const hosted = new HostedServices({
    manager: scm,
    collector,
    registry: { read: () => null, write: () => {} },
    folders: { prepareLogFolder: () => {}, lookupAccountSid: () => 'S-1-5-21-1' },
    hostBinary: null,
    logRoot: path.join(prefix, 'logs'),
    accounting: new HostedAccounting(new AccountingReader({ underWine: true }), { findByPid: (pid) => table.get(pid) }),
    audit: () => {},
    emit: (event, payload) => void events.push({ event, payload }),
    changed: () => {},
    logicalProcessors: 2,
    ...options,
    connect: (pipe) => {
      connects.push(pipe);
      return net.connect(socketOf(pipe));
    },
    followMs: 20,
    retryMs: 50,
  });
  services.push(hosted);
  /** The clients connected to each host now (the console's side of the pipe). */
  const clients = new Map<string, Set<net.Socket>>();
  const serve = (name: string) =>
    new Promise<void>((resolve) => {
      const open = new Set<net.Socket>();
      clients.set(name, open);
      const server = net.createServer((client) => {
        open.add(client);
        client.on('close', () => open.delete(client));
        client.write(`${JSON.stringify(contractStatus({ service: name, ...status }))}\n`);
      });
      servers.push(server);
      server.listen(socketOf(hostedPipePath(name)), resolve);
    });
  /** The host sends a status (something in it changed). */
  const send = (name: string, over: Parameters<typeof contractStatus>[0]) => {
    for (const c of clients.get(name) ?? []) c.write(`${JSON.stringify(contractStatus({ service: name, ...over }))}\n`);
  };
  const connected = (name: string) => clients.get(name)?.size ?? 0;
  /** The host's process ends: its pipe and every connection on it go. */
  const end = async (name: string) => {
    for (const c of clients.get(name) ?? []) c.destroy();
    for (const server of servers.splice(0)) await new Promise((r) => server.close(r));
  };
  const statuses = (name: string) => events.filter((e) => e.event === 'services:hostedStatus' && (e.payload as HostedStatusChangedValue).name === name).map((e) => e.payload as HostedStatusChangedValue);
  return { scm, refresh, hosted, events, connects, serve, send, end, connected, statuses, table };
}

/** Timers and pipe handles alive in this process (node's own list): what the console could leak. */
const liveHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'PipeWrap' || r === 'TCPWrap').length;

describe("HostedServices: the charts' history kept in main", () => {
  it('goes on recording a kept service after its details close, pushing nothing, and sends the latest status again when they open', async () => {
    const { hosted, serve, send, connected, connects, statuses } = hosts(['web']);
    await serve('web');
    hosted.watch('web');
    await waitFor(() => statuses('web').some((s) => s.status !== null));
    hosted.unwatch('web');
    const pushed = statuses('web').length;
    send('web', { restarts: 3 });
    send('web', { restarts: 3, state: 'backoff' });
    await waitFor(() => hosted.history('web').points.length === 3);
    expect(hosted.history('web').points.map((p) => p.restarts)).toEqual([2, 3, 3]);
    // Lines that come together (often within a millisecond) are each a point of their own, in order.
    const times = hosted.history('web').points.map((p) => p.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(3);
    expect(statuses('web')).toHaveLength(pushed);
    expect(connected('web')).toBe(1);
    // Opened again: the same connection, and its latest status at once (the host repeats nothing).
    hosted.watch('web');
    expect(statuses('web')).toHaveLength(pushed + 1);
    expect(statuses('web').at(-1)?.status).toMatchObject({ restarts: 3, state: 'backoff' });
    expect(connects).toHaveLength(1);
    expect(hosted.openConnections).toBe(1);
  });

  it('judges the job figures of the status it sends again against the latest tick (Wine leaves them 0)', async () => {
    const job = { activeProcesses: 1, totalProcesses: 1, userTimeMs: 0, kernelTimeMs: 0, peakProcessMemoryBytes: 0, peakJobMemoryBytes: 0 };
    const { hosted, serve, statuses, table } = hosts(['web'], {}, { job });
    await serve('web');
    hosted.watch('web');
    await waitFor(() => statuses('web').some((s) => s.status !== null));
    // The members not in the process table yet: nothing proves the zeros wrong.
    expect(statuses('web').at(-1)?.status?.job?.userTimeMs).toBe(0);
    hosted.unwatch('web');
    table.set(5678, { pid: 5678, cpuPercent: 12, workingSetBytes: 50 << 20, userTimeMs: 900, kernelTimeMs: 100 } as ProcessRowValue);
    hosted.watch('web');
    const again = statuses('web').at(-1);
    expect(again?.status?.job?.userTimeMs).toBeNull();
    expect(again?.unreported.userTimeMs).toBe('Wine does not report job CPU times');
  });

  it('records the host going away as a gap, then its figures again when it is back', async () => {
    const { hosted, serve, end, statuses } = hosts(['web']);
    await serve('web');
    hosted.watch('web');
    await waitFor(() => statuses('web').some((s) => s.status !== null));
    hosted.unwatch('web');
    await end('web');
    await waitFor(() => hosted.history('web').points.some((p) => p.restarts === null));
    await serve('web');
    await waitFor(() => (hosted.history('web').points.at(-1)?.restarts ?? null) !== null);
    const points = hosted.history('web').points;
    expect(points.map((p) => p.restarts)).toEqual([2, null, 2]);
    expect(points[1]).toMatchObject({ activeProcesses: null, limitHits: null, cpuPercent: null });
  });

  it('lets go of the pipe of a service that falls out of the last 4 opened, and of one deleted', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const { hosted, serve, connected, statuses, scm, refresh } = hosts(names);
    for (const n of names) await serve(n);
    for (const n of names.slice(0, 4)) {
      hosted.watch(n);
      await waitFor(() => statuses(n).length > 0);
      hosted.unwatch(n);
    }
    expect(names.map(connected)).toEqual([1, 1, 1, 1, 0]);
    hosted.watch('e');
    await waitFor(() => connected('a') === 0);
    expect(hosted.history('a')).toEqual({ points: [], events: [] });
    expect(hosted.openConnections).toBe(4);
    // Still viewed when it falls out: its pipe stays until the details close, then goes with no history kept.
    hosted.watch('b');
    await waitFor(() => statuses('b').length > 1);
    hosted.unwatch('e');
    expect(hosted.openConnections).toBe(4);

    scm.remove('c');
    refresh();
    hosted.dropDeleted();
    await waitFor(() => connected('c') === 0);
    expect(hosted.openConnections).toBe(3);
    expect(() => hosted.history('c')).toThrow(/no service named 'c'/);
  });

  it('closes every pipe, retry and log timer when the console quits', async () => {
    // What earlier tests closed goes on a later turn: count from a quiet start.
    await new Promise((r) => setTimeout(r, 100));
    const before = liveHandles();
    const { hosted, serve, connected, connects, statuses } = hosts(['web', 'api']);
    await serve('api');
    // 'web' has no host: its client tries again every 50 ms.
    hosted.watch('web');
    hosted.watch('api');
    await waitFor(() => statuses('api').some((s) => s.status !== null) && statuses('web').length > 0);
    hosted.unwatch('api');
    expect(liveHandles()).toBeGreaterThan(before);
    hosted.stop();
    await waitFor(() => connected('api') === 0);
    const tries = connects.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(connects).toHaveLength(tries);
    expect(hosted.openConnections).toBe(0);
    // The fake host's listening pipe is still there (closed after the test): count it out.
    await waitFor(() => liveHandles() - servers.length <= before);
  });
});
