/**
 * The renderer's process store: every process main reported, keyed by `${pid}:${createTime}` (a PID alone
 * can be reused). Rows are mutated in place tick to tick and a version counter tells React something
 * changed (useSyncExternalStore), because a new array of new row objects every tick costs tens of ms at
 * 5,000 rows, mostly garbage.
 */
import type { ProcessDeltaValue, ProcessKeyValue, ProcessRowValue, ProcessSnapshotValue, ProcessUnreportedValue } from '../../src-preload/contract/schemas';
import type { DeltaOutcome } from '../shared/seq-feed';
import { VersionedStore } from '../shared/versioned-store';
import { applyChange, decodeChanged, type DecodedChange } from './delta-decode';

/** `live`; `new` for the one refresh after it appeared (green); `exited` for the one refresh after it left (red). */
export type RowStatus = 'live' | 'new' | 'exited';

/** One process as the store holds it. `row` is the same object for the process's whole life. */
export interface ProcessEntry {
  readonly key: string;
  readonly row: ProcessRowValue;
  status: RowStatus;
  /** createTime as a number that orders correctly (FILETIME exceeds 2^53 only in the year 30828). */
  createOrder: bigint;
  /** Lower-cased name, PID, image path, command line and user: what the filter box searches. */
  search: string;
  /** Lower-cased name, for sorting without a collator per comparison. */
  sortName: string;
}

export type { DeltaOutcome } from '../shared/seq-feed';

/** The store key of a process. */
export function processKey(key: ProcessKeyValue): string {
  return `${key.pid}:${key.createTime}`;
}

/** The key back as the contract's ProcessKey (actions name processes by it). */
export function keyOfEntry(entry: ProcessEntry): ProcessKeyValue {
  return { pid: entry.row.pid, createTime: entry.row.createTime };
}

function searchText(row: ProcessRowValue): string {
  return [row.name, String(row.pid), row.imagePath ?? '', row.commandLine ?? '', row.user ?? ''].join('\n').toLowerCase();
}

function parseCreateTime(createTime: string): bigint {
  try {
    return BigInt(createTime);
  } catch {
    return 0n;
  }
}

/** Puts a whole row main sent again into the entry that holds it, with what the store derives from it. */
function refreshEntry(entry: ProcessEntry, row: ProcessRowValue): void {
  Object.assign(entry.row, row);
  entry.search = searchText(entry.row);
  entry.sortName = entry.row.name.toLowerCase();
}

function newEntry(row: ProcessRowValue, status: RowStatus): ProcessEntry {
  // A copy: the store mutates it, and the caller's object (a parsed event) must not change under it.
  const own = { ...row };
  return {
    key: processKey(own),
    row: own,
    status,
    createOrder: parseCreateTime(own.createTime),
    search: searchText(own),
    sortName: own.name.toLowerCase(),
  };
}

/**
 * The store. Apply a snapshot (full resync) or a delta; read entries; subscribe for changes (the
 * VersionedStore base). Pure TypeScript, no React, so it is unit tested in node.
 */
export class ProcessStore extends VersionedStore {
  /** The seq of what the store holds; null before the first snapshot. */
  seq: number | null = null;
  /** Wall clock of the last snapshot or delta, ms since the epoch. */
  time = 0;
  logicalProcessors = 1;
  /** Fields this system does not report, with why (null in every row): from the snapshot, replaced by a delta that carries it. */
  unreported: ProcessUnreportedValue = {};
  /** Bumps when rows appear, leave or change status: the tree and any filter or text sort must be rebuilt. */
  structureVersion = 0;

  private readonly entries = new Map<string, ProcessEntry>();
  /** The live (not exited) process holding each PID: `changed` entries name PIDs only. */
  private readonly livePids = new Map<number, ProcessEntry>();
  /** Rows marked new or exited at the last tick; their marks end at the next one. */
  private marked: ProcessEntry[] = [];

  /** Every entry, exited ones of the last tick included. */
  all(): IterableIterator<ProcessEntry> {
    return this.entries.values();
  }

  /** How many entries there are (exited ones of the last tick included). */
  get size(): number {
    return this.entries.size;
  }

  /** The entry for a key, if the store holds it. */
  get(key: string): ProcessEntry | undefined {
    return this.entries.get(key);
  }

