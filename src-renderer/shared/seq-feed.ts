/**
 * Keeps a store in step with a live feed from main: a full snapshot on start and whenever a delta does
 * not follow what the store holds (a seq gap); deltas that arrive while a snapshot is on its way wait and
 * are applied after it (only those newer than it). The caller subscribes to the `*:changed` event BEFORE
 * calling start(), so no delta falls between the snapshot and the subscription. Used by the Processes and
 * Services views; pure TypeScript, unit tested with a fetch double.
 */
import type { ApiError, Result } from '../../src-preload/contract/errors';

/** Where the feed is: fetching a snapshot, in step, or the last snapshot request failed. */
export type FeedStatus = 'loading' | 'ready' | 'failed';

/** What happened to a delta: applied; older than what the store holds (ignored); or out of step (resync). */
export type DeltaOutcome = 'applied' | 'stale' | 'resync';

/** What a feed needs from its store. */
export interface SeqStore<Snapshot, Delta> {
  applySnapshot(snapshot: Snapshot): void;
  applyDelta(delta: Delta): DeltaOutcome;
}

/** Deltas kept while a snapshot is on its way; more means main pushes far faster than it answers. */
const MAX_BUFFERED = 64;

/** A store's feed. `fetchSnapshot` is the domain's `*:getSnapshot` (a test double in unit tests). */
export class SeqFeed<Snapshot, Delta extends { readonly seq: number }> {
  status: FeedStatus = 'loading';
  error: ApiError | null = null;
  /** Full snapshots fetched so far (resyncs after the first), for the status line and tests. */
  snapshots = 0;

  private fetching = false;
  private disposed = false;
  private buffered: Delta[] = [];

  constructor(
    private readonly store: SeqStore<Snapshot, Delta>,
    private readonly fetchSnapshot: () => Promise<Result<Snapshot>>,
    private readonly onStatus: (status: FeedStatus, error: ApiError | null) => void = () => undefined,
  ) {}

  /** Fetches the first snapshot (call after subscribing to the delta event). */
  start(): Promise<void> {
    return this.resync();
  }

  /** Stops reacting: late answers and events after unmount are ignored. */
  dispose(): void {
    this.disposed = true;
    this.buffered = [];
  }

  /** Handles one pushed delta. */
  onDelta(delta: Delta): void {
    if (this.disposed) return;
    if (this.fetching || this.status === 'failed') {
      if (this.fetching) {
        this.buffered.push(delta);
        if (this.buffered.length > MAX_BUFFERED) this.buffered.shift();
      } else {
        // After a failed snapshot, a delta shows main is alive again: try once more.
        void this.resync();
      }
      return;
    }
    if (this.store.applyDelta(delta) === 'resync') void this.resync();
  }

  /** Fetches a full snapshot and applies the deltas that arrived meanwhile. One request at a time. */
  async resync(): Promise<void> {
    if (this.fetching || this.disposed) return;
    this.fetching = true;
    if (this.status !== 'ready') this.setStatus('loading', null);
    const result = await this.fetchSnapshot();
    this.fetching = false;
    if (this.disposed) return;
    if (!result.ok) {
      this.buffered = [];
      this.setStatus('failed', result.error);
      return;
    }
    this.snapshots++;
    this.store.applySnapshot(result.value);
    const waiting = this.buffered.sort((a, b) => a.seq - b.seq);
    this.buffered = [];
    this.setStatus('ready', null);
    for (const delta of waiting) {
      if (this.store.applyDelta(delta) === 'resync') {
        void this.resync();
        return;
      }
    }
  }

  private setStatus(status: FeedStatus, error: ApiError | null): void {
    this.status = status;
    this.error = error;
    this.onStatus(status, error);
  }
}
