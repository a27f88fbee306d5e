/**
 * Which job events become toasts: each important event once, as it arrives in jobs:changed (whose
 * events are the ones since the last tick). Remembers recent ids so an event main sends twice (a
 * resend after a reconnect) does not toast twice. Pure, unit tested.
 */
import type { JobEventValue } from '../../src-preload/contract/job-schemas';

/** Ids remembered; far more than one tick can carry worth toasting. */
const REMEMBERED = 500;

/** The alert filter. */
export class JobAlerts {
  private readonly seen = new Set<number>();

  /** The important events of one tick not toasted before, in order. */
  take(events: readonly JobEventValue[]): JobEventValue[] {
    const fresh: JobEventValue[] = [];
    for (const e of events) {
      if (!e.important || this.seen.has(e.id)) continue;
      this.seen.add(e.id);
      fresh.push(e);
    }
    // A Set iterates in insertion order: the oldest ids go first.
    for (const id of this.seen) {
      if (this.seen.size <= REMEMBERED) break;
      this.seen.delete(id);
    }
    return fresh;
  }
}
