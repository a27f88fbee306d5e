import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-preload/contract/errors';
import type { ServiceDeltaValue, ServiceSnapshotValue } from '../../src-preload/contract/service-schemas';
import { SeqFeed } from '../shared/seq-feed';
import { mergeTimeline, serviceKey, ServiceStore } from './service-store';
import { testEntry, testService, testServiceDelta, testServiceSnapshot } from './test-services';

describe('ServiceStore.applySnapshot', () => {
  it('holds every service by its lower-cased name, keeps the SCM case in the row, and notifies', () => {
    const store = new ServiceStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.applySnapshot(testServiceSnapshot(3, [testService('Spooler'), testService('wuauserv')], [testEntry(0, 'Spooler')]));
    expect(store.seq).toBe(3);
    expect(store.size).toBe(2);
    expect(store.pollIntervalMs).toBe(2000);
    expect(store.byName('SPOOLER')?.row.name).toBe('Spooler');
    expect(store.get('spooler')?.key).toBe(serviceKey('Spooler'));
    expect(store.timeline.map((e) => e.id)).toEqual([0]);
    expect(calls).toBe(1);
  });

  it('keeps row objects across a resync, drops services that are gone, and does not mutate what it was given', () => {
    const store = new ServiceStore();
    const given = testService('Spooler', { state: 'running' });
    store.applySnapshot(testServiceSnapshot(1, [given, testService('Old')]));
    const row = store.byName('spooler')?.row;
    store.applySnapshot(testServiceSnapshot(9, [testService('Spooler', { state: 'stopped', pid: null })]));
    expect(store.byName('Spooler')?.row).toBe(row);
    expect(row?.state).toBe('stopped');
    expect(store.byName('Old')).toBeUndefined();
    expect(given.state).toBe('running');
  });

  it('merges the timeline on a resync, but replaces it when main restarted (its ids went back)', () => {
    const store = new ServiceStore();
    store.applySnapshot(testServiceSnapshot(1, [], [testEntry(5, 'A'), testEntry(6, 'A')]));
    store.applySnapshot(testServiceSnapshot(2, [], [testEntry(6, 'A'), testEntry(7, 'B')]));
    expect(store.timeline.map((e) => e.id)).toEqual([5, 6, 7]);
    store.applySnapshot(testServiceSnapshot(1, [], [testEntry(0, 'C')]));
    expect(store.timeline.map((e) => e.id)).toEqual([0]);
  });
});

describe('ServiceStore.applyDelta', () => {
  it('upserts rows in place, adds new ones, removes by name whatever its case, and appends the timeline', () => {
    const store = new ServiceStore();
    store.applySnapshot(testServiceSnapshot(1, [testService('Spooler'), testService('Gone')], [testEntry(1, 'Spooler')]));
    const row = store.byName('Spooler')?.row;
    const version = store.version;
    const outcome = store.applyDelta(
      testServiceDelta(2, {
        upserted: [testService('Spooler', { state: 'stopPending', checkPoint: 2 }), testService('AdminTestSvc', { state: 'stopped' })],
        removed: ['GONE'],
        timeline: [testEntry(2, 'Gone', { kind: 'deleted', text: 'Deleted.' })],
      }),
    );
    expect(outcome).toBe('applied');
    expect(store.byName('Spooler')?.row).toBe(row);
    expect(row?.state).toBe('stopPending');
    expect(store.byName('admintestsvc')?.row.state).toBe('stopped');
    expect(store.byName('Gone')).toBeUndefined();
    expect(store.timeline.map((e) => e.kind)).toEqual(['started', 'deleted']);
    expect(store.seq).toBe(2);
    expect(store.version).toBe(version + 1);
  });

  it('takes a service removed and installed again in one delta as the new one', () => {
    const store = new ServiceStore();
    store.applySnapshot(testServiceSnapshot(1, [testService('Svc', { displayName: 'Old' })]));
    store.applyDelta(testServiceDelta(2, { removed: ['Svc'], upserted: [testService('Svc', { displayName: 'New' })] }));
    expect(store.byName('Svc')?.row.displayName).toBe('New');
  });

  it('asks for a resync before any snapshot and on a seq gap, ignores stale deltas, and changes nothing then', () => {
    const store = new ServiceStore();
    expect(store.applyDelta(testServiceDelta(1))).toBe('resync');
    store.applySnapshot(testServiceSnapshot(5, [testService('A')]));
    expect(store.applyDelta(testServiceDelta(5))).toBe('stale');
    const version = store.version;
    expect(store.applyDelta(testServiceDelta(8, { baseSeq: 7, removed: ['A'] }))).toBe('resync');
    expect(store.byName('A')).toBeDefined();
    expect(store.seq).toBe(5);
    expect(store.version).toBe(version);
  });
});

describe('mergeTimeline', () => {
  it('appends newer entries, skips repeats, orders late ones by id, and keeps only the newest max', () => {
    const a = [testEntry(1, 'A'), testEntry(2, 'A')];
    expect(mergeTimeline(a, [])).toBe(a);
    expect(mergeTimeline(a, [testEntry(2, 'A')])).toBe(a);
    expect(mergeTimeline(a, [testEntry(4, 'A'), testEntry(3, 'A')]).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(mergeTimeline(a, [testEntry(0, 'A')]).map((e) => e.id)).toEqual([0, 1, 2]);
    const many = Array.from({ length: 10 }, (_, i) => testEntry(i, 'A'));
    expect(mergeTimeline(many, [testEntry(10, 'A'), testEntry(11, 'A')], 5).map((e) => e.id)).toEqual([7, 8, 9, 10, 11]);
  });
});

describe('the service feed (SeqFeed with a ServiceStore)', () => {
  it('resyncs on a gap and applies the deltas that raced the snapshot', async () => {
    const store = new ServiceStore();
    const waiting: ((r: Result<ServiceSnapshotValue>) => void)[] = [];
    const feed = new SeqFeed<ServiceSnapshotValue, ServiceDeltaValue>(store, () => new Promise((resolve) => waiting.push(resolve)));
    const answer = async (r: Result<ServiceSnapshotValue>) => {
      waiting.shift()?.(r);
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    void feed.start();
    await answer({ ok: true, value: testServiceSnapshot(1, [testService('A')]) });
    feed.onDelta(testServiceDelta(2, { upserted: [testService('A', { state: 'stopped' })] }));
    expect(store.byName('A')?.row.state).toBe('stopped');
    feed.onDelta(testServiceDelta(9, { baseSeq: 8 }));
    expect(waiting).toHaveLength(1);
    feed.onDelta(testServiceDelta(11, { baseSeq: 10, upserted: [testService('B')] }));
    await answer({ ok: true, value: testServiceSnapshot(10, [testService('A', { state: 'running' })]) });
    expect(store.seq).toBe(11);
    expect(store.byName('A')?.row.state).toBe('running');
    expect(store.byName('B')).toBeDefined();
    expect(feed.snapshots).toBe(2);
  });
});
