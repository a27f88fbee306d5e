/**
 * Test support for the *.win32.test.ts suites (not product code): starts native/test-child.exe with
 * CreateProcessW and makes sure nothing it started outlives the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OwnedHandle, openProcess } from '../handles';
import { PROCESS_TERMINATE, WAIT_OBJECT_0, kernel32 } from '../kernel32';
import { launchRetryingWineLoss } from '../test-wine-start';
import { CREATE_SUSPENDED, launchProcess, quoteArgument } from './launch';
import { readProcessSnapshot } from './snapshot';

/** test-child.exe as scripts/windows-suites.mjs built it (ADMIN_CONSOLE_NATIVE_DIR). */
export function testChildExe(): string {
  const dir = process.env.ADMIN_CONSOLE_NATIVE_DIR;
  if (!dir) throw new Error('ADMIN_CONSOLE_NATIVE_DIR must name the built native helpers (scripts/windows-suites.mjs sets it)');
  return path.win32.join(dir, 'test-child.exe');
}

/** A running test-child and our handle to it. */
export interface TestChild {
  pid: number;
  createTime: bigint;
  commandLine: string;
  process: OwnedHandle;
}

const running: TestChild[] = [];

/** The snapshot's creation time of `pid` (the identity the core uses); throws if it is not listed. */
export function createTimeOf(pid: number): bigint {
  const found = readProcessSnapshot().processes.find((p) => p.pid === pid);
  if (!found) throw new Error(`process ${pid} is not in the snapshot`);
  return found.createTime;
}

/**
 * Starts test-child.exe with `args` (quoted as CommandLineToArgvW reads them back) and waits until
 * its wmain runs (it signals an event named after its PID), so the loader is done and its process
 * parameters are in place. With `neverResumed` it is left suspended before its first instruction.
 */
export function startTestChild(args: readonly string[], { neverResumed = false } = {}): TestChild {
  const commandLine = [testChildExe(), ...args].map(quoteArgument).join(' ');
  const launched = launchRetryingWineLoss('test-child', () => launchProcess(commandLine, { flags: CREATE_SUSPENDED }));
  const child: TestChild = { pid: launched.pid, createTime: 0n, commandLine, process: launched.process };
  running.push(child);
  try {
    child.createTime = createTimeOf(child.pid);
    if (neverResumed) return child;
    const k32 = kernel32();
    const started = OwnedHandle.adopt('event', k32.CreateEventW(null, 1, 0, `Local\\admin-console-test-child-${child.pid}`), 'CreateEventW');
    try {
      if (k32.ResumeThread(launched.thread.value) === 0xffff_ffff) throw new Error('ResumeThread failed');
      if (k32.WaitForSingleObject(started.value, 10_000) !== WAIT_OBJECT_0) throw new Error(`test-child ${child.pid} did not start within 10 s`);
    } finally {
      started.close();
    }
    return child;
  } finally {
    launched.thread.close();
  }
}

/** Waits for a process we hold to end; true if it did within `ms`. */
export function waitForExit(process: OwnedHandle, ms: number): boolean {
  return kernel32().WaitForSingleObject(process.value, ms) === WAIT_OBJECT_0;
}

/** Exit code of a process we hold (259 = STILL_ACTIVE). */
export function exitCodeOf(process: OwnedHandle): number {
  const code: [number] = [0];
  if (!kernel32().GetExitCodeProcess(process.value, code)) throw new Error('GetExitCodeProcess failed');
  return code[0];
}

/** Polls `check` every 20 ms until it returns true or `ms` pass; returns its last answer. */
export async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

/** A counter file test-child's tick mode writes; NaN while it is being created. */
export function readTicks(file: string): number {
  try {
    return Number.parseInt(fs.readFileSync(file, 'latin1'), 10);
  } catch {
    return Number.NaN;
  }
}

/**
 * Ends every test-child started since the last call and its descendants (found by parent PID and a
 * later creation time, so a recycled PID does not adopt strangers), and closes our handles.
 */
export function endTestChildren(): void {
  if (running.length === 0) return;
  const all = readProcessSnapshot().processes;
  const doomed = new Set<number>();
  const visit = (pid: number, createTime: bigint) => {
    doomed.add(pid);
    for (const p of all) if (p.parentPid === pid && p.createTime >= createTime && !doomed.has(p.pid)) visit(p.pid, p.createTime);
  };
  for (const child of running) {
    // A child whose handle a test already closed is ended by PID below, if it is still that process.
    if (child.process.closed && !all.some((p) => p.pid === child.pid && p.createTime === child.createTime)) continue;
    visit(child.pid, child.createTime);
  }
  const k32 = kernel32();
  for (const child of running.splice(0)) {
    if (child.process.closed) continue;
    k32.TerminateProcess(child.process.value, 1);
    doomed.delete(child.pid);
    child.process.close();
  }
  // Descendants we hold no handle to: open, terminate, close (they may already be gone).
  for (const pid of doomed) {
    let handle: OwnedHandle;
    try {
      handle = openProcess(pid, PROCESS_TERMINATE);
    } catch {
      continue;
    }
    k32.TerminateProcess(handle.value, 1);
    handle.close();
  }
}
