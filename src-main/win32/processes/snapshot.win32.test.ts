// The process snapshot against the real ntdll (Wine's on Linux): a process we start shows up as it
// is, our own CPU time advances, and steady state is one NtQuerySystemInformation call per snapshot.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { handleLedger } from '../handles';
import { getSystemIdentity } from '../system';
import { readCreateTime } from './details';
import { processSnapshotStats, readProcessSnapshot, resizeSnapshotBuffer } from './snapshot';
import { IDLE_PROCESS_NAME } from './snapshot-parse';
import { win32ProcessControl } from './control';
import { endTestChildren, startTestChild } from './test-children';
import { win32ProcessSource } from './index';

const underWine = () => getSystemIdentity().wineVersion !== null;

function burnCpu(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) Math.sqrt(Math.random());
}

describe('process snapshot', () => {
  afterEach(() => {
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('a process we start appears with its parent, name, creation time and session', () => {
    const child = startTestChild(['sleep']);
    const processes = win32ProcessSource.snapshot();
    const seen = processes.find((p) => p.pid === child.pid);
    const self = processes.find((p) => p.pid === process.pid);
    assert.ok(seen, `PID ${child.pid} is listed`);
    assert.ok(self, 'this process is listed');
    assert.equal(seen.parentPid, process.pid, 'parent is the test process');
    assert.equal(seen.name.toLowerCase(), 'test-child.exe');
    assert.equal(seen.createTime, readCreateTime(child.process), 'creation time agrees with GetProcessTimes on our handle');
    assert.ok(seen.createTime >= self.createTime, 'started after us');
    assert.equal(seen.sessionId, self.sessionId);
    assert.ok(seen.threadCount >= 1);
    assert.ok(seen.workingSetBytes > 0, 'some memory is resident');
    assert.ok(Number.isSafeInteger(seen.pagefileBytes) && Number.isSafeInteger(seen.privateBytes));
    assert.equal(new Set(processes.map((p) => p.pid)).size, processes.length, 'no PID twice');
  });

  test('PID 0, where listed, is the System Idle Process', (t) => {
    const idle = win32ProcessSource.snapshot().find((p) => p.pid === 0);
    if (!idle) return t.skip('this system lists no PID 0 (Wine 8 lists only its own processes)');
    assert.equal(idle.name, IDLE_PROCESS_NAME);
  });

  test("our own user time advances while we burn CPU", () => {
    const own = () => readProcessSnapshot().processes.find((p) => p.pid === process.pid)!;
    const before = own();
    burnCpu(200);
    const after = own();
    assert.ok(after.userTime + after.kernelTime > before.userTime + before.kernelTime, `${before.userTime} -> ${after.userTime}`);
    assert.equal(after.createTime, before.createTime);
  });

  test('steady state is one call per snapshot; a buffer too small grows once and is kept', () => {
    readProcessSnapshot();
    const calls = processSnapshotStats.calls;
    for (let i = 0; i < 5; i++) readProcessSnapshot();
    assert.equal(processSnapshotStats.calls - calls, 5, 'one NtQuerySystemInformation per snapshot');

    const expected = readProcessSnapshot().processes.length;
    resizeSnapshotBuffer(1024);
    const before = processSnapshotStats.calls;
    const grown = readProcessSnapshot();
    assert.equal(processSnapshotStats.calls - before, 2, 'STATUS_INFO_LENGTH_MISMATCH, then the call that fits');
    assert.ok(Math.abs(grown.processes.length - expected) <= 2, 'the same processes');
    assert.ok(processSnapshotStats.bufferBytes >= processSnapshotStats.lastReturnedBytes * 1.25, 'grown with headroom');
    const after = processSnapshotStats.calls;
    readProcessSnapshot();
    assert.equal(processSnapshotStats.calls - after, 1, 'the grown buffer is reused');
  });

  test('private bytes are reported (Windows)', (t) => {
    if (underWine()) return t.skip('Wine 8 reports private bytes, page faults and I/O counters as 0 (README, "What Wine proves and what waits for Windows")');
    const self = readProcessSnapshot().processes.find((p) => p.pid === process.pid)!;
    assert.ok(self.privateBytes > 1024 * 1024, `node has over 1 MB private (${self.privateBytes})`);
    assert.ok(self.ioReadBytes + self.ioOtherBytes > 0, 'node has done some I/O');
  });

  test('the RS3+ extension: sequence numbers and job ids (Windows 10 1709+)', (t) => {
    const { extensions } = readProcessSnapshot();
    if (underWine()) {
      assert.equal(extensions, null, 'not looked for under Wine');
      return t.skip('Wine appends no SYSTEM_PROCESS_INFORMATION_EXTENSION');
    }
    const { build } = getSystemIdentity().windowsVersion;
    if (build < 16299) return t.skip(`Windows build ${build} predates RS3`);
    assert.ok(extensions, 'looked for on RS3+');
    const child = startTestChild(['sleep']);
    const { processes, extensions: ext } = readProcessSnapshot();
    const at = (pid: number) => ext![processes.findIndex((p) => p.pid === pid)];
    const mine = at(process.pid);
    const its = at(child.pid);
    assert.ok(mine && its, 'both entries carry the extension');
    assert.ok(its.sequenceNumber > mine.sequenceNumber, 'a later process has a later sequence number');
  });

  test('the process source carries the extension onto each process only where Windows gives one', (t) => {
    if (underWine()) {
      const processes = win32ProcessSource.snapshot();
      assert.ok(processes.length > 0);
      assert.equal(processes.filter((p) => 'extension' in p).length, 0, 'absent under Wine');
      return t.skip('Wine appends no extension: what lands on a process is proven on synthetic buffers (snapshot-parse.test.ts)');
    }
    const { build } = getSystemIdentity().windowsVersion;
    if (build < 16299) return t.skip(`Windows build ${build} predates RS3`);
    const child = startTestChild(['sleep']);
    const now = win32ProcessSource.snapshot();
    // node --test runs us in libuv's kill-on-close job, so our own process has a job id.
    const mine = now.find((p) => p.pid === process.pid);
    assert.ok(mine?.extension, 'our process carries the extension');
    assert.ok(mine.extension.jobObjectId > 0, "we are in node --test's job");
    assert.ok(now.find((p) => p.pid === child.pid)?.extension, 'a process we started carries it too');
  });

  test('thread states: Wine leaves them empty, Windows fills them in', () => {
    const own = readProcessSnapshot().processes.find((p) => p.pid === process.pid)!;
    // The thread taking the snapshot is Running on Windows; Wine 8 writes no ThreadState or WaitReason.
    assert.equal(own.threadStateSeen, !underWine());
    if (underWine()) assert.equal(own.suspendedThreads, 0);
  });

  test('a suspended process has every thread suspended; resumed, none (Windows)', (t) => {
    if (underWine()) return t.skip('Wine 8 leaves SYSTEM_THREAD_INFORMATION.ThreadState and WaitReason at 0, so the console shows Suspended as unknown there (README, "What Wine proves and what waits for Windows")');
    const child = startTestChild(['sleep']);
    const now = () => readProcessSnapshot().processes.find((p) => p.pid === child.pid)!;
    const suspended = (p: { suspendedThreads: number; threadCount: number }) => p.threadCount > 0 && p.suspendedThreads === p.threadCount;
    assert.equal(suspended(now()), false, 'running: its thread waits, but not with reason Suspended');
    const [suspend] = win32ProcessControl.act([child], { kind: 'suspend' });
    assert.ok(suspend?.ok, JSON.stringify(suspend));
    assert.equal(suspended(now()), true, 'every thread waits with reason Suspended');
    const [resume] = win32ProcessControl.act([child], { kind: 'resume' });
    assert.ok(resume?.ok, JSON.stringify(resume));
    assert.equal(suspended(now()), false, 'resumed');
  });

  test('a process started suspended (CREATE_SUSPENDED) shows every thread suspended (Windows)', (t) => {
    if (underWine()) return t.skip('Wine 8 leaves thread states empty (see above)');
    const child = startTestChild(['sleep'], { neverResumed: true });
    const seen = readProcessSnapshot().processes.find((p) => p.pid === child.pid)!;
    assert.ok(seen.threadCount > 0);
    assert.equal(seen.suspendedThreads, seen.threadCount);
  });
});
