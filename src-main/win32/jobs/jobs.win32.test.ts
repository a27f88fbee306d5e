// Job objects on the real kernel (Wine's on Linux): create and open by name, a suspended launch that
// lands in the job before it runs, adding a running process, terminate, kill on close with a grandchild,
// breakaway; every handle closed after each test.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import type { AppError } from '../../core/app-error';
import { handleLedger, openProcess } from '../handles';
import { PROCESS_QUERY_LIMITED_INFORMATION, SYNCHRONIZE } from '../kernel32';
import { createTimeOf, endTestChildren, eventually, exitCodeOf, startTestChild, testChildExe, waitForExit } from '../processes/test-children';
import { win32JobSystem as jobs } from './index';
import { noLimits } from './limit-encode';
import { endTestJobs, isAlive, isInJob, killPid, rawJobHandle, readToEnd, testChild, testJob, track, uniqueJobName } from './test-jobs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-console-jobs-'));

function refusal(action: () => unknown): AppError {
  try {
    action();
  } catch (err) {
    assert.ok(err instanceof Error && 'code' in err, `expected an AppError, got ${String(err)}`);
    return err as AppError;
  }
  assert.fail('expected the call to fail');
}

/** The PIDs a `tree` run wrote into its folder, once `count` processes have started. */
async function treePids(dir: string, count: number): Promise<number[]> {
  assert.ok(await eventually(() => fs.readdirSync(dir).length >= count, 10_000), `${count} tree processes started`);
  return fs.readdirSync(dir).map(Number).sort((a, b) => a - b);
}

