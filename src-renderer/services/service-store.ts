/**
 * The renderer's service store: every service main reported, keyed by its name lower-cased (the SCM
 * compares names case-insensitively; the row keeps the case the SCM gave), and the "Recent changes"
 * timeline. Rows keep their object identity across updates (an upsert assigns into the held row) and a
 * version counter tells React something changed (useSyncExternalStore). Pure TypeScript, unit tested.
 */
import type {
  ServiceDeltaValue,
  ServiceRowValue,
  ServiceSnapshotValue,
  TimelineEntryValue,
} from '../../src-preload/contract/service-schemas';
import type { DeltaOutcome, SeqStore } from '../shared/seq-feed';
import { VersionedStore } from '../shared/versioned-store';
import { mergeById } from '../shared/merge-by-id';

/** The most timeline entries kept (the contract's cap on one snapshot's timeline). */
export const MAX_TIMELINE = 2000;

/** One service as the store holds it. `row` is the same object for the service's whole life. */
export interface ServiceEntry {
  readonly key: string;
  readonly row: ServiceRowValue;
  /** Lower-cased name, display name, account, binary path, description, PID: what the filter box searches. */
  search: string;
}

/** The store key of a service name: the SCM treats names case-insensitively. */
export function serviceKey(name: string): string {
  return name.toLowerCase();
}

function searchText(row: ServiceRowValue): string {
  return [row.name, row.displayName, row.account ?? '', row.binaryPath ?? '', row.description ?? '', row.pid === null ? '' : String(row.pid)]
    .join('\n')
    .toLowerCase();
}

/**
 * Merges timeline entries into a list kept oldest first by id, without repeats, bounded to `max` (the
 * oldest go). Returns the same array when nothing is new.
 */
export function mergeTimeline(current: readonly TimelineEntryValue[], incoming: readonly TimelineEntryValue[], max = MAX_TIMELINE): readonly TimelineEntryValue[] {
  return mergeById(current, incoming, max);
}

/**
 * The store. Apply a snapshot (full resync) or a delta; read entries and the timeline; subscribe for
 * changes (the VersionedStore base: every change also rebuilds the shown rows).
 */
export class ServiceStore extends VersionedStore implements SeqStore<ServiceSnapshotValue, ServiceDeltaValue> {
  /** The seq of what the store holds; null before the first snapshot. */
  seq: number | null = null;
  /** Wall clock of the last snapshot or delta, ms since the epoch. */
  time = 0;
  /** How often main polls the SCM. */
  pollIntervalMs = 0;
  /** Recent changes, oldest first. Replaced (never mutated) when entries arrive. */
  timeline: readonly TimelineEntryValue[] = [];

  private readonly entries = new Map<string, ServiceEntry>();

  /** Every service. */
  all(): IterableIterator<ServiceEntry> {
    return this.entries.values();
  }

  /** How many services there are. */
  get size(): number {
    return this.entries.size;
  }

  /** The entry for a store key. */
  get(key: string): ServiceEntry | undefined {
    return this.entries.get(key);
  }

  /** The entry for a service name, whatever its case. */
  byName(name: string): ServiceEntry | undefined {
    return this.entries.get(serviceKey(name));
  }

  /** Replaces every row with a full snapshot; rows of services still there keep their identity. */
  applySnapshot(snapshot: ServiceSnapshotValue): void {
    const seen = new Set<string>();
    for (const row of snapshot.services) seen.add(this.upsert(row));
    for (const key of [...this.entries.keys()]) if (!seen.has(key)) this.entries.delete(key);
    const newestHeld = this.timeline[this.timeline.length - 1]?.id ?? -1;
    const newestGiven = snapshot.timeline[snapshot.timeline.length - 1]?.id ?? -1;
    // Ids only grow while main runs; a snapshot whose newest id is older than ours comes from a restarted main.
    this.timeline = newestGiven < newestHeld ? snapshot.timeline.slice(-MAX_TIMELINE) : mergeTimeline(this.timeline, snapshot.timeline);
    this.seq = snapshot.seq;
    this.time = snapshot.time;
    this.pollIntervalMs = snapshot.pollIntervalMs;
    this.notifyChanged();
  }

  /** Applies one delta if it follows what the store holds (its baseSeq equals our seq): removed, then upserted. */
  applyDelta(delta: ServiceDeltaValue): DeltaOutcome {
    if (this.seq === null) return 'resync';
    if (delta.seq <= this.seq) return 'stale';
    if (delta.baseSeq !== this.seq) return 'resync';
    for (const name of delta.removed) this.entries.delete(serviceKey(name));
    // A service deleted and created again under the same name in one poll is removed, then upserted.
    for (const row of delta.upserted) this.upsert(row);
    this.timeline = mergeTimeline(this.timeline, delta.timeline);
    this.seq = delta.seq;
    this.time = delta.time;
    this.notifyChanged();
    return 'applied';
  }

  private upsert(row: ServiceRowValue): string {
    const key = serviceKey(row.name);
    const existing = this.entries.get(key);
    if (existing) {
      Object.assign(existing.row, row);
      existing.search = searchText(existing.row);
    } else {
      // A copy: the store mutates it, and the caller's object (a parsed event) must not change under it.
      const own = { ...row };
      this.entries.set(key, { key, row: own, search: searchText(own) });
    }
    return key;
  }
}
