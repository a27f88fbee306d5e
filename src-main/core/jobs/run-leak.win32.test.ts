// The Run dialog's engine against the real Win32 layer, many times over, on both ends of a run's life: half
// the commands end by themselves, half are cancelled while a grandchild they left behind still holds the
// output pipe. Afterwards no handle is open, no run is live, and no process any run started is alive.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { handleLedger } from '../../win32/handles';
import { win32JobSystem } from '../../win32/jobs';
import { readProcessSnapshot } from '../../win32/processes';
import { quoteArgument } from '../../win32/processes/launch';
import { testChildExe } from '../../win32/processes/test-children';
import { answeringDesktop } from '../desktop/test-desktop';
import { silentLogger } from '../logger';
import { JobTemplateStore } from './job-templates';
import { RunHistoryStore } from './run-history';
import { RunManager } from './run-manager';
import type { RunSummaryValue } from '../../../src-preload/contract/job-schemas';

const RUNS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(`${RUNS} runs through the Run engine, half cancelled with a grandchild holding the pipe: nothing leaks`, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'run-leak-'));
  const ended = new Map<string, RunSummaryValue>();
  const grandchildren: number[] = [];
  const runs = new RunManager(
    win32JobSystem,
    await JobTemplateStore.open(path.join(folder, 'job-templates.json'), silentLogger, 2),
    await RunHistoryStore.open(path.join(folder, 'runs'), silentLogger, { maxRuns: 20 }),
    (event, payload) => {
      if (event === 'run:changed' && (payload as RunSummaryValue).state !== 'running') ended.set((payload as RunSummaryValue).id, payload as RunSummaryValue);
      if (event === 'run:output') {
        const match = /grandchild (\d+)/.exec((payload as { text: string }).text);
        if (match) grandchildren.push(Number(match[1]));
      }
    },
    () => {},
    { logicalProcessors: 2 },
  );
  const desktop = answeringDesktop(true);
  const child = (...args: string[]) => [testChildExe(), ...args].map(quoteArgument).join(' ');
  const ledgerBefore = handleLedger.openCount();
  try {
    for (let i = 0; i < RUNS; i++) {
      const lingering = i % 2 === 1;
      const run = await runs.start({ commandLine: lingering ? child('linger', '60') : child('print', `run ${i}`, '', '0'), workingDirectory: null, environment: [], timeoutSeconds: 60, template: null }, desktop);
      if (lingering) {
        const deadline = Date.now() + 10_000;
        while (grandchildren.length < (i + 1) / 2 && Date.now() < deadline) await sleep(20);
        runs.cancel(run.id);
      }
      const deadline = Date.now() + 15_000;
      while (!ended.has(run.id) && Date.now() < deadline) await sleep(20);
      assert.ok(ended.has(run.id), `run ${i} ended`);
      assert.equal(ended.get(run.id)!.state, lingering ? 'cancelled' : 'exited', `run ${i}: ${JSON.stringify(ended.get(run.id))}`);
    }
    assert.equal(runs.running(), 0);
    assert.equal(grandchildren.length, RUNS / 2, 'every lingering run reported its grandchild');
    // Kill on close ended every grandchild with its run's job.
    const deadline = Date.now() + 5000;
    let alive = grandchildren;
    while (Date.now() < deadline) {
      const pids = new Set(readProcessSnapshot().processes.map((p) => p.pid));
      alive = grandchildren.filter((pid) => pids.has(pid));
      if (alive.length === 0) break;
      await sleep(100);
    }
    assert.deepEqual(alive, [], 'no grandchild outlived its run');
    await runs.idle();
    assert.equal(handleLedger.openCount(), ledgerBefore, 'every handle the runs opened was closed');
    assert.ok(runs.history().runs.length <= 20, 'the history keeps its count cap');
  } finally {
    await runs.stopAll();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
