// The core end to end against the real Win32 layer (Wine's on Linux): requests through the same dispatcher
// Electron and the host use, samples pushed through the event sink, settings persisted in the data folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { PerformanceSample, Settings, SystemInfo } from '../../src-preload/contract/schemas';
import { createDispatcher } from '../ipc/dispatch';
import { handleLedger } from '../win32/handles';
import { win32SystemProbe } from '../win32/system';
import { win32ProcessControl, win32ProcessSource } from '../win32/processes';
import { win32ServiceManager } from '../win32/services';
import { win32JobSystem } from '../win32/jobs';
import { endTestChildren, eventually, startTestChild, waitForExit } from '../win32/processes/test-children';
import { readProcessSnapshot } from '../win32/processes';
import type { CallContext } from '../ipc/dispatch';
import { ProcessDelta, ProcessSnapshot } from '../../src-preload/contract/schemas';
import { createConsoleCore, type ConsoleCore } from './console-core';
import { silentLogger } from './logger';
import { win32AuditPorts } from '../win32/audit-ports';
import { win32HostedFolders, win32HostedRegistry } from '../win32/services/hosted-ports';

let dataFolder: string;
let core: ConsoleCore | undefined;
const events: { event: string; payload: unknown }[] = [];

beforeEach(() => {
  dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'core-'));
  events.length = 0;
});
afterEach(async () => {
  endTestChildren();
  await core?.stop();
  core = undefined;
  fs.rmSync(dataFolder, { recursive: true, force: true });
  assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
});

async function startCore(): Promise<ConsoleCore> {
  core = await createConsoleCore({
    dataFolder,
    // Hosted services are tested in core/hosted/hosted-core.win32.test.ts; here they have no host binary.
    hosted: { registry: win32HostedRegistry, folders: win32HostedFolders, hostBinary: null, logRoot: path.join(dataFolder, 'services') },
    system: win32SystemProbe,
    processes: { source: win32ProcessSource, control: win32ProcessControl },
    services: win32ServiceManager,
    jobs: win32JobSystem,
    consolePids: new Set([process.pid]),
    audit: win32AuditPorts,
    logger: silentLogger,
    emit: (event, payload) => void events.push({ event, payload }),
  });
  return core;
}

/** The entries of logs/audit.log, oldest first. */
function readAudit(): { action: string; account: string; target: Record<string, unknown>; before?: unknown; after?: unknown; outcome: string }[] {
  return fs
    .readFileSync(path.join(dataFolder, 'logs', 'audit.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ReturnType<typeof readAudit>[number]);
}

/** A desktop that answers every confirmation with `answer` and records the prompts. */
function desktopAnswering(answer: boolean): CallContext & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    prompts,
    desktop: { confirm: async (p) => (prompts.push(`${p.title}: ${p.message}`), answer), copyText: async () => {}, saveText: async () => null, openFolder: async () => {} },
  };
}
const yes = desktopAnswering(true);

