/**
 * A fixed ring of chart samples kept in main (a job's, a watched process's): oldest first, bounded by count
 * (its capacity, ten minutes at the fastest refresh) and by age (ten minutes), stored as float64 columns
 * (NaN for null) so its memory is known in advance: capacity x (1 + columns) x 8 bytes.
 */

/** Ten minutes, as the Performance history. */
export const CHART_HISTORY_MS = 10 * 60 * 1000;
/** Ten minutes at the fastest refresh interval (0.5 s). */
export const MAX_CHART_SAMPLES = 1200;

/** One sample: its time and a number (or null: a gap) per column. */
export type RingSample<K extends string> = { time: number } & Record<K, number | null>;

/** What a ring of `columns` value columns costs, whatever it holds. */
export function ringBytes(columns: number, capacity = MAX_CHART_SAMPLES): number {
  return capacity * (1 + columns) * Float64Array.BYTES_PER_ELEMENT;
}

export class SampleRing<K extends string> {
  private readonly cells: Float64Array;
  private readonly width: number;
  private start = 0;
  private count = 0;

  constructor(
    private readonly columns: readonly K[],
    private readonly capacity = MAX_CHART_SAMPLES,
    private readonly maxAgeMs = CHART_HISTORY_MS,
  ) {
    this.width = 1 + columns.length;
    this.cells = new Float64Array(capacity * this.width);
  }

  /** Appends a sample newer than the newest (an older or equal time is a repeated tick: ignored), then drops what is older than the age bound. */
  push(sample: RingSample<K>): void {
    if (this.count > 0 && sample.time <= this.timeAt(this.count - 1)) return;
    if (this.count === this.capacity) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    const base = ((this.start + this.count) % this.capacity) * this.width;
    this.cells[base] = sample.time;
    for (let c = 0; c < this.columns.length; c++) this.cells[base + 1 + c] = sample[this.columns[c] as K] ?? Number.NaN;
    this.count++;
    while (this.count > 1 && this.timeAt(0) < sample.time - this.maxAgeMs) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
  }

  /** Turns every held value of these columns into a gap (figures that proved not reported were not real zeros either). */
  forget(columns: readonly K[]): void {
    for (const column of columns) {
      const c = this.columns.indexOf(column);
      if (c < 0) continue;
      for (let i = 0; i < this.count; i++) this.cells[((this.start + i) % this.capacity) * this.width + 1 + c] = Number.NaN;
    }
  }

  /** The samples, oldest first. */
  toArray(): RingSample<K>[] {
    const out: RingSample<K>[] = new Array<RingSample<K>>(this.count);
    for (let i = 0; i < this.count; i++) {
      const base = ((this.start + i) % this.capacity) * this.width;
      const sample: Record<string, number | null> = { time: this.cells[base] as number };
      for (let c = 0; c < this.columns.length; c++) {
        const v = this.cells[base + 1 + c] as number;
        sample[this.columns[c] as K] = Number.isNaN(v) ? null : v;
      }
      out[i] = sample as RingSample<K>;
    }
    return out;
  }

  get size(): number {
    return this.count;
  }

  private timeAt(i: number): number {
    return this.cells[((this.start + i) % this.capacity) * this.width] as number;
  }
}
