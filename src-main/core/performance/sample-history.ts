/**
 * A bounded history of samples, oldest first, trimmed by age: the Performance view shows ten minutes.
 * The count bound protects memory whatever the refresh interval (0.5 s x 10 min = 1,200).
 */
export class SampleHistory<T extends { time: number }> {
  private readonly samples: T[] = [];

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxCount: number,
  ) {}

  add(sample: T): void {
    this.samples.push(sample);
    const oldestAllowed = sample.time - this.maxAgeMs;
    let drop = 0;
    while (drop < this.samples.length && (this.samples[drop] as T).time < oldestAllowed) drop++;
    drop = Math.max(drop, this.samples.length - this.maxCount);
    if (drop > 0) this.samples.splice(0, drop);
  }

  /** A copy, oldest first. */
  toArray(): T[] {
    return this.samples.slice();
  }

  get size(): number {
    return this.samples.length;
  }
}
