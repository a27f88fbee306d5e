import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-preload/contract/errors';
import { PROCESS_NUMBER_FIELDS } from '../../src-preload/contract/process-fields';
import type { ProcessDeltaValue, ProcessSnapshotValue } from '../../src-preload/contract/schemas';
import { ProcessStore } from '../processes/process-store';
import { testDelta, testRow, testSnapshot } from '../processes/test-processes';
import { SeqFeed } from './seq-feed';

/** The feed as the Processes view runs it: a real ProcessStore (its seq checks decide resyncs). */
class ProcessFeed extends SeqFeed<ProcessSnapshotValue, ProcessDeltaValue> {}

const CPU = 1 << PROCESS_NUMBER_FIELDS.indexOf('cpuPercent');

/** A processes:getSnapshot double whose answers the test releases one by one. */
function pendingFetch() {
  const waiting: ((r: Result<ProcessSnapshotValue>) => void)[] = [];
  const fetch = () => new Promise<Result<ProcessSnapshotValue>>((resolve) => waiting.push(resolve));
  const answer = async (r: Result<ProcessSnapshotValue>) => {
    const next = waiting.shift();
    if (!next) throw new Error('no snapshot request is waiting');
    next(r);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { fetch, answer, get pending() {
    return waiting.length;
  } };
}

describe('SeqFeed with a process store', () => {
  it('keeps deltas that arrive during the first snapshot and applies only those newer than it', async () => {
    const store = new ProcessStore();
    const api = pendingFetch();
    const seen: string[] = [];
    const feed = new ProcessFeed(store, api.fetch, (s) => seen.push(s));
    void feed.start();
    feed.onDelta(testDelta(5, { changed: [[4, CPU, 50]] }));
    feed.onDelta(testDelta(7, { changed: [[4, CPU, 70]] }));
    feed.onDelta(testDelta(6, { changed: [[4, CPU, 60]] }));
    await api.answer({ ok: true, value: testSnapshot(5, [testRow(4, { cpuPercent: 5 })]) });
    expect(store.seq).toBe(7);
    expect(store.byPid(4)?.row.cpuPercent).toBe(70);
    expect(seen).toEqual(['loading', 'ready']);
    expect(api.pending).toBe(0);
  });

  it('resyncs on a gap, and keeps deltas that race the resync', async () => {
    const store = new ProcessStore();
    const api = pendingFetch();
    const feed = new ProcessFeed(store, api.fetch);
    void feed.start();
    await api.answer({ ok: true, value: testSnapshot(1, [testRow(4)]) });
    feed.onDelta(testDelta(2));
    feed.onDelta(testDelta(9, { baseSeq: 8 }));
    expect(api.pending).toBe(1);
    feed.onDelta(testDelta(11, { baseSeq: 10, changed: [[4, CPU, 11]] }));
    await api.answer({ ok: true, value: testSnapshot(10, [testRow(4)]) });
    expect(store.seq).toBe(11);
    expect(store.byPid(4)?.row.cpuPercent).toBe(11);
    expect(feed.snapshots).toBe(2);
    expect(feed.status).toBe('ready');
  });

  it('reports a failed snapshot, and tries again when main pushes again', async () => {
    const store = new ProcessStore();
    const api = pendingFetch();
    const errors: unknown[] = [];
    const feed = new ProcessFeed(store, api.fetch, (_s, e) => errors.push(e));
    void feed.start();
    await api.answer({ ok: false, error: { code: 'INTERNAL', message: 'collector stopped' } });
    expect(feed.status).toBe('failed');
    expect(errors).toContainEqual({ code: 'INTERNAL', message: 'collector stopped' });
    feed.onDelta(testDelta(3));
    expect(api.pending).toBe(1);
    await api.answer({ ok: true, value: testSnapshot(3, [testRow(4)]) });
    expect(feed.status).toBe('ready');
    expect(store.seq).toBe(3);
  });

  it('ignores answers and events after dispose', async () => {
    const store = new ProcessStore();
    const api = pendingFetch();
    const feed = new ProcessFeed(store, api.fetch);
    void feed.start();
    feed.dispose();
    await api.answer({ ok: true, value: testSnapshot(3, [testRow(4)]) });
    feed.onDelta(testDelta(4));
    expect(store.seq).toBeNull();
  });
});
