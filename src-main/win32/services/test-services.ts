/**
 * Test support for the *.win32.test.ts suites (not product code): installs native/test-service.exe as
 * uniquely named services (prefix AdminConsoleTest) from a folder whose path has spaces, and removes
 * every service it installed at the end - stopped first if running - never touching any other.
 */
import fs from 'node:fs';
import type { NewService, ServiceState, ServiceStatus } from '../../core/services/service-manager';
import { quoteArgument } from '../processes/launch';
import { win32ServiceManager as manager } from './index';

/** The prefix of every service the tests install. */
export const TEST_SERVICE_PREFIX = 'AdminConsoleTest';

/** test-service.exe as scripts/windows-suites.mjs staged it (ADMIN_CONSOLE_TEST_SERVICE), in a path with spaces. */
export function testServiceExe(): string {
  const exe = process.env.ADMIN_CONSOLE_TEST_SERVICE;
  if (!exe) throw new Error('ADMIN_CONSOLE_TEST_SERVICE must name the staged test-service.exe (scripts/windows-suites.mjs sets it)');
  if (!exe.includes(' ')) throw new Error(`the test service must be staged in a path with spaces, not ${exe}`);
  if (!fs.existsSync(exe)) throw new Error(`${exe} does not exist`);
  return exe;
}

/** The binary path for the test service with `args`: the program quoted (it has spaces), then each argument quoted as needed. */
export function testServiceCommand(args: readonly string[] = []): string {
  return [testServiceExe(), ...args].map((a) => quoteArgument(a)).join(' ');
}

const installed: string[] = [];
let counter = 0;

/** A service name no other run or test uses: AdminConsoleTest<pid>x<n><time>. */
export function uniqueTestServiceName(): string {
  counter++;
  return `${TEST_SERVICE_PREFIX}${process.pid}x${counter}${Date.now().toString(36)}`;
}

/**
 * Installs the test service (manual start, normal error control, LocalSystem) with `args` on its
 * binary path and anything in `overrides`; returns what was installed. Removed by removeTestServices.
 */
export function installTestService(args: readonly string[] = [], overrides: Partial<NewService> = {}): NewService {
  const name = overrides.name ?? uniqueTestServiceName();
  const service: NewService = {
    name,
    displayName: `Admin Console test service ${name}`,
    binaryPath: testServiceCommand(args),
    startType: 'manual',
    errorControl: 'normal',
    dependencies: [],
    account: null,
    password: null,
    ...overrides,
  };
  manager.create(service);
  installed.push(name);
  return service;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the service's status every 50 ms until `done` says so or `ms` pass; returns every distinct status seen and the last. */
export async function watchStatus(
  name: string,
  done: (status: ServiceStatus) => boolean,
  ms = 10_000,
): Promise<{ last: ServiceStatus; seen: ServiceStatus[] }> {
  const end = Date.now() + ms;
  const seen: ServiceStatus[] = [];
  for (;;) {
    const status = manager.status(name);
    const previous = seen[seen.length - 1];
    if (!previous || previous.state !== status.state || previous.checkPoint !== status.checkPoint) seen.push(status);
    if (done(status) || Date.now() >= end) return { last: status, seen };
    await sleep(50);
  }
}

/** Waits until the service is in `state` (or `ms` pass) and returns its last status. */
export async function waitForState(name: string, state: ServiceState, ms = 10_000): Promise<ServiceStatus> {
  return (await watchStatus(name, (s) => s.state === state, ms)).last;
}

/**
 * Stops (if running or paused) and deletes every test service installed since the last call; a
 * service already gone is fine. Returns what could not be cleaned up, one line per service.
 */
export async function removeTestServices(): Promise<string[]> {
  const problems: string[] = [];
  for (const name of installed.splice(0)) {
    try {
      let status = manager.status(name);
      if (status.state === 'running' || status.state === 'paused') {
        manager.control(name, 'stop');
        status = await waitForState(name, 'stopped', 15_000);
      } else if (status.state !== 'stopped') {
        // Starting or stopping on its own (a stalled start gives up by itself): wait for it.
        status = await waitForState(name, 'stopped', 15_000);
      }
      if (status.state !== 'stopped') problems.push(`${name}: still ${status.state} after 15 s`);
      manager.remove(name);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'NOT_FOUND') problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

/** The lines the test service wrote to its --log file ([] before it wrote any). */
export function readServiceLog(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  } catch {
    return [];
  }
}