  /** The live process holding this PID now. */
  byPid(pid: number): ProcessEntry | undefined {
    return this.livePids.get(pid);
  }

  /**
   * Replaces everything with a full snapshot. On a resync (the store held data before), processes that are
   * gone are shown as exited and new ones as new for one refresh, exactly as a delta would have shown them.
   */
  applySnapshot(snapshot: ProcessSnapshotValue): void {
    const resync = this.seq !== null;
    this.endMarks();
    const seen = new Set<string>();
    this.livePids.clear();
    for (const row of snapshot.processes) {
      const key = processKey(row);
      seen.add(key);
      const existing = this.entries.get(key);
      if (existing && existing.status !== 'exited') {
        refreshEntry(existing, row);
        this.livePids.set(row.pid, existing);
        continue;
      }
      const entry = newEntry(row, resync ? 'new' : 'live');
      this.entries.set(key, entry);
      this.livePids.set(row.pid, entry);
      if (resync) this.marked.push(entry);
    }
    for (const [key, entry] of this.entries) {
      if (seen.has(key)) continue;
      if (resync && entry.status !== 'exited') {
        entry.status = 'exited';
        this.marked.push(entry);
      } else {
        this.entries.delete(key);
      }
    }
    this.seq = snapshot.seq;
    this.time = snapshot.time;
    this.logicalProcessors = snapshot.logicalProcessors;
    this.unreported = snapshot.unreported;
    this.changed(true);
  }

  /**
   * Applies one delta if it follows what the store holds (its baseSeq equals our seq). Removed first,
   * then added, then changed numbers: a PID can leave and come back with a new createTime in one delta,
   * and its changed numbers then belong to the newcomer. A malformed entry or an unknown PID leaves us
   * out of step with main: the answer is 'resync'.
   */
  applyDelta(delta: ProcessDeltaValue): DeltaOutcome {
    if (this.seq === null) return 'resync';
    if (delta.seq <= this.seq) return 'stale';
    if (delta.baseSeq !== this.seq) return 'resync';

    // Decode before touching anything, so a malformed delta leaves the store as it was.
    const changes: DecodedChange[] = [];
    for (const raw of delta.changed) {
      const change = decodeChanged(raw);
      if (!change) return 'resync';
      changes.push(change);
    }

    let structural = this.endMarks();
    for (const key of delta.removed) {
      const entry = this.entries.get(processKey(key));
      if (!entry || entry.status === 'exited') continue;
      entry.status = 'exited';
      if (this.livePids.get(entry.row.pid) === entry) this.livePids.delete(entry.row.pid);
      this.marked.push(entry);
      structural = true;
    }
    for (const row of delta.added) {
      const held = this.livePids.get(row.pid);
      if (held && held.key === processKey(row)) {
        // A row main sent again whole (more than its numbers changed, e.g. it is now marked critical).
        refreshEntry(held, row);
        structural = true;
        continue;
      }
      const entry = newEntry(row, 'new');
      // Main says this PID is a new process; whatever we held under it has ended even if no `removed` said so.
      if (held) {
        held.status = 'exited';
        this.marked.push(held);
      }
      this.entries.set(entry.key, entry);
      this.livePids.set(row.pid, entry);
      this.marked.push(entry);
      structural = true;
    }
    let inStep = true;
    for (const change of changes) {
      const entry = this.livePids.get(change.pid);
      if (!entry) {
        inStep = false;
        continue;
      }
      applyChange(entry.row, change);
    }
    this.seq = delta.seq;
    this.time = delta.time;
    if (delta.unreported) this.unreported = delta.unreported;
    this.changed(structural);
    return inStep ? 'applied' : 'resync';
  }

  /** Ends last tick's marks: exited rows go, new rows become ordinary. True when anything was marked. */
  private endMarks(): boolean {
    if (this.marked.length === 0) return false;
    for (const entry of this.marked) {
      if (entry.status === 'exited') {
        if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
      } else {
        entry.status = 'live';
      }
    }
    this.marked = [];
    return true;
  }

  private changed(structural: boolean): void {
    // Before notifying, so subscribers that rebuild on structure see the new count.
    if (structural) this.structureVersion++;
    this.notifyChanged();
  }
}
