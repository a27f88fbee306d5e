// The system probe against the real kernel32/ntdll (Wine's on Linux), cross-checked with what Node
// itself reads through libuv.
import assert from 'node:assert/strict';
import os from 'node:os';
import { afterEach, describe, test } from 'node:test';
import koffi from 'koffi';
import { handleLedger } from './handles';
import type { PerformanceInformation } from './kernel32';
import { kernel32 } from './kernel32';
import { PERFORMANCE_INFORMATION } from './structs';
import type { CpuTimes } from './system';
import { currentProcessorGroup, getMemoryStatus, getProcessorTimes, getSystemIdentity, getSystemTimes, win32SystemProbe, wineVersion } from './system';

/** Keeps this thread busy so CPU time is guaranteed to advance (Wine's counters tick at 10 ms). */
function burnCpu(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) Math.sqrt(Math.random());
}

const busy = (t: CpuTimes): bigint => t.kernel - t.idle + t.user;
const total = (t: CpuTimes): bigint => t.kernel + t.user;

describe('system probe', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed'));

  test('exposes exactly the methods the core consumes', () => {
    assert.deepEqual(Object.keys(win32SystemProbe).sort(), [
      'getDiskBytes',
      'getInterfaceOctets',
      'getMemoryStatus',
      'getProcessorTimes',
      'getSystemIdentity',
      'getSystemTimes',
      'getUptimeMs',
    ]);
  });

  test('system times are consistent (idle <= kernel) and advance', () => {
    const before = getSystemTimes();
    burnCpu(150);
    const after = getSystemTimes();
    for (const t of [before, after]) {
      assert.equal(typeof t.idle, 'bigint');
      assert.ok(t.idle >= 0n && t.user >= 0n, 'times are not negative');
      assert.ok(t.idle <= t.kernel, `kernel time includes idle time (idle ${t.idle}, kernel ${t.kernel})`);
    }
    assert.ok(after.idle >= before.idle && after.kernel >= before.kernel && after.user >= before.user, 'counters never go back');
    assert.ok(busy(after) > busy(before), 'busy time advanced while this thread burned CPU');
  });

  test("per-processor times: one entry per active processor of this thread's group, consistent, advancing", () => {
    const { logicalProcessors } = getSystemIdentity();
    const group = currentProcessorGroup();
    const before = getProcessorTimes();
    burnCpu(150);
    const after = getProcessorTimes();
    // One NtQuerySystemInformation call covers the calling thread's processor group, and groups can
    // be uneven (96 processors are 2 x 48, not 64 + 32).
    assert.equal(after.length, group.activeProcessors, `processor group ${group.group}`);
    assert.ok(group.activeProcessors >= 1 && group.activeProcessors <= Math.min(logicalProcessors, 64));
    // libuv's os.cpus() reads the same class from the main thread, so it agrees on one-group machines.
    if (group.activeProcessors === logicalProcessors) assert.equal(after.length, os.cpus().length, 'libuv counts the same processors');
    for (const t of after) assert.ok(t.idle >= 0n && t.idle <= t.kernel && t.user >= 0n, `idle <= kernel per processor (${t.idle} <= ${t.kernel})`);
    const sum = (ts: CpuTimes[], f: (t: CpuTimes) => bigint) => ts.reduce((s, t) => s + f(t), 0n);
    assert.ok(sum(after, busy) > sum(before, busy), 'busy time advanced on some processor');
  });

  test('the per-processor sum matches the system-wide times', () => {
    const cores = getProcessorTimes();
    const system = getSystemTimes();
    const coresTotal = cores.reduce((s, t) => s + total(t), 0n);
    // Both read the same counters a moment apart: allow 2 % (or 0.5 s of CPU) of drift, no more.
    const drift = coresTotal > total(system) ? coresTotal - total(system) : total(system) - coresTotal;
    const allowed = total(system) / 50n > 5_000_000n ? total(system) / 50n : 5_000_000n;
    assert.ok(drift <= allowed, `per-processor total ${coresTotal} vs system total ${total(system)}`);
  });

  test('memory figures are sane', () => {
    const m = getMemoryStatus();
    for (const [k, v] of Object.entries(m)) assert.ok(Number.isSafeInteger(v) && v >= 0, `${k} is a non-negative integer (${v})`);
    assert.ok(m.loadPercent <= 100);
    assert.ok(m.totalPhysicalBytes >= 256 * 2 ** 20, 'at least 256 MB of RAM');
    assert.ok(m.availablePhysicalBytes > 0 && m.availablePhysicalBytes <= m.totalPhysicalBytes);
    assert.ok(m.committedBytes > 0 && m.committedBytes <= m.commitLimitBytes, 'commit charge within the commit limit');
    assert.equal(m.totalPhysicalBytes, os.totalmem(), 'libuv reads the same total (GlobalMemoryStatusEx)');
  });

  test('memory figures agree with an independent reading (GetPerformanceInfo, os.freemem)', () => {
    const info = {} as PerformanceInformation;
    assert.ok(kernel32().K32GetPerformanceInfo(info, koffi.sizeof(PERFORMANCE_INFORMATION)), 'K32GetPerformanceInfo succeeds');
    const m = getMemoryStatus();
    const page = Number(info.PageSize);
    // Read a moment apart, so allow 2 % of the commit limit (or of physical memory) of churn, no more.
    const near = (a: number, b: number, scale: number, what: string) =>
      assert.ok(Math.abs(a - b) <= scale / 50, `${what}: ${a} vs ${b}`);
    near(m.commitLimitBytes, Number(info.CommitLimit) * page, m.commitLimitBytes, 'commit limit');
    near(m.committedBytes, Number(info.CommitTotal) * page, m.commitLimitBytes, 'commit charge');
    near(m.availablePhysicalBytes, os.freemem(), m.totalPhysicalBytes, 'available physical memory');
  });

  test('identity: name, real Windows version, processors, memory', () => {
    const id = getSystemIdentity();
    assert.equal(id.computerName.toLowerCase(), os.hostname().toLowerCase(), 'the DNS host name, as libuv reads it');
    // libuv's os.release() reads RtlGetVersion too; GetVersionEx would say 6.2 without a manifest.
    const { major, minor, build } = id.windowsVersion;
    assert.equal(`${major}.${minor}.${build}`, os.release());
    assert.ok(major >= 10 || (major === 6 && minor === 3), 'Windows 8.1 or later (Windows node requires it)');
    assert.ok(id.logicalProcessors >= 1 && id.logicalProcessors >= os.cpus().length);
    assert.equal(id.totalPhysicalBytes, getMemoryStatus().totalPhysicalBytes);
    assert.notEqual(getSystemIdentity(), getSystemIdentity(), 'callers get their own copy of the cached identity');
  });

  test('wineVersion is set exactly when running under Wine', () => {
    const rig = process.env.ADMIN_CONSOLE_RIG;
    assert.ok(rig === 'wine' || rig === 'windows', 'scripts/windows-suites.mjs says where this runs');
    const identity = getSystemIdentity();
    if (rig === 'wine') assert.match(identity.wineVersion ?? '', /^\d+\.\d+/);
    else assert.equal(identity.wineVersion, null);
    assert.equal(wineVersion(), identity.wineVersion, 'the exported check agrees');
  });
});