describe('job objects', () => {
  afterEach(() => {
    endTestJobs();
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('create and open by name; a second create of the name is CONFLICT, a missing name NOT_FOUND', () => {
    const name = uniqueJobName('named');
    const job = jobs.create(name);
    assert.equal(job.name, name);
    assert.equal(handleLedger.openCount('job'), 1);

    const again = refusal(() => jobs.create(name));
    assert.equal(again.code, 'CONFLICT');
    assert.equal(again.win32Code, 183);
    assert.match(again.message, /already exists/);
    assert.equal(handleLedger.openCount('job'), 1, 'the handle CreateJobObjectW gave for the existing job was closed');

    const opened = jobs.open(name);
    assert.equal(opened.name, name);
    // Both handles name one job: a process launched through one is a member seen through the other.
    const launched = jobs.launch(opened, testChild('sleep', '30'));
    assert.deepEqual(jobs.memberPids(job), [launched.pid]);
    jobs.terminate(job, 1);
    opened.close();
    opened.close(); // idempotent
    job.close();
    assert.equal(handleLedger.openCount('job'), 0);

    const missing = refusal(() => jobs.open(uniqueJobName('missing')));
    assert.equal(missing.code, 'NOT_FOUND');
    assert.equal(missing.win32Code, 2);
  });

  test('a closed job refuses further use (CONFLICT), it does not reuse a stale handle', () => {
    const job = testJob('closed');
    job.close();
    assert.equal(refusal(() => jobs.memberPids(job)).code, 'CONFLICT');
  });

  test('a suspended launch lands in the job before it runs: IsProcessInJob is true on the first query', () => {
    const job = testJob('launch');
    const launched = jobs.launch(job, testChild('sleep', '30'));
    assert.ok(isInJob(launched.pid, rawJobHandle(job)), 'in the job on the first query');
    assert.deepEqual(jobs.memberPids(job), [launched.pid]);
    assert.equal(launched.createTime, createTimeOf(launched.pid), 'the creation time is the one the process snapshot shows');
    assert.equal(handleLedger.openCount('process') + handleLedger.openCount('thread'), 0, 'launch keeps no handle');
  });

  test('a failed launch names the program and closes everything', () => {
    const job = testJob('missing-program');
    const error = refusal(() => jobs.launch(job, { commandLine: '"C:\\no\\such\\program.exe" x', workingDirectory: null, environment: [] }));
    assert.equal(error.code, 'WIN32');
    assert.ok(error.win32Code === 2 || error.win32Code === 3, `file or path not found (got ${error.win32Code})`);
    assert.match(error.message, /^CreateProcessW\(C:\\no\\such\\program\.exe\) failed: /);
    assert.deepEqual(jobs.memberPids(job), []);
  });

  test('add a running process (started detached, outside any job); a stale creation time is CONFLICT, a gone one NOT_FOUND', () => {
    const job = testJob('assign');
    const child = startTestChild(['sleep', '30']);
    assert.equal(isInJob(child.pid, null), false, 'launchProcess children are in no job');
    assert.equal(refusal(() => jobs.assign(job, child.pid, child.createTime + 1n)).code, 'CONFLICT');
    jobs.assign(job, child.pid, child.createTime);
    assert.ok(isInJob(child.pid, rawJobHandle(job)));
    assert.deepEqual(jobs.memberPids(job), [child.pid]);

    const gone = startTestChild(['sleep', '30']);
    endTestChildren();
    assert.ok(await_exit(gone.pid));
    assert.equal(refusal(() => jobs.assign(job, gone.pid, gone.createTime)).code, 'NOT_FOUND');
  });

  test('a process in a job that cannot nest here (node child_process: libuv job) is ACCESS_DENIED, explained', async () => {
    const job = testJob('nesting');
    // A member first: a process in another job may join only an empty job (or one in its own job chain).
    jobs.launch(job, testChild('sleep', '30'));
    const child = spawn(testChildExe(), ['sleep', '30'], { stdio: 'ignore' });
    try {
      const pid = child.pid;
      assert.ok(pid, 'node started test-child');
      assert.ok(await eventually(() => isAlive(pid)), 'it runs');
      assert.equal(isInJob(pid, null), true, "node's children are in libuv's job");
      const error = refusal(() => jobs.assign(job, pid, createTimeOf(pid)));
      assert.equal(error.code, 'ACCESS_DENIED');
      assert.equal(error.win32Code, 5);
      assert.match(error.message, /already in a job that cannot be nested here \(e\.g\. a job without nesting support, or one that forbids breakaway\)/);
      assert.match(error.message, /test-child\.exe \(PID \d+\)/);
    } finally {
      child.kill();
    }
  });

  test('terminate ends every member with the exit code given', async () => {
    const job = testJob('terminate');
    const launched = jobs.launch(job, testChild('sleep', '30'));
    const watched = openProcess(launched.pid, SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION);
    try {
      jobs.terminate(job, 7);
      assert.ok(waitForExit(watched, 5000), 'the member ended');
      assert.equal(exitCodeOf(watched), 7);
    } finally {
      watched.close();
    }
    assert.ok(await eventually(() => jobs.memberPids(job).length === 0));
  });

  test('kill on job close ends a grandchild too', async () => {
    const job = jobs.create(uniqueJobName('kill-on-close'));
    jobs.setLimits(job, { ...noLimits(), killOnJobClose: true });
    const dir = fs.mkdtempSync(path.join(scratch, 'tree-'));
    const launched = jobs.launch(job, testChild('tree', '1', '1', dir));
    const pids = await treePids(dir, 2);
    assert.ok(pids.includes(launched.pid));
    assert.deepEqual([...jobs.memberPids(job)].sort((a, b) => a - b), pids, 'the grandchild was born in the job');
    const times = pids.map((pid) => createTimeOf(pid));
    job.close();
    assert.ok(await eventually(() => pids.every((pid, i) => !isAlive(pid, times[i]))), 'child and grandchild ended with the last handle');
  });

  test('without kill on close (limits cleared), members outlive the job handle', async () => {
    const job = jobs.create(uniqueJobName('no-kill'));
    jobs.setLimits(job, { ...noLimits(), killOnJobClose: true });
    jobs.setLimits(job, noLimits()); // writing the extended class again clears the flag
    const launched = jobs.launch(job, testChild('sleep', '30'));
    job.close();
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(isAlive(launched.pid, launched.createTime), 'still running');
    killPid(launched.pid);
  });

  test('silent breakaway: a member\'s children are born outside the job', async () => {
    const job = testJob('silent-breakaway');
    jobs.setLimits(job, { ...noLimits(), silentBreakawayOk: true });
    const dir = fs.mkdtempSync(path.join(scratch, 'tree-'));
    const launched = jobs.launch(job, testChild('tree', '1', '1', dir));
    const pids = await treePids(dir, 2);
    const grandchild = pids.find((p) => p !== launched.pid);
    assert.ok(grandchild);
    assert.deepEqual(jobs.memberPids(job), [launched.pid]);
    assert.equal(isInJob(grandchild, rawJobHandle(job)), false);
    jobs.terminate(job, 1);
    killPid(grandchild);
  });

  test('breakaway: CREATE_BREAKAWAY_FROM_JOB succeeds only where the job allows it (else error 5)', async () => {
    const allowed = testJob('breakaway-ok');
    jobs.setLimits(allowed, { ...noLimits(), breakawayOk: true, killOnJobClose: true });
    const out = (await readToEnd(track(jobs.launchPiped(allowed, testChild('breakaway', '30'))))).stdout.toString();
    const match = /^grandchild (\d+)\n$/.exec(out);
    assert.ok(match, `the grandchild broke away: ${JSON.stringify(out)}`);
    const grandchild = Number(match[1]);
    try {
      assert.equal(isInJob(grandchild, rawJobHandle(allowed)), false);
      assert.ok(isAlive(grandchild));
    } finally {
      killPid(grandchild);
    }

    const forbidden = testJob('breakaway-refused');
    jobs.setLimits(forbidden, { ...noLimits(), killOnJobClose: true });
    const refused = (await readToEnd(track(jobs.launchPiped(forbidden, testChild('breakaway', '30'))))).stdout.toString();
    assert.equal(refused, 'refused 5\n');
  });
});

/** Waits until `pid` is no longer listed. */
function await_exit(pid: number): boolean {
  const end = Date.now() + 5000;
  while (Date.now() < end) if (!isAlive(pid)) return true;
  return false;
}
