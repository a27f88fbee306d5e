import { describe, expect, it } from 'vitest';
import { JobsStore, mergeEvents } from './jobs-store';
import { testEvent, testJob, testJobsSnapshot } from './test-jobs';

describe('JobsStore', () => {
  it('applies a snapshot, then ticks, and says which events are new', () => {
    const store = new JobsStore(2);
    store.applySnapshot(testJobsSnapshot(1000, [testJob('build')], [testEvent(1, 'build', 'created')]));
    expect(store.loaded).toBe(true);
    const fresh = store.applyChanged({ time: 2000, jobs: [testJob('build'), testJob('ci')], events: [testEvent(1, 'build', 'created'), testEvent(2, 'ci', 'created')] });
    expect(fresh.map((e) => e.id)).toEqual([2]);
    expect(store.jobs.map((j) => j.name)).toEqual(['build', 'ci']);
    expect(store.events.map((e) => e.id)).toEqual([1, 2]);
    expect(store.history.points('build')).toHaveLength(2);
  });

  it('keeps a tick newer than a snapshot that answered late, but takes its events and templates', () => {
    const store = new JobsStore();
    store.applyChanged({ time: 5000, jobs: [testJob('new')], events: [testEvent(7, 'new', 'created')] });
    const snapshot = testJobsSnapshot(4000, [testJob('old')], [testEvent(6, 'old', 'closed')]);
    snapshot.templates = [{ name: 'Build box', description: '', limits: testJob('x').limitsAsked! }];
    store.applySnapshot(snapshot);
    expect(store.jobs.map((j) => j.name)).toEqual(['new']);
    expect(store.events.map((e) => e.id)).toEqual([6, 7]);
    expect(store.templates.map((t) => t.name)).toEqual(['Build box']);
    expect(store.applyChanged({ time: 4500, jobs: [], events: [] })).toEqual([]);
    expect(store.jobs).toHaveLength(1);
  });

  it('starts the timeline over when a snapshot comes from a restarted main', () => {
    const store = new JobsStore();
    store.applyChanged({ time: 1, jobs: [], events: [testEvent(50, 'a', 'created')] });
    store.applySnapshot(testJobsSnapshot(2, [], [testEvent(1, 'a', 'created')]));
    expect(store.events.map((e) => e.id)).toEqual([1]);
  });

  it('lists one job’s events newest first, and replaces a job answered by setLimits', () => {
    const store = new JobsStore();
    store.applyChanged({ time: 1, jobs: [testJob('a'), testJob('b')], events: [testEvent(1, 'a', 'created'), testEvent(2, 'b', 'created'), testEvent(3, 'a', 'limitsApplied')] });
    expect(store.eventsOf('a').map((e) => e.id)).toEqual([3, 1]);
    const v = store.version;
    store.replaceJob(testJob('a', { template: 'Build box' }));
    expect(store.version).toBe(v + 1);
    expect(store.job('a')?.template).toBe('Build box');
  });
});

describe('mergeEvents', () => {
  it('appends in order, merges out of order by id, and bounds the list', () => {
    const a = [testEvent(1, 'j', 'created'), testEvent(2, 'j', 'opened')];
    expect(mergeEvents(a, []).length).toBe(2);
    expect(mergeEvents(a, [testEvent(2, 'j', 'opened')])).toBe(a);
    expect(mergeEvents(a, [testEvent(0, 'j', 'closed'), testEvent(3, 'j', 'closed')]).map((e) => e.id)).toEqual([0, 1, 2, 3]);
    expect(mergeEvents(a, [testEvent(3, 'j', 'closed')], 2).map((e) => e.id)).toEqual([2, 3]);
  });
});
