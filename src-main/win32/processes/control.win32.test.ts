// Acting on processes we start: suspend/resume seen through a ticking counter, affinity and priority
// read back, terminate and terminate-tree seen ending, and the identity checks that refuse stale or
// gone targets, with every handle closed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import type { AppError } from '../../core/app-error';
import type { ActionOutcome, ProcessTarget } from '../../core/processes/process-source';
import { handleLedger, openProcess } from '../handles';
import { PROCESS_QUERY_LIMITED_INFORMATION, STILL_ACTIVE, kernel32 } from '../kernel32';
import { getSystemIdentity } from '../system';
import { PRIORITY_CLASS_VALUES, systemAffinityMask, win32ProcessControl } from './control';
import { readProcessSnapshot } from './snapshot';
import { endTestChildren, eventually, exitCodeOf, readTicks, startTestChild, waitForExit } from './test-children';

const underWine = () => getSystemIdentity().wineVersion !== null;
const act = win32ProcessControl.act;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-console-control-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorOf(outcome: ActionOutcome | undefined): AppError {
  assert.ok(outcome && !outcome.ok, `expected a refusal, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

function assertOk(outcomes: ActionOutcome[]): void {
  for (const o of outcomes) assert.ok(o.ok, o.ok ? '' : `${o.error.code}: ${o.error.message}`);
}

function readBack<T>(pid: number, read: (handle: bigint) => T): T {
  const handle = openProcess(pid, PROCESS_QUERY_LIMITED_INFORMATION);
  try {
    return read(handle.value);
  } finally {
    handle.close();
  }
}

describe('process control', () => {
  afterEach(() => {
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('suspend stops a ticking process; resume restarts it', async () => {
    const file = path.join(scratch, 'ticks.txt');
    const child = startTestChild(['tick', file]);
    assert.ok(await eventually(() => readTicks(file) > 3), 'it ticks');
    assertOk(act([child], { kind: 'suspend' }));
    await sleep(60); // a write already under way may land
    const frozen = readTicks(file);
    await sleep(300);
    assert.equal(readTicks(file), frozen, 'no progress while suspended');
    assertOk(act([child], { kind: 'resume' }));
    assert.ok(await eventually(() => readTicks(file) > frozen + 3), 'progress again after resume');
  });

  test('affinity takes effect; a mask beyond this machine is refused with BAD_REQUEST', () => {
    const child = startTestChild(['sleep']);
    const systemMask = systemAffinityMask();
    const lowest = systemMask & -systemMask;
    assertOk(act([child], { kind: 'setAffinity', mask: lowest }));
    const masks = readBack(child.pid, (h) => {
      const processMask: [bigint | number] = [0];
      const system: [bigint | number] = [0];
      assert.ok(kernel32().GetProcessAffinityMask(h, processMask, system));
      return { process: BigInt(processMask[0]), system: BigInt(system[0]) };
    });
    assert.deepEqual(masks, { process: lowest, system: systemMask });

    const beyond = act([child, child], { kind: 'setAffinity', mask: systemMask + 1n + systemMask });
    assert.equal(beyond.length, 2, 'one outcome per target');
    for (const o of beyond) assert.equal(errorOf(o).code, 'BAD_REQUEST');
    assert.equal(errorOf(act([child], { kind: 'setAffinity', mask: 0n })[0]).code, 'BAD_REQUEST');
  });

  test('the priority class is stored and read back (Wine does not schedule by it)', () => {
    const child = startTestChild(['sleep']);
    for (const priorityClass of ['high', 'belowNormal', 'idle', 'aboveNormal', 'normal'] as const) {
      assertOk(act([child], { kind: 'setPriority', priorityClass }));
      assert.equal(
        readBack(child.pid, (h) => kernel32().GetPriorityClass(h)),
        PRIORITY_CLASS_VALUES[priorityClass],
        priorityClass,
      );
    }
  });

  test('the priority class changes the base priority the snapshot reports (Windows)', (t) => {
    if (underWine()) return t.skip('Wine stores the priority class but does not schedule by it, and reports the class index (2 normal, 3 high) as BasePriority instead of 8/13');
    const child = startTestChild(['sleep']);
    assertOk(act([child], { kind: 'setPriority', priorityClass: 'high' }));
    assert.equal(readProcessSnapshot().processes.find((p) => p.pid === child.pid)?.basePriority, 13);
  });

  test('terminate ends the process with the exit code given', () => {
    const child = startTestChild(['sleep']);
    assertOk(act([child], { kind: 'terminate', exitCode: 7 }));
    assert.ok(waitForExit(child.process, 5000), 'it ended');
    assert.equal(exitCodeOf(child.process), 7);
  });

  test('terminating a tree, descendants first, ends children and grandchildren', async () => {
    const folder = fs.mkdtempSync(path.join(scratch, 'tree-'));
    const root = startTestChild(['tree', '2', '2', folder]);
    const pids = () => fs.readdirSync(folder).map(Number);
    assert.ok(await eventually(() => pids().length === 7), `1 + 2 + 4 processes started (${pids().length})`);
    const all = readProcessSnapshot().processes;
    const tree = all.filter((p) => pids().includes(p.pid));
    assert.equal(tree.length, 7, 'all listed');
    const children = tree.filter((p) => p.parentPid === root.pid);
    const grandchildren = tree.filter((p) => children.some((c) => c.pid === p.parentPid));
    assert.equal(children.length, 2);
    assert.equal(grandchildren.length, 4);
    const order: ProcessTarget[] = [...grandchildren, ...children, root].map((p) => ({ pid: p.pid, createTime: p.createTime }));
    assertOk(act(order, { kind: 'terminate', exitCode: 1 }));
    assert.ok(waitForExit(root.process, 5000));
    assert.ok(
      await eventually(() => !readProcessSnapshot().processes.some((p) => order.some((o) => o.pid === p.pid && o.createTime === p.createTime))),
      'every process of the tree is gone',
    );
  });

  test('a stale creation time is refused with CONFLICT and the process is left alone', () => {
    const child = startTestChild(['sleep']);
    const [outcome] = act([{ pid: child.pid, createTime: child.createTime + 1n }], { kind: 'terminate', exitCode: 1 });
    const error = errorOf(outcome);
    assert.equal(error.code, 'CONFLICT');
    assert.match(error.message, /process has exited \/ PID reused/);
    assert.match(error.message, /test-child\.exe/i);
    assert.equal(waitForExit(child.process, 100), false, 'still running');
    assert.equal(exitCodeOf(child.process), STILL_ACTIVE);
  });

  test('a process that has exited is NOT_FOUND, per target and in order', () => {
    const gone = startTestChild(['sleep']);
    const alive = startTestChild(['sleep']);
    assertOk(act([gone], { kind: 'terminate', exitCode: 3 }));
    assert.ok(waitForExit(gone.process, 5000));
    // We still hold its handle, so the PID is pinned, yet the process has left the list.
    const outcomes = act([gone, alive, gone], { kind: 'suspend' });
    assert.equal(outcomes.length, 3);
    const first = errorOf(outcomes[0]);
    assert.equal(first.code, 'NOT_FOUND');
    assert.equal(first.message, `process ${gone.pid} has exited`);
    assert.ok(outcomes[1]?.ok, 'the live target in between is acted on');
    assert.equal(errorOf(outcomes[2]).code, 'NOT_FOUND');
    assertOk(act([alive], { kind: 'resume' }));
  });

  test('a PID that names no process at all is NOT_FOUND', () => {
    const [outcome] = act([{ pid: 0x7fff_fffc, createTime: 1n }], { kind: 'terminate', exitCode: 1 });
    assert.equal(errorOf(outcome).code, 'NOT_FOUND');
  });

  test('access denied names the process (Windows)', (t) => {
    if (underWine()) return t.skip('Wine has no access control: every open succeeds, so ACCESS_DENIED cannot happen here');
    // System (PID 4) cannot be terminated even by an elevated administrator.
    const system = readProcessSnapshot().processes.find((p) => p.pid === 4);
    assert.ok(system, 'System is listed');
    const error = errorOf(act([system], { kind: 'terminate', exitCode: 1 })[0]);
    assert.equal(error.code, 'ACCESS_DENIED');
    assert.equal(error.win32Code, 5);
    assert.match(error.message, /System \(PID 4\)/);
  });
});
