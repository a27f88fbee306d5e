// Jobs and the Run dialog end to end against the real Win32 layer (Wine's on Linux): requests through the
// same dispatcher Electron and the host use, a real job with a real tree of test-child processes, the
// completion port's messages on the timeline, and a run whose timeout kills a grandchild.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { JobsChanged, RunSummary, type JobLimitsFormValue, type RunOutputChunkValue } from '../../../src-preload/contract/job-schemas';
import { createDispatcher, type CallContext } from '../../ipc/dispatch';
import { handleLedger } from '../../win32/handles';
import { win32JobSystem } from '../../win32/jobs';
import { readProcessSnapshot, win32ProcessControl, win32ProcessSource } from '../../win32/processes';
import { quoteArgument } from '../../win32/processes/launch';
import { testChildExe } from '../../win32/processes/test-children';
import { win32ServiceManager } from '../../win32/services';
import { win32SystemProbe } from '../../win32/system';
import { createConsoleCore, type ConsoleCore } from '../console-core';
import { answeringDesktop } from '../desktop/test-desktop';
import { silentLogger } from '../logger';
import { win32AuditPorts } from '../../win32/audit-ports';
import { win32HostedFolders, win32HostedRegistry } from '../../win32/services/hosted-ports';

let dataFolder: string;
let core: ConsoleCore | undefined;
const events: { event: string; payload: unknown }[] = [];

beforeEach(() => {
  dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'core-jobs-'));
  events.length = 0;
});
afterEach(async () => {
  await core?.stop();
  core = undefined;
  fs.rmSync(dataFolder, { recursive: true, force: true });
  assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
});

const yes: CallContext = { desktop: answeringDesktop(true) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => readProcessSnapshot().processes.some((p) => p.pid === pid);
const child = (...args: string[]) => [testChildExe(), ...args].map(quoteArgument).join(' ');

async function until<T>(what: () => T | undefined | false, ms: number, message: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${message}`);
    await sleep(50);
  }
}

async function startCore() {
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
  const dispatch = createDispatcher(core.handlers, silentLogger);
  await dispatch('settings:setRefresh', { intervalMs: 500 }, yes);
  await core.start();
  return dispatch;
}

const killOnClose: JobLimitsFormValue = {
  processMemoryBytes: null,
  jobMemoryBytes: null,
  activeProcesses: null,
  processUserTimeMs: null,
  jobUserTimeMs: null,
  cpuRate: null,
  affinity: null,
  priorityClass: null,
  schedulingClass: null,
  workingSet: null,
  killOnJobClose: true,
  dieOnUnhandledException: false,
  breakawayOk: false,
  silentBreakawayOk: false,
  uiRestrictions: [],
};

describe('jobs through the core on Win32', () => {
  test('create, launch a tree into it, see members and port events, terminate, close', async () => {
    const dispatch = await startCore();
    const name = `CoreTest ${process.pid}`;
    assert.ok((await dispatch('jobs:create', { name, template: null, limits: killOnClose }, yes)).ok);
    const treeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tree-'));
    const launched = await dispatch('jobs:launch', { job: name, commandLine: child('tree', '1', '2', treeDir), workingDirectory: null }, yes);
    assert.ok(launched.ok, JSON.stringify(launched));
    const rootPid = (launched.value as { pid: number }).pid;

    const row = await until(
      () => {
        for (const e of events.filter((x) => x.event === 'jobs:changed').reverse()) {
          const job = JobsChanged.parse(e.payload).jobs.find((j) => j.name === name);
          if (job && job.members.length >= 3) return job;
        }
        return undefined;
      },
      15_000,
      'three members (a root and two children)',
    );
    assert.ok(row.members.some((m) => m.pid === rootPid));
    const kinds = events.filter((e) => e.event === 'jobs:changed').flatMap((e) => JobsChanged.parse(e.payload).events.filter((x) => x.job === name).map((x) => x.kind));
    assert.ok(kinds.includes('created') && kinds.includes('launched'), kinds.join(','));
    await until(() => events.filter((e) => e.event === 'jobs:changed').some((e) => JobsChanged.parse(e.payload).events.some((x) => x.job === name && x.kind === 'newProcess')), 10_000, 'NEW_PROCESS from the port');

    assert.ok((await dispatch('jobs:terminate', { job: name }, yes)).ok);
    await until(() => row.members.every((m) => !alive(m.pid)), 10_000, 'every member ended');
    await until(
      () => events.filter((e) => e.event === 'jobs:changed').some((e) => JobsChanged.parse(e.payload).events.some((x) => x.job === name && x.kind === 'activeProcessZero')),
      10_000,
      'ACTIVE_PROCESS_ZERO from the port',
    );
    assert.ok((await dispatch('jobs:close', { job: name }, yes)).ok);
    const audit = fs.readFileSync(path.join(dataFolder, 'logs', 'audit.log'), 'utf8');
    assert.match(audit, /"action":"job\.create"/);
    assert.match(audit, /"action":"job\.terminate"/);
    assert.match(audit, /"action":"job\.close"/);
    fs.rmSync(treeDir, { recursive: true, force: true });
  });

  test('the Run dialog: output streamed, exit code kept, and a timeout kills a grandchild holding the pipe', async () => {
    const dispatch = await startCore();
    const printed = await dispatch('run:start', { commandLine: child('print', 'hello out', 'hello err', '7'), workingDirectory: null, environment: [], timeoutSeconds: 30, template: null }, yes);
    assert.ok(printed.ok, JSON.stringify(printed));
    const id = RunSummary.parse(printed.value).id;
    const done = await until(
      () => events.filter((e) => e.event === 'run:changed').map((e) => RunSummary.parse(e.payload)).find((r) => r.id === id && r.state !== 'running'),
      15_000,
      'the run ends',
    );
    assert.equal(done.state, 'exited');
    assert.equal(done.exitCode, 7);
    const chunks = events.filter((e) => e.event === 'run:output').map((e) => e.payload as RunOutputChunkValue).filter((c) => c.runId === id);
    assert.equal(chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''), 'hello out');
    assert.equal(chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''), 'hello err');

    const lingering = await dispatch('run:start', { commandLine: child('linger', '120'), workingDirectory: null, environment: [], timeoutSeconds: 2, template: null }, yes);
    assert.ok(lingering.ok);
    const lingerId = RunSummary.parse(lingering.value).id;
    const grandchild = await until(
      () => {
        const text = events.filter((e) => e.event === 'run:output').map((e) => e.payload as RunOutputChunkValue).filter((c) => c.runId === lingerId).map((c) => c.text).join('');
        const match = /grandchild (\d+)/.exec(text);
        return match ? Number(match[1]) : undefined;
      },
      10_000,
      'the grandchild reports its PID',
    );
    assert.ok(alive(grandchild), 'the grandchild outlives its parent and holds the pipe');
    const timedOut = await until(
      () => events.filter((e) => e.event === 'run:changed').map((e) => RunSummary.parse(e.payload)).find((r) => r.id === lingerId && r.state !== 'running'),
      15_000,
      'the run times out',
    );
    assert.equal(timedOut.state, 'timedOut');
    await until(() => !alive(grandchild), 5000, 'the timeout killed the grandchild');
    const output = await dispatch('run:getOutput', { id: lingerId }, yes);
    assert.ok(output.ok);
    assert.match(JSON.stringify(output.value), /grandchild/);
    const history = await dispatch('run:getHistory', {}, yes);
    assert.ok(history.ok);
    assert.deepEqual((history.value as { runs: { id: string }[] }).runs.slice(0, 2).map((r) => r.id), [lingerId, id]);
  });
});
