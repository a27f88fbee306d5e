// Commands in a job with their output on pipes the console owns (Wine's kernel on Linux): output read
// back exactly, the exit code, a grandchild holding the pipes until the job ends, only the three
// listed handles inherited, the environment and working folder as given, every handle closed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import { OwnedHandle, closeEach, handleLedger } from '../handles';
import { ERROR_BROKEN_PIPE, HANDLE_FLAG_INHERIT, kernel32 } from '../kernel32';
import { endTestChildren, eventually } from '../processes/test-children';
import { win32JobSystem as jobs } from './index';
import { noLimits } from './limit-encode';
import { endTestJobs, isAlive, readToEnd, testChild, testJob, track } from './test-jobs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-console-piped-'));

describe('piped commands in a job', () => {
  afterEach(() => {
    endTestJobs();
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle and pipe opened was closed');
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('stdout and stderr come back byte for byte, with the exit code', async () => {
    const job = testJob('print');
    const text = 'héllo 🙂 "quoted" \\ back';
    const p = track(jobs.launchPiped(job, testChild('print', `out: ${text}\n`, `err: ${text}`, '3')));
    assert.ok(p.pid > 0);
    const { stdout, stderr, exitCode } = await readToEnd(p);
    assert.equal(stdout.toString('utf8'), `out: ${text}\n`);
    assert.equal(stderr.toString('utf8'), `err: ${text}`);
    assert.equal(exitCode, 3);
    // Closed and drained: null from now on, also after close().
    assert.equal(p.readStdout(), null);
    p.close();
    p.close();
    assert.equal(p.readStderr(), null);
    assert.equal(p.exitCode(), 3, 'the exit code is kept after close');
  });

  test('a large output (3 MiB, many times the pipe buffer) arrives whole and in order', async () => {
    const job = testJob('flood');
    const size = 3 * 1024 * 1024 + 7;
    const p = track(jobs.launchPiped(job, testChild('flood', String(size))));
    const { stdout, stderr, exitCode } = await readToEnd(p, 30_000);
    assert.equal(stdout.length, size);
    assert.equal(stderr.length, 0);
    assert.equal(exitCode, 0);
    const pattern = '0123456789abcdef';
    assert.equal(stdout.subarray(0, 32).toString(), pattern + pattern);
    assert.equal(stdout.subarray(size - 7).toString(), pattern.slice((size - 7) % 16, ((size - 7) % 16) + 7));
  });

  test('a grandchild that inherited the pipes keeps them open after the child exits, until the job ends', async () => {
    const job = testJob('linger');
    jobs.setLimits(job, { ...noLimits(), killOnJobClose: true });
    const p = track(jobs.launchPiped(job, testChild('linger', '30')));
    let text = '';
    assert.ok(
      await eventually(() => {
        text += p.readStdout()?.toString() ?? '';
        return p.exitCode() !== null;
      }),
    );
    text += p.readStdout()?.toString() ?? '';
    assert.equal(p.exitCode(), 0, 'the child itself has ended');
    const match = /^grandchild (\d+)\n$/.exec(text);
    assert.ok(match, `the child named its grandchild: ${JSON.stringify(text)}`);
    const grandchild = Number(match[1]);
    assert.deepEqual(jobs.memberPids(job), [grandchild]);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(p.readStdout(), Buffer.alloc(0), 'still open (not null): the grandchild holds it');
    assert.deepEqual(p.readStderr(), Buffer.alloc(0));
    jobs.terminate(job, 1);
    assert.ok(await eventually(() => p.readStdout() === null && p.readStderr() === null), 'closed once the job ended');
    assert.equal(isAlive(grandchild), false);
  });

  test('only the three listed handles are inherited (PROC_THREAD_ATTRIBUTE_HANDLE_LIST), even with bInheritHandles TRUE', async () => {
    const k32 = kernel32();
    // An inheritable pipe of ours, NOT in the list: if the child got a copy, its read end stays open.
    const read: [bigint | null] = [null];
    const write: [bigint | null] = [null];
    assert.ok(k32.CreatePipe(read, write, null, 0));
    const readEnd = OwnedHandle.adopt('pipe', read[0], 'CreatePipe');
    const writeEnd = OwnedHandle.adopt('pipe', write[0], 'CreatePipe');
    try {
      assert.ok(k32.SetHandleInformation(writeEnd.value, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT));
      const job = testJob('handle-list');
      const p = track(jobs.launchPiped(job, testChild('sleep', '30')));
      assert.ok(await eventually(() => jobs.memberPids(job).includes(p.pid)));
      writeEnd.close();
      const available: [number] = [0];
      assert.equal(k32.PeekNamedPipe(readEnd.value, null, 0, null, available, null), 0, 'our stray pipe has no writer left');
      assert.equal(k32.GetLastError(), ERROR_BROKEN_PIPE);
      assert.deepEqual(p.readStdout(), Buffer.alloc(0), 'while its own stdout is open');
    } finally {
      closeEach([readEnd, writeEnd]);
    }
  });

  test('stdin is at its end from the start; the working folder and environment additions are the ones given', async (t) => {
    const cmd = path.win32.join(process.env.SystemRoot ?? 'C:\\windows', 'system32', 'cmd.exe');
    if (!fs.existsSync(cmd)) return t.skip(`no ${cmd} here`);
    const job = testJob('environment');
    const folder = fs.mkdtempSync(path.join(scratch, 'work folder '));
    const pathName = Object.keys(process.env).find((n) => n.toUpperCase() === 'PATH') ?? 'PATH';
    const p = track(
      jobs.launchPiped(job, {
        // `set /p` reads a line from stdin: it would wait forever on a pipe that still had a writer.
        commandLine: `"${cmd}" /d /c "cd & set /p LINE= & set"`,
        workingDirectory: folder,
        environment: [
          // cmd writes in the console code page, so the value stays ASCII.
          { name: 'AdminConsole_Added', value: 'x = y; z' },
          { name: pathName.toLowerCase(), value: 'C:\\only-this' },
        ],
      }),
    );
    const { stdout, exitCode } = await readToEnd(p);
    assert.equal(exitCode, 0, 'set /p met the end of stdin at once');
    const lines = stdout.toString('utf8').split(/\r?\n/).filter(Boolean);
    assert.equal(lines[0]?.toLowerCase(), folder.toLowerCase(), 'cd prints the working folder');
    assert.ok(lines.includes('AdminConsole_Added=x = y; z'), lines.join(' | '));
    const paths = lines.filter((l) => l.toUpperCase().startsWith('PATH='));
    assert.deepEqual(paths, [`${pathName.toLowerCase()}=C:\\only-this`], 'the addition replaced PATH (any case), once');
    // The rest of the console's environment is passed on.
    const inherited = Object.entries(process.env).find(([n, v]) => /^[A-Za-z0-9_]+$/.test(n) && v && !/[^\x20-\x7e]/.test(v) && n.toUpperCase() !== 'PATH');
    assert.ok(inherited, 'the test process has some plain variable');
    assert.ok(lines.some((l) => l.toUpperCase() === `${inherited[0]}=${inherited[1]}`.toUpperCase()), `${inherited[0]} was passed on`);
  });

  test('a program that does not exist: the error names it, and no pipe stays open', () => {
    const job = testJob('missing');
    assert.throws(
      () => jobs.launchPiped(job, { commandLine: 'no-such-program-4711.exe', workingDirectory: null, environment: [] }),
      (err: Error & { code?: string }) => err.code === 'WIN32' && err.message.startsWith('CreateProcessW(no-such-program-4711.exe) failed'),
    );
    assert.equal(handleLedger.openCount('pipe'), 0);
  });

  test('an environment addition that cannot be in a block is BAD_REQUEST, before anything is opened', () => {
    const job = testJob('bad-env');
    assert.throws(
      () => jobs.launchPiped(job, { ...testChild('sleep'), environment: [{ name: 'A=B', value: '1' }] }),
      (err: Error & { code?: string }) => err.code === 'BAD_REQUEST',
    );
    assert.equal(handleLedger.openCount('pipe'), 0);
  });
});
