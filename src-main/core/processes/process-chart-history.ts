/**
 * The chart history of the processes whose details the admin opened, kept in main so their charts keep
 * their past across tab switches. Keeping it for every process would cost a ring per process (500
 * processes x 38 KB = 19 MB), so main records only the processes whose charts asked (processes:history),
 * the most recent WATCHED_PROCESSES of them: at most 4 x 38,400 bytes. A process's samples start when its
 * charts first asked; the renderer's own points cover the time before. Fed from the process table's rows
 * each tick: no read of its own.
 */
import type { ProcessChartSampleValue, ProcessKeyValue, ProcessRowValue } from '../../../src-preload/contract/schemas';
import { ringBytes, SampleRing } from '../live/sample-ring';

const COLUMNS = ['cpuPercent', 'workingSetBytes', 'privateBytes'] as const;
/** How many processes main keeps charts for at once: the ones asked for most recently. */
export const WATCHED_PROCESSES = 4;
/** What one watched process's ring costs: 1,200 x 4 x 8 = 38,400 bytes. */
export const BYTES_PER_PROCESS = ringBytes(COLUMNS.length);

const keyOf = (t: ProcessKeyValue) => `${t.pid}:${t.createTime}`;
const sampleOf = (row: ProcessRowValue, time: number) => ({ time, cpuPercent: row.cpuPercent, workingSetBytes: row.workingSetBytes, privateBytes: row.privateBytes });

/** The watched processes' rings, most recently asked last. */
export class ProcessChartHistory {
  private readonly rings = new Map<string, { target: ProcessKeyValue; ring: SampleRing<(typeof COLUMNS)[number]> }>();

  constructor(private readonly max = WATCHED_PROCESSES) {}

  /**
   * What is kept of `target`, and keeps recording it from now on. The first time, that is its row of the
   * last tick (`current`, when it is still running), so the history starts where the view's own does.
   */
  watch(target: ProcessKeyValue, current?: { time: number; row: ProcessRowValue | undefined }): ProcessChartSampleValue[] {
    const key = keyOf(target);
    const held = this.rings.get(key);
    this.rings.delete(key);
    const entry = held ?? { target: { ...target }, ring: new SampleRing(COLUMNS) };
    if (!held && current?.row) entry.ring.push(sampleOf(current.row, current.time));
    this.rings.set(key, entry);
    for (const oldest of this.rings.keys()) {
      if (this.rings.size <= this.max) break;
      this.rings.delete(oldest);
    }
    // workingSetBytes is never null here: every row has one, so no gap is ever stored in that column.
    return entry.ring.toArray() as ProcessChartSampleValue[];
  }

  /** One tick: a point per watched process still running; one that exited is forgotten. */
  add(find: (pid: number, createTime: string) => ProcessRowValue | undefined, time: number): void {
    for (const [key, { target, ring }] of this.rings) {
      const row = find(target.pid, target.createTime);
      if (!row) {
        this.rings.delete(key);
        continue;
      }
      ring.push(sampleOf(row, time));
    }
  }

  /** How many processes are watched. */
  get size(): number {
    return this.rings.size;
  }
}
