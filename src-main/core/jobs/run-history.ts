/**
 * The Run dialog's history: each finished run with its kept output in `<folder>/<id>.json` (the folder is
 * `<dataFolder>/runs`, admin-only like its parent), and a small `index.json` of the summaries only, so listing
 * the history never reads the output. The history is capped in total size and in count; the oldest runs go.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RunSummary, type RunSummaryValue } from '../../../src-preload/contract/job-schemas';
import type { Logger } from '../logger';
import type { AtomicFs } from '../settings/atomic-file';
import { writeFileAtomic } from '../settings/atomic-file';
import { setAsideSync } from '../settings/set-aside';
import type { OutputChunk } from './output-buffer';
import { parseStored, WriteQueue } from './stored-json';

/** 20 MB of run files kept in all. */
export const DEFAULT_HISTORY_MAX_BYTES = 20 * 1024 * 1024;
/** 200 runs kept at most. */
export const DEFAULT_HISTORY_MAX_RUNS = 200;

const RUN_ID = /^[0-9a-f]{16}$/;
const RUN_FILE = /^([0-9a-f]{16})\.json$/;
/** writeFileAtomic's temp files (`.<name>.<hex>.tmp`): left behind only by a crash mid-write. */
const TEMP_FILE = /^\..+\.tmp$/;
const INDEX_FILE = 'index.json';

const Chunk = z.strictObject({ stream: z.enum(['stdout', 'stderr']), text: z.string().max(1024 * 1024) });

/** One run file: the summary and the kept output, oldest first. */
export const RunFile = z.strictObject({
  schemaVersion: z.literal(1),
  run: RunSummary,
  chunks: z.array(Chunk).max(100_000),
});

/** The index: each run's summary and the size of its file (for the size cap without a stat per run). */
export const RunIndexFile = z.strictObject({
  schemaVersion: z.literal(1),
  runs: z.array(z.strictObject({ run: RunSummary, bytes: z.number().int().nonnegative() })).max(100_000),
});

/** A run from the history with its output. */
export interface SavedRun {
  run: RunSummaryValue;
  chunks: OutputChunk[];
}

interface Entry {
  run: RunSummaryValue;
  bytes: number;
}

/** Caps (defaults 20 MB and 200 runs) and the file operations. */
export interface RunHistoryOptions {
  maxBytes?: number;
  maxRuns?: number;
  /** For crash tests: the writes (and the deletes of evicted runs) go through it. */
  fs?: AtomicFs;
}

const realFs: AtomicFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm };

/** Newest first: later start, then the larger id. */
const newestFirst = (a: Entry, b: Entry) => b.run.startedAt - a.run.startedAt || (a.run.id < b.run.id ? 1 : a.run.id > b.run.id ? -1 : 0);

/**
 * The saved runs. Rules:
 * - a run file is written atomically first, then the index; a crash between the two leaves a run file the
 *   index lacks, which the next open reads and adds (and the index naming a missing file is corrected);
 * - caps: after each save (and at open) the oldest runs by start time are deleted until both the count cap
 *   and the size cap (the run files' bytes, not counting the index) hold; the run just saved is always kept,
 *   even if it alone is over the size cap;
 * - a run file or index that is not valid JSON or not the schema never stops the console: an unreadable run
 *   file is renamed aside (`<id>.corrupt-<time>.json`, not listed and not counted) and logged; an unreadable
 *   index is logged and rebuilt from the run files;
 * - list() and load() are synchronous (the index is in memory; one run file is at most a few MB), and show a
 *   run from the moment save() is called (kept in memory until its write ends; dropped if the write fails).
 */
export class RunHistoryStore {
  private readonly queue = new WriteQueue();
  /** Runs handed to save() whose write has not finished: listed and loadable at once, so a run just ended is never missing. */
  private readonly pending = new Map<string, SavedRun>();

  private constructor(
    readonly folder: string,
    private readonly entries: Map<string, Entry>,
    private readonly logger: Logger,
    private readonly maxBytes: number,
    private readonly maxRuns: number,
    private readonly fs: AtomicFs,
  ) {}

  static async open(folder: string, logger: Logger, options: RunHistoryOptions = {}): Promise<RunHistoryStore> {
    await fsp.mkdir(folder, { recursive: true });
    const names = await fsp.readdir(folder);
    for (const name of names) {
      if (TEMP_FILE.test(name)) await fsp.rm(path.join(folder, name), { force: true }).catch(() => {});
    }
    const indexed = await readIndex(folder, logger);
    const entries = new Map<string, Entry>();
    let indexStale = indexed === null;
    for (const name of names) {
      const id = RUN_FILE.exec(name)?.[1];
      if (!id) continue;
      const known = indexed?.get(id);
      if (known) {
        entries.set(id, known);
        continue;
      }
      indexStale = true;
      const file = path.join(folder, name);
      let text: string;
      try {
        text = await fsp.readFile(file, 'utf8');
      } catch (err) {
        logger.warn('a saved run could not be read; left out of the history', { file, reason: (err as Error).message });
        continue;
      }
      const parsed = parseStored(text, RunFile);
      if (parsed.ok && parsed.value.run.id === id) entries.set(id, { run: parsed.value.run, bytes: Buffer.byteLength(text, 'utf8') });
      else keepAside(file, logger, parsed.ok ? `it holds run ${parsed.value.run.id}` : parsed.reason);
    }
    if (indexed && [...indexed.keys()].some((id) => !entries.has(id))) indexStale = true;
    const store = new RunHistoryStore(folder, entries, logger, options.maxBytes ?? DEFAULT_HISTORY_MAX_BYTES, options.maxRuns ?? DEFAULT_HISTORY_MAX_RUNS, options.fs ?? realFs);
    const evicted = store.evict(null);
    if (indexStale || evicted.length) await store.queue.run(() => store.commit(evicted));
    return store;
  }

