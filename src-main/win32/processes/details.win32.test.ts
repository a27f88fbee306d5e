// Details read once per process: image path, command line (PEB route under Wine), user and job,
// for a process we start with an awkward command line, and graceful answers where nothing can be read.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { afterEach, describe, test } from 'node:test';
import { handleLedger, openProcess } from '../handles';
import { PROCESS_QUERY_LIMITED_INFORMATION, PROCESS_VM_READ } from '../kernel32';
import { getSystemIdentity } from '../system';
import { commandLineClassSupported, readCommandLine } from './command-line';
import { readProcessDetails } from './details';
import { endTestChildren, eventually, startTestChild, testChildExe } from './test-children';
import { readProcessSnapshot } from './snapshot';

const underWine = () => getSystemIdentity().wineVersion !== null;
const sameText = (a: string | null, b: string) => assert.equal(a?.toLowerCase(), b.toLowerCase());

/** Arguments that a naive quoting would break: spaces, embedded quotes, a trailing backslash. */
const AWKWARD = ['sleep', 'two words', 'say "hi"', 'C:\\dir with space\\', 'ünïcode ✓'];

describe('process details', () => {
  afterEach(() => {
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('a process we start: image path, exact command line, our user, job membership', () => {
    const child = startTestChild(AWKWARD);
    const details = readProcessDetails(child.pid, child.createTime);
    assert.equal(details.error, null, `no field failed (${details.error})`);
    sameText(details.imagePath, testChildExe());
    assert.equal(details.commandLine, child.commandLine, 'the command line exactly as CreateProcessW received it');
    assert.ok(details.commandLine?.includes('"say \\"hi\\""'), 'embedded quotes survive');
    const own = readProcessDetails(process.pid, readProcessSnapshot().processes.find((p) => p.pid === process.pid)!.createTime);
    assert.match(details.user ?? '', /^[^\\]+\\[^\\]+$/, 'DOMAIN\\user');
    assert.equal(details.user, own.user, 'runs as we do');
    if (process.env.USERNAME) assert.equal(details.user?.split('\\')[1]?.toLowerCase(), process.env.USERNAME.toLowerCase());
    // node --test runs this file in a child process, so we sit in libuv's job; that job allows silent
    // breakaway, so our CreateProcessW child is in none. A CI runner's own job (Windows) may differ.
    assert.equal(own.inJob, true, "this test process is in node --test's libuv job");
    if (underWine()) assert.equal(details.inJob, false, 'the child broke away silently');
    else assert.equal(typeof details.inJob, 'boolean');
    assert.equal(own.error, null);
    sameText(own.imagePath, process.execPath);
  });

  test("node's child_process children are in libuv's job", async () => {
    const child = spawn(testChildExe(), ['sleep'], { stdio: 'ignore' });
    try {
      const pid = child.pid;
      assert.ok(pid, 'spawned');
      await eventually(() => readProcessSnapshot().processes.some((p) => p.pid === pid));
      const seen = readProcessSnapshot().processes.find((p) => p.pid === pid);
      assert.ok(seen);
      // node does not wait for the child to run: it may be caught before its parameters are written.
      let details = readProcessDetails(pid, seen.createTime);
      await eventually(() => !(details = readProcessDetails(pid, seen.createTime)).incomplete);
      assert.equal(details.incomplete, false);
      assert.equal(details.error, null, 'being caught starting is never an error');
      assert.equal(details.inJob, true);
      assert.deepEqual(details.commandLine?.split(' ').slice(-1), ['sleep']);
    } finally {
      child.kill();
    }
  });

  test('the command line: ProcessCommandLineInformation where it exists, the PEB otherwise, the same text', (t) => {
    const child = startTestChild(AWKWARD);
    const handle = openProcess(child.pid, PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ);
    try {
      assert.equal(readCommandLine(handle), child.commandLine);
      if (underWine()) {
        assert.equal(commandLineClassSupported(handle), false, 'Wine 8 answers STATUS_INVALID_INFO_CLASS, so the PEB route ran');
        return t.skip('Wine has no ProcessCommandLineInformation: only the PEB route is proven here');
      }
      assert.equal(commandLineClassSupported(handle), true, 'Windows 8.1+ answers ProcessCommandLineInformation');
    } finally {
      handle.close();
    }
  });

  test('a command line near the 32767-character limit reads whole (Windows: past the reused 64 KB buffer)', (t) => {
    // Leave room for the image path and quoting: CreateProcessW takes at most 32767 characters with the NUL.
    const prefix = [testChildExe(), 'sleep'].join(' ').length + 4;
    const child = startTestChild(['sleep', 'x'.repeat(32766 - prefix)]);
    assert.ok(child.commandLine.length * 2 + 16 > 60 * 1024, 'close to the limit');
    const handle = openProcess(child.pid, PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ);
    try {
      assert.equal(readCommandLine(handle), child.commandLine);
      if (underWine()) return t.skip('Wine reads it from the PEB: the grown ProcessCommandLineInformation buffer is proven on Windows only');
      assert.equal(commandLineClassSupported(handle), true);
    } finally {
      handle.close();
    }
  });

  test('a process that has not run yet (created suspended) already has its full command line', () => {
    // The parameters are written during creation, under Wine too; only a process caught inside
    // CreateProcess itself reads as STILL_STARTING (seen under Wine with node's spawn), never as ''.
    const child = startTestChild(AWKWARD, { neverResumed: true });
    const details = readProcessDetails(child.pid, child.createTime);
    assert.equal(details.error, null);
    assert.equal(details.commandLine, child.commandLine);
    sameText(details.imagePath, testChildExe());
  });

  test('a fully read process is not incomplete', () => {
    const child = startTestChild(['sleep']);
    const details = readProcessDetails(child.pid, child.createTime);
    assert.equal(details.incomplete, false);
    assert.equal(details.commandLine, child.commandLine);
  });

  test('a stale creation time reads nothing and says why', () => {
    const child = startTestChild(['sleep']);
    const details = readProcessDetails(child.pid, child.createTime - 1n);
    assert.deepEqual(
      { ...details, error: null },
      { imagePath: null, commandLine: null, user: null, inJob: null, breakOnTermination: null, error: null, incomplete: false },
    );
    assert.match(details.error ?? '', /PID reused/);
  });

  test('PID 0, PID 4 and a PID that is gone degrade to nulls with a reason, never a throw', () => {
    for (const pid of [0, 4, 0x7fff_fffc]) {
      const details = readProcessDetails(pid, 0n);
      if (details.error === null) {
        // Only System (PID 4) on Windows can be read at all; Wine has no such process.
        assert.equal(pid, 4, `PID ${pid} cannot be opened`);
        continue;
      }
      assert.match(details.error, /\(error \d+\)|NTSTATUS/, `PID ${pid}: the Win32 code is in the reason (${details.error})`);
    }
    const zero = readProcessDetails(0, 0n);
    assert.deepEqual([zero.imagePath, zero.commandLine, zero.user, zero.inJob, zero.breakOnTermination], [null, null, null, null, null]);
  });

  test('the critical flag (ProcessBreakOnTermination): Wine does not know the class, so null and no error', (t) => {
    const child = startTestChild(['sleep']);
    const details = readProcessDetails(child.pid, child.createTime);
    assert.equal(details.error, null, 'an unreadable critical flag is never an error');
    if (!underWine()) return t.skip('Windows: covered by "an ordinary process is not critical, a critical one never reads false"');
    // Wine 8's NtQueryInformationProcess answers STATUS_INVALID_INFO_CLASS for class 29.
    assert.equal(details.breakOnTermination, null);
  });

  test('an ordinary process is not critical, a critical one never reads false (Windows)', (t) => {
    if (underWine()) return t.skip('Wine has no ProcessBreakOnTermination (STATUS_INVALID_INFO_CLASS) and no critical processes');
    const child = startTestChild(['sleep']);
    assert.equal(readProcessDetails(child.pid, child.createTime).breakOnTermination, false, 'our own test child is not critical');
    // wininit.exe is critical on every Windows since Vista. It may be protected (PPL), and a limited
    // handle may not be allowed to read the class: then null, but a critical process must never read false.
    const wininit = readProcessSnapshot().processes.find((p) => p.name.toLowerCase() === 'wininit.exe');
    assert.ok(wininit, 'wininit.exe is listed');
    assert.notEqual(readProcessDetails(wininit.pid, wininit.createTime).breakOnTermination, false, 'wininit.exe is critical');
  });
});
