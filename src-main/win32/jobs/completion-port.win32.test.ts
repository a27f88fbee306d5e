// Job notifications through the console's one completion port, waited on with koffi's async mode
// (Wine's kernel on Linux): NEW_PROCESS / EXIT_PROCESS / ACTIVE_PROCESS_ZERO with the right PIDs, per
// job; a closed job's listener is dropped; a job opened again reports again; stopWatching ends the waiter.
import assert from 'node:assert/strict';
import { after, afterEach, describe, test } from 'node:test';
import type { JobMessage } from '../../core/jobs/job-system';
import { handleLedger } from '../handles';
import { endTestChildren, eventually } from '../processes/test-children';
import { getSystemIdentity } from '../system';
import { completionPortStats, win32JobSystem as jobs } from './index';
import { noLimits } from './limit-encode';
import { endTestJobs, readToEnd, testChild, testJob, track, uniqueJobName } from './test-jobs';

const underWine = () => getSystemIdentity().wineVersion !== null;

/** Collects a job's messages. */
function recorder(): { messages: JobMessage[]; listener: (m: JobMessage) => void; kinds: () => string[] } {
  const messages: JobMessage[] = [];
  return { messages, listener: (m) => messages.push(m), kinds: () => messages.map((m) => m.kind) };
}

describe('job notifications (completion port)', () => {
  afterEach(() => {
    endTestJobs();
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
    assert.equal(handleLedger.keptCount('completion-port'), 1, 'one completion port, kept for the life of the process');
  });
  after(async () => {
    await jobs.stopWatching();
  });

  test('NEW_PROCESS, EXIT_PROCESS and ACTIVE_PROCESS_ZERO arrive with the PID, on the JS thread, per job', async () => {
    const first = testJob('notify-1');
    const second = testJob('notify-2');
    const a = recorder();
    const b = recorder();
    jobs.watch(first, a.listener);
    jobs.watch(second, b.listener);
    const p = track(jobs.launchPiped(first, testChild('print', 'x', '', '0')));
    await readToEnd(p);
    assert.ok(await eventually(() => a.kinds().includes('activeProcessZero')), `messages: ${JSON.stringify(a.messages)}`);
    assert.deepEqual(a.messages, [
      { kind: 'newProcess', code: 6, pid: p.pid },
      { kind: 'exitProcess', code: 7, pid: p.pid },
      { kind: 'activeProcessZero', code: 4, pid: null },
    ]);
    assert.deepEqual(b.messages, [], 'the other job heard nothing');
    assert.ok(completionPortStats().running, 'the waiter runs while jobs are watched');
  });

  test('a grandchild born in the job is announced too', async () => {
    const job = testJob('notify-tree');
    const r = recorder();
    jobs.watch(job, r.listener);
    const p = track(jobs.launchPiped(job, testChild('linger', '30')));
    const text = (await eventually(() => p.exitCode() !== null)) ? (p.readStdout()?.toString() ?? '') : '';
    const grandchild = Number(/grandchild (\d+)/.exec(text)?.[1]);
    assert.ok(grandchild > 0, `the child named its grandchild: ${text}`);
    assert.ok(await eventually(() => r.messages.filter((m) => m.kind === 'newProcess').length === 2 && r.kinds().includes('exitProcess')));
    assert.deepEqual(
      r.messages.filter((m) => m.kind === 'newProcess').map((m) => m.pid),
      [p.pid, grandchild],
    );
    jobs.terminate(job, 1);
    // Wine 8 sends no EXIT_PROCESS for members TerminateJobObject ends (README, "What Wine proves and what waits for Windows"), only ACTIVE_PROCESS_ZERO.
    assert.ok(await eventually(() => r.kinds().includes('activeProcessZero')), JSON.stringify(r.messages));
  });

  test('a closed job is no longer delivered; opened again by name, it reports again under its old key', async () => {
    const name = uniqueJobName('reopen');
    const keeper = jobs.create(name); // a second handle keeps the job alive across the close
    const first = jobs.open(name);
    const before = recorder();
    jobs.watch(first, before.listener);
    first.close();
    const again = jobs.open(name);
    const after = recorder();
    // Windows (and Wine, with 87) refuse a second association; the old key is reused.
    jobs.watch(again, after.listener);
    try {
      const p = track(jobs.launchPiped(again, testChild('print', '', '', '0')));
      await readToEnd(p);
      assert.ok(await eventually(() => after.kinds().includes('activeProcessZero')), JSON.stringify(after.messages));
      assert.deepEqual(before.messages, [], 'the closed handle\'s listener heard nothing');
    } finally {
      again.close();
      keeper.close();
    }
  });

  test("a job that reports to another program's port refuses to be watched, saying why", async () => {
    const job = testJob('other-port');
    jobs.watch(job, () => {});
    const other = jobs.open(job.name);
    try {
      // The same job through a handle the console never watched: to the port layer, another program's.
      assert.throws(
        () => jobs.watch(other, () => {}),
        (err: Error & { win32Code?: number }) => err.win32Code === 87 && /already reports to another completion port/.test(err.message),
      );
    } finally {
      other.close();
    }
  });

  test('stopWatching ends the waiter within one wait; watching again starts it again', async () => {
    const job = testJob('stop');
    jobs.watch(job, () => {});
    const started = Date.now();
    await jobs.stopWatching();
    assert.ok(Date.now() - started < 1500, `ended in ${Date.now() - started} ms`);
    assert.equal(completionPortStats().running, false);
    const r = recorder();
    jobs.watch(job, r.listener);
    assert.equal(completionPortStats().running, true);
    await readToEnd(track(jobs.launchPiped(job, testChild('print', '', '', '0'))));
    assert.ok(await eventually(() => r.kinds().includes('activeProcessZero')));
  });

  test('abnormal exit is reported (ABNORMAL_EXIT_PROCESS)', async (t) => {
    if (underWine()) return t.skip('Wine 8 sends no ABNORMAL_EXIT_PROCESS message (README, "What Wine proves and what waits for Windows")');
    const job = testJob('abnormal');
    const r = recorder();
    jobs.watch(job, r.listener);
    // Exit code STATUS_ACCESS_VIOLATION (0xC0000005), as a crash leaves it.
    const p = track(jobs.launchPiped(job, testChild('print', '', '', String(0xc0000005 | 0))));
    await readToEnd(p);
    assert.ok(await eventually(() => r.kinds().includes('abnormalExitProcess')), JSON.stringify(r.messages));
    assert.equal(r.messages.find((m) => m.kind === 'abnormalExitProcess')?.pid, p.pid);
  });

  test('going over the per-process memory limit is reported (PROCESS_MEMORY_LIMIT)', async (t) => {
    if (underWine()) return t.skip('Wine 8 does not enforce job memory limits or send limit messages (README, "What Wine proves and what waits for Windows")');
    const job = testJob('memory');
    jobs.setLimits(job, { ...noLimits(), processMemoryBytes: 32 * 1024 * 1024 });
    const r = recorder();
    jobs.watch(job, r.listener);
    const p = track(jobs.launchPiped(job, testChild('alloc', String(256 * 1024 * 1024))));
    const { exitCode } = await readToEnd(p);
    assert.equal(exitCode, 8, 'the allocation over the limit failed');
    assert.ok(await eventually(() => r.kinds().includes('processMemoryLimit')), JSON.stringify(r.messages));
    assert.equal(r.messages.find((m) => m.kind === 'processMemoryLimit')?.pid, p.pid);
  });
});
