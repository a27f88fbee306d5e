/**
 * Test support for the jobs *.win32.test.ts suites (not product code): jobs with names unique to the run,
 * closed and emptied after each test, and small helpers to read a piped command to its end.
 */
import type { JobObject, LaunchOptions, PipedProcess } from '../../core/jobs/job-system';
import type { OwnedHandle } from '../handles';
import { closeQuietly, openProcess } from '../handles';
import { PROCESS_QUERY_INFORMATION, PROCESS_TERMINATE, SYNCHRONIZE, kernel32 } from '../kernel32';
import { quoteArgument } from '../processes/launch';
import { readProcessSnapshot } from '../processes/snapshot';
import { testChildExe } from '../processes/test-children';
import { win32JobSystem as jobs } from './index';
import { asWin32Job } from './job-objects';

const made: JobObject[] = [];
const piped: PipedProcess[] = [];
let counter = 0;

/** A job name no other run or test uses. */
export function uniqueJobName(label: string): string {
  return `AdminConsoleTest.${label}.${process.pid}.${++counter}`;
}

/** Creates a job for this test; endTestJobs() terminates and closes it. */
export function testJob(label: string): JobObject {
  const job = jobs.create(uniqueJobName(label));
  made.push(job);
  return job;
}

/** Remembers a piped command so endTestJobs() closes it. */
export function track(process: PipedProcess): PipedProcess {
  piped.push(process);
  return process;
}

/** The command line for test-child.exe with `args`. */
export function testChildCommand(...args: string[]): string {
  return [testChildExe(), ...args].map(quoteArgument).join(' ');
}

/** LaunchOptions for test-child.exe with `args`. */
export function testChild(...args: string[]): LaunchOptions {
  return { commandLine: testChildCommand(...args), workingDirectory: null, environment: [] };
}

/** Terminates every test job (so nothing outlives a test) and closes it, and every piped command. */
export function endTestJobs(): void {
  for (const p of piped.splice(0)) p.close();
  for (const job of made.splice(0)) {
    try {
      jobs.terminate(job, 1);
    } catch {
      // Already closed by the test.
    }
    job.close();
  }
}

/** Everything a piped command wrote, once both pipes are closed and drained, and its exit code. */
export async function readToEnd(process: PipedProcess, ms = 10_000): Promise<{ stdout: Buffer; stderr: Buffer; exitCode: number | null }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outOpen = true;
  let errOpen = true;
  const end = Date.now() + ms;
  while ((outOpen || errOpen || process.exitCode() === null) && Date.now() < end) {
    if (outOpen) {
      const chunk = process.readStdout();
      if (chunk === null) outOpen = false;
      else out.push(chunk);
    }
    if (errOpen) {
      const chunk = process.readStderr();
      if (chunk === null) errOpen = false;
      else err.push(chunk);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  if (outOpen || errOpen) throw new Error(`the pipes of ${process.pid} were still open after ${ms} ms`);
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), exitCode: process.exitCode() };
}

/** Whether (pid, createTime) still names a live process. */
export function isAlive(pid: number, createTime?: bigint): boolean {
  return readProcessSnapshot().processes.some((p) => p.pid === pid && (createTime === undefined || p.createTime === createTime));
}

/** IsProcessInJob for a PID and a job handle (through a process handle we open and close here). */
export function isInJob(pid: number, job: bigint | null): boolean {
  // Wine 8 answers 5 to a PROCESS_QUERY_LIMITED_INFORMATION handle here (details.ts).
  const handle = openProcess(pid, PROCESS_QUERY_INFORMATION);
  try {
    const result: [number] = [0];
    if (!kernel32().IsProcessInJob(handle.value, job, result)) throw new Error(`IsProcessInJob(${pid}) failed`);
    return result[0] !== 0;
  } finally {
    handle.close();
  }
}

/** Ends a process by PID if it is still there (a grandchild that broke away from its job). */
export function killPid(pid: number): void {
  let handle: OwnedHandle;
  try {
    handle = openProcess(pid, PROCESS_TERMINATE | SYNCHRONIZE);
  } catch {
    return;
  }
  kernel32().TerminateProcess(handle.value, 1);
  kernel32().WaitForSingleObject(handle.value, 2000);
  closeQuietly(handle);
}

/** The raw handle of a job, for IsProcessInJob. */
export function rawJobHandle(job: JobObject): bigint {
  return asWin32Job(job).value;
}