const waitFor = async (what: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('console core on Win32', () => {
  test('pushes live samples at the refresh interval, the first without a CPU rate', async () => {
    const c = await startCore();
    const dispatch = createDispatcher(c.handlers, silentLogger);
    const set = await dispatch('settings:setRefresh', { intervalMs: 500 }, yes);
    assert.ok(set.ok);
    assert.deepEqual((set.value as { refresh: unknown }).refresh, { intervalMs: 500, paused: false });
    await c.start();
    await waitFor(() => events.filter((e) => e.event === 'performance:changed').length >= 3, 10_000);
    const samples = events.filter((e) => e.event === 'performance:changed').map((e) => PerformanceSample.parse(e.payload));
    assert.equal(samples[0]!.cpuPercent, null, 'first sighting shows no CPU %');
    const later = samples.slice(1);
    for (const s of later) {
      assert.equal(typeof s.cpuPercent, 'number');
      assert.equal(s.cpuPerCore.length, os.cpus().length);
      assert.ok(s.memory.availablePhysicalBytes <= s.memory.totalPhysicalBytes);
    }
    assert.ok(samples[2]!.time - samples[1]!.time >= 400, 'ticks follow the 0.5 s interval');
    const history = await dispatch('performance:getHistory', {}, yes);
    assert.ok(history.ok && (history.value as { samples: unknown[] }).samples.length >= 3);
  });

  test('system:getInfo answers from the real machine within the contract', async () => {
    const c = await startCore();
    const info = await createDispatcher(c.handlers, silentLogger)('system:getInfo', {}, yes);
    assert.ok(info.ok);
    const value = SystemInfo.parse(info.value);
    assert.equal(value.logicalProcessors, os.cpus().length);
    assert.equal(value.dataFolder, dataFolder);
    if (process.env.ADMIN_CONSOLE_RIG === 'wine') assert.match(value.wineVersion ?? '', /^\d+\.\d+/);
  });

  test('pausing stops the samples; the setting survives a restart of the core', async () => {
    const c = await startCore();
    const dispatch = createDispatcher(c.handlers, silentLogger);
    await dispatch('settings:setRefresh', { intervalMs: 500 }, yes);
    assert.deepEqual(
      readAudit().map((e) => [e.action, e.before, e.after, e.outcome]),
      [['settings.refresh', { intervalMs: 1000, paused: false }, { intervalMs: 500, paused: false }, 'ok']],
      'a settings change is on the record with before and after',
    );
    await c.start();
    await dispatch('settings:setRefresh', { paused: true }, yes);
    const count = events.filter((e) => e.event === 'performance:changed').length;
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(events.filter((e) => e.event === 'performance:changed').length, count, 'no samples while paused');
    assert.ok(events.some((e) => e.event === 'settings:changed' && Settings.parse(e.payload).refresh.paused));
    await c.stop();

    const again = await startCore();
    const settings = await createDispatcher(again.handlers, silentLogger)('settings:get', {}, yes);
    assert.ok(settings.ok);
    assert.deepEqual((settings.value as { refresh: unknown }).refresh, { intervalMs: 500, paused: true });
  });
});

describe('processes through the core on Win32', () => {
  test('a spawned process arrives in a delta with its command line, and terminating it needs the confirmation', async () => {
    const c = await startCore();
    const dispatch = createDispatcher(c.handlers, silentLogger);
    await dispatch('settings:setRefresh', { intervalMs: 500 }, yes);
    const marker = `core test ${Date.now()}`;
    const child = startTestChild(['sleep', '60', marker]);
    try {
      await c.start();
      let row: { pid: number; createTime: string; commandLine: string | null } | undefined;
      await waitFor(() => {
        for (const e of events.filter((x) => x.event === 'processes:changed')) {
          const delta = ProcessDelta.parse(e.payload);
          row ??= delta.added.find((r) => r.pid === child.pid);
        }
        return row !== undefined;
      }, 15_000);
      assert.ok(row!.commandLine?.includes(marker), `command line read from the process: ${row!.commandLine}`);
      const snapshot = await dispatch('processes:getSnapshot', {}, yes);
      assert.ok(snapshot.ok);
      assert.ok(ProcessSnapshot.parse(snapshot.value).processes.some((p) => p.pid === child.pid));

      const target = { pid: row!.pid, createTime: row!.createTime };
      const declined = desktopAnswering(false);
      assert.deepEqual(await dispatch('processes:terminate', { targets: [target] }, declined), {
        ok: false,
        error: { code: 'CANCELLED', message: 'Terminate processes: cancelled; nothing was changed.' },
      });
      assert.equal(waitForExit(child.process, 300), false, 'still running after the admin declined');

      const stale = await dispatch('processes:terminate', { targets: [{ ...target, createTime: '1' }] }, yes);
      assert.ok(stale.ok && (stale.value as { results: { ok: boolean; error?: { code: string } }[] }).results[0]!.error?.code === 'CONFLICT');

      const done = await dispatch('processes:terminate', { targets: [target] }, yes);
      assert.ok(done.ok, JSON.stringify(done));
      assert.deepEqual((done.value as { results: unknown[] }).results, [{ ...target, name: 'test-child.exe', ok: true }]);
      assert.ok(waitForExit(child.process, 5000), 'terminated');
      assert.ok(yes.prompts.some((p) => p.startsWith('Terminate processes')));

      // Each attempt is on the record: declined, refused (the stale creation time), done; with the account.
      const audit = readAudit().filter((e) => e.action === 'process.terminate');
      assert.deepEqual(
        audit.map((e) => [e.target, e.outcome]),
        [
          [{ ...target, name: 'test-child.exe' }, 'declined'],
          [{ ...target, createTime: '1', name: '' }, 'refused'],
          [{ ...target, name: 'test-child.exe' }, 'ok'],
        ],
      );
      assert.ok(audit.every((e) => /\\/.test(e.account)), `DOMAIN\\user: ${audit[0]?.account}`);
    } finally {
      endTestChildren();
    }
  });
});

describe('terminate tree through the core on Win32', () => {
  test('ends a freshly started tree, including children the table has not shown yet', async () => {
    const c = await startCore();
    const dispatch = createDispatcher(c.handlers, silentLogger);
    await dispatch('settings:setRefresh', { intervalMs: 500 }, yes);
    await c.start();
    const folder = fs.mkdtempSync(path.join(dataFolder, 'tree-'));
    const root = startTestChild(['tree', '2', '2', folder]);
    const pids = () => fs.readdirSync(folder).map(Number);
    assert.ok(await eventually(() => pids().length === 7, 10_000), `1 + 2 + 4 processes started (${pids().length})`);
    // Only the root has to be in the table (it is what the admin right-clicks); its descendants need not be.
    const rootRow = () => events.filter((e) => e.event === 'processes:changed').flatMap((e) => ProcessDelta.parse(e.payload).added).find((r) => r.pid === root.pid);
    await waitFor(() => rootRow() !== undefined, 15_000);
    const rootCreateTime = rootRow()!.createTime;
    const result = await dispatch('processes:terminateTree', { targets: [{ pid: root.pid, createTime: rootCreateTime }] }, yes);
    assert.ok(result.ok, JSON.stringify(result));
    const results = (result.value as { results: { pid: number; ok: boolean }[] }).results;
    assert.equal(results.length, 7, `the whole tree was acted on: ${JSON.stringify(results)}`);
    assert.ok(results.every((r) => r.ok), JSON.stringify(results));
    assert.equal(results.at(-1)!.pid, root.pid, 'the root is ended last');
    assert.ok(waitForExit(root.process, 5000));
    assert.ok(await eventually(() => !readProcessSnapshot().processes.some((p) => pids().includes(p.pid)), 5000), 'every process of the tree is gone');
  });
});