  /** The saved runs (and those being saved), newest first. */
  list(): RunSummaryValue[] {
    const all = new Map<string, Entry>(this.entries);
    for (const [id, saved] of this.pending) all.set(id, { run: saved.run, bytes: 0 });
    return [...all.values()].sort(newestFirst).map((e) => ({ ...e.run }));
  }

  /** Bytes of the run files kept now. */
  get totalBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes;
    return total;
  }

  /** A saved run with its output, or null (unknown id, file gone, or unreadable: then kept aside and logged). */
  load(id: string): SavedRun | null {
    const pending = this.pending.get(id);
    if (pending) return structuredClone(pending);
    if (!RUN_ID.test(id) || !this.entries.has(id)) return null;
    const file = this.fileOf(id);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      this.logger.warn('a saved run could not be read', { file, reason: (err as Error).message });
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') this.entries.delete(id);
      return null;
    }
    const parsed = parseStored(text, RunFile);
    if (!parsed.ok || parsed.value.run.id !== id) {
      this.entries.delete(id);
      keepAside(file, this.logger, parsed.ok ? `it holds run ${parsed.value.run.id}` : parsed.reason);
      return null;
    }
    return { run: parsed.value.run, chunks: parsed.value.chunks };
  }

  /**
   * Saves a run and its output (replacing a saved run with the same id), then deletes the oldest runs over
   * the caps. Rejects, saving nothing, when the summary or chunks do not match the contract.
   */
  async save(summary: RunSummaryValue, chunks: OutputChunk[]): Promise<void> {
    // Inside an async function, so an invalid run rejects the promise rather than throwing at the caller.
    const record = RunFile.parse({ schemaVersion: 1, run: summary, chunks });
    const text = `${JSON.stringify(record)}\n`;
    const { id } = record.run;
    const saved: SavedRun = { run: record.run, chunks: record.chunks };
    this.pending.set(id, saved);
    try {
      await this.queue.run(async () => {
        await writeFileAtomic(this.fileOf(id), text, this.fs);
        this.entries.set(id, { run: record.run, bytes: Buffer.byteLength(text, 'utf8') });
        await this.commit(this.evict(id));
      });
    } finally {
      // A later save of the same id may have replaced the pending entry; leave that one.
      if (this.pending.get(id) === saved) this.pending.delete(id);
    }
  }

  private fileOf(id: string): string {
    return path.join(this.folder, `${id}.json`);
  }

  /** Takes the oldest runs out of the map until the caps hold (never `keep`); returns their ids. */
  private evict(keep: string | null): string[] {
    const oldestFirst = [...this.entries.values()].sort(newestFirst).reverse();
    let total = this.totalBytes;
    const evicted: string[] = [];
    for (const entry of oldestFirst) {
      if (this.entries.size <= this.maxRuns && total <= this.maxBytes) break;
      if (entry.run.id === keep) continue;
      this.entries.delete(entry.run.id);
      total -= entry.bytes;
      evicted.push(entry.run.id);
    }
    return evicted;
  }

  /** Writes the index, then deletes the evicted run files (a crash in between leaves files the next open evicts again). */
  private async commit(evicted: string[]): Promise<void> {
    const index = { schemaVersion: 1 as const, runs: [...this.entries.values()].sort(newestFirst) };
    await writeFileAtomic(path.join(this.folder, INDEX_FILE), `${JSON.stringify(index)}\n`, this.fs);
    for (const id of evicted) {
      await this.fs.rm(this.fileOf(id), { force: true }).catch((err: Error) => this.logger.warn('an old run could not be deleted', { id, reason: err.message }));
    }
  }
}

async function readIndex(folder: string, logger: Logger): Promise<Map<string, Entry> | null> {
  const file = path.join(folder, INDEX_FILE);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    logger.warn('the run history index could not be read; rebuilding it from the run files', { file, reason: (err as Error).message });
    return null;
  }
  const parsed = parseStored(text, RunIndexFile);
  if (!parsed.ok) {
    logger.warn('the run history index was unreadable; rebuilding it from the run files', { file, reason: parsed.reason.slice(0, 2000) });
    return null;
  }
  return new Map(parsed.value.runs.map((e) => [e.run.id, e]));
}

function keepAside(file: string, logger: Logger, reason: string): void {
  try {
    const aside = setAsideSync(file);
    logger.warn('a saved run was unreadable; kept aside and left out of the history', { file, keptAs: aside, reason: reason.slice(0, 2000) });
  } catch (err) {
    logger.warn('a saved run was unreadable and could not be kept aside', { file, reason: reason.slice(0, 2000), renameError: (err as Error).message });
  }
}
