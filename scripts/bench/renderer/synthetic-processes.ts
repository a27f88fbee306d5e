/**
 * BENCH HARNESS ONLY, never shipped: a synthetic in-page source of process rows and deltas for the
 * renderer bench, so the real Processes table can be timed at 500 and 5,000 rows without Windows.
 * Deterministic (a seeded generator), so runs compare. The shapes are the contract's.
 */
import { PROCESS_NUMBER_FIELDS } from '../../../src-preload/contract/process-fields';
import type { ProcessDeltaValue, ProcessRowValue, ProcessSnapshotValue } from '../../../src-preload/contract/schemas';
import { testRow } from '../../../src-renderer/processes/test-processes';

const NAMES = ['svchost.exe', 'chrome.exe', 'conhost.exe', 'RuntimeBroker.exe', 'node.exe', 'explorer.exe', 'dllhost.exe', 'msedge.exe', 'SearchHost.exe', 'powershell.exe'];
const bit = (field: (typeof PROCESS_NUMBER_FIELDS)[number]) => 1 << PROCESS_NUMBER_FIELDS.indexOf(field);
const CHANGE_MASK = bit('cpuPercent') | bit('workingSetBytes') | bit('privateBytes') | bit('userTimeMs') | bit('kernelTimeMs');

/** A tiny seeded PRNG (mulberry32): the same numbers every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** N processes in a plausible tree, and a delta per tick: numbers for about half of them, one exit and one start. */
export class SyntheticProcesses {
  private readonly rand: () => number;
  private readonly rows = new Map<number, ProcessRowValue>();
  private nextPid = 8;
  private createTime = 133_500_000_000_000_000n;
  private seq = 1;
  private time = 1_700_000_000_000;

  constructor(count: number, seed = 42) {
    this.rand = random(seed);
    for (let i = 0; i < count; i++) this.spawn();
  }

  /** The full snapshot (what processes:getSnapshot would answer). */
  snapshot(): ProcessSnapshotValue {
    return { seq: this.seq, time: this.time, logicalProcessors: 8, processes: [...this.rows.values()].map((r) => ({ ...r })), unreported: {} };
  }

  /** The next tick's delta (what processes:changed would push). */
  nextDelta(): ProcessDeltaValue {
    const baseSeq = this.seq++;
    this.time += 1000;
    const pids = [...this.rows.keys()];
    const victim = this.rows.get(pids[Math.floor(this.rand() * pids.length)] ?? -1);
    const removed = victim && victim.pid > 8 ? [{ pid: victim.pid, createTime: victim.createTime }] : [];
    if (victim && removed.length > 0) this.rows.delete(victim.pid);
    const added = [this.spawn()];
    const changed: (number | null)[][] = [];
    for (const row of this.rows.values()) {
      if (row === added[0] || this.rand() < 0.5) continue;
      row.cpuPercent = Math.round(this.rand() * this.rand() * 10000) / 100;
      row.workingSetBytes = Math.max(4096, row.workingSetBytes + Math.round((this.rand() - 0.5) * 65536));
      row.privateBytes = Math.max(4096, (row.privateBytes ?? 0) + Math.round((this.rand() - 0.5) * 32768));
      row.userTimeMs += Math.round(this.rand() * 20);
      row.kernelTimeMs += Math.round(this.rand() * 5);
      changed.push([row.pid, CHANGE_MASK, row.cpuPercent, row.workingSetBytes, row.privateBytes, row.userTimeMs, row.kernelTimeMs]);
    }
    return { seq: this.seq, baseSeq, time: this.time, added: added.map((r) => ({ ...r })), removed, changed };
  }

  private spawn(): ProcessRowValue {
    const pid = (this.nextPid += 4);
    const existing = [...this.rows.keys()];
    // One process in twenty is a top-level one; the rest hang under an earlier process.
    const parentPid = existing.length === 0 || this.rand() < 0.05 ? 4 : (existing[Math.floor(this.rand() * existing.length)] ?? 4);
    const name = NAMES[Math.floor(this.rand() * NAMES.length)] ?? 'app.exe';
    this.createTime += 10_000n;
    const path = `C:\\Program Files\\Vendor\\${name}`;
    // The unit tests' row factory, with the numbers and strings a busy workstation shows (same draw order).
    const row = testRow(pid, {
      parentPid,
      createTime: String(this.createTime),
      startTime: this.time,
      name,
      workingSetBytes: Math.round(this.rand() * 200e6),
      privateBytes: Math.round(this.rand() * 150e6),
      pagefileBytes: Math.round(this.rand() * 150e6),
      threadCount: 1 + Math.floor(this.rand() * 40),
      handleCount: 10 + Math.floor(this.rand() * 900),
      imagePath: path,
      commandLine: `"${path}" --type=renderer --lang=en-US --field-trial-handle=${pid} --enable-features=Bench`,
      user: 'BENCH-PC\\admin',
      inJob: this.rand() < 0.3,
    });
    this.rows.set(pid, row);
    return row;
  }
}
