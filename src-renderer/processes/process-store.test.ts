import { describe, expect, it } from 'vitest';
import { PROCESS_NUMBER_FIELDS } from '../../src-preload/contract/process-fields';
import { ProcessStore, processKey } from './process-store';
import { testDelta, testRow, testSnapshot } from './test-processes';

const CPU = 1 << PROCESS_NUMBER_FIELDS.indexOf('cpuPercent');
const WS = 1 << PROCESS_NUMBER_FIELDS.indexOf('workingSetBytes');

function statuses(store: ProcessStore): Record<string, string> {
  return Object.fromEntries([...store.all()].map((e) => [e.key, e.status]));
}

describe('ProcessStore.applySnapshot', () => {
  it('holds every row by pid:createTime, marks none new on the first load, and notifies', () => {
    const store = new ProcessStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.applySnapshot(testSnapshot(10, [testRow(4), testRow(100)]));
    expect(store.seq).toBe(10);
    expect(store.size).toBe(2);
    expect(store.get(processKey(testRow(100)))?.status).toBe('live');
    expect(store.byPid(4)?.row.name).toBe('proc4.exe');
    expect(store.logicalProcessors).toBe(8);
    expect(calls).toBe(1);
    expect(store.version).toBe(1);
  });

  it('keeps row objects of surviving processes and shows a resync diff as new and exited for one tick', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4), testRow(100)]));
    const kept = store.byPid(4)?.row;
    store.applySnapshot(testSnapshot(9, [testRow(4, { threadCount: 99 }), testRow(200)]));
    expect(store.byPid(4)?.row).toBe(kept);
    expect(kept?.threadCount).toBe(99);
    const k100 = processKey(testRow(100));
    const k200 = processKey(testRow(200));
    expect(statuses(store)[k100]).toBe('exited');
    expect(statuses(store)[k200]).toBe('new');
    expect(store.byPid(100)).toBeUndefined();
    store.applyDelta(testDelta(10));
    expect(store.get(k100)).toBeUndefined();
    expect(store.get(k200)?.status).toBe('live');
  });
});

describe('ProcessStore.applyDelta', () => {
  it('updates numbers in place by the mask and keeps row identity', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4), testRow(100)]));
    const row = store.byPid(100)?.row;
    const structure = store.structureVersion;
    expect(store.applyDelta(testDelta(2, { changed: [[100, CPU | WS, 3.5, 5000]] }))).toBe('applied');
    expect(store.byPid(100)?.row).toBe(row);
    expect(row?.cpuPercent).toBe(3.5);
    expect(row?.workingSetBytes).toBe(5000);
    expect(store.seq).toBe(2);
    expect(store.structureVersion).toBe(structure);
  });

  it('marks added rows new and removed rows exited for exactly one tick, then drops the exited', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4), testRow(100)]));
    const k100 = processKey(testRow(100));
    const k300 = processKey(testRow(300));
    store.applyDelta(testDelta(2, { added: [testRow(300)], removed: [{ pid: 100, createTime: testRow(100).createTime }] }));
    expect(statuses(store)).toMatchObject({ [k100]: 'exited', [k300]: 'new' });
    expect(store.byPid(100)).toBeUndefined();
    const structure = store.structureVersion;
    store.applyDelta(testDelta(3));
    expect(store.get(k100)).toBeUndefined();
    expect(store.get(k300)?.status).toBe('live');
    expect(store.structureVersion).toBe(structure + 1);
    store.applyDelta(testDelta(4));
    expect(store.structureVersion).toBe(structure + 1);
  });

  it('handles a PID removed and re-added with a new createTime in one delta: changes go to the newcomer', () => {
    const store = new ProcessStore();
    const old = testRow(100, { createTime: '1000', name: 'old.exe' });
    const reborn = testRow(100, { createTime: '2000', name: 'new.exe', workingSetBytes: 1 });
    store.applySnapshot(testSnapshot(1, [old]));
    const outcome = store.applyDelta(
      testDelta(2, { removed: [{ pid: 100, createTime: '1000' }], added: [reborn], changed: [[100, WS, 777]] }),
    );
    expect(outcome).toBe('applied');
    expect(store.get('100:1000')?.status).toBe('exited');
    expect(store.get('100:2000')?.status).toBe('new');
    expect(store.get('100:2000')?.row.workingSetBytes).toBe(777);
    expect(store.get('100:1000')?.row.workingSetBytes).toBe(old.workingSetBytes);
    expect(store.byPid(100)?.row.name).toBe('new.exe');
  });

  it('does not mutate the row objects it was given', () => {
    const store = new ProcessStore();
    const given = testRow(5);
    store.applySnapshot(testSnapshot(1, [given]));
    store.applyDelta(testDelta(2, { changed: [[5, WS, 1]] }));
    expect(given.workingSetBytes).toBe(5 * 1024);
  });

  it('asks for a resync on a seq gap and before any snapshot, and ignores stale deltas', () => {
    const store = new ProcessStore();
    expect(store.applyDelta(testDelta(1))).toBe('resync');
    store.applySnapshot(testSnapshot(5, [testRow(4)]));
    expect(store.applyDelta(testDelta(5))).toBe('stale');
    expect(store.applyDelta(testDelta(3, { baseSeq: 2 }))).toBe('stale');
    const version = store.version;
    expect(store.applyDelta(testDelta(7, { baseSeq: 6 }))).toBe('resync');
    expect(store.seq).toBe(5);
    expect(store.version).toBe(version);
  });

  it('leaves the store untouched on a malformed change and asks for a resync', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4)]));
    expect(store.applyDelta(testDelta(2, { added: [testRow(9)], changed: [[4, CPU]] }))).toBe('resync');
    expect(store.seq).toBe(1);
    expect(store.byPid(9)).toBeUndefined();
  });

  it('applies what it can but asks for a resync when a change names a PID it does not hold', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4)]));
    expect(store.applyDelta(testDelta(2, { changed: [[4, CPU, 1], [555, CPU, 2]] }))).toBe('resync');
    expect(store.byPid(4)?.row.cpuPercent).toBe(1);
  });

  it('updates a row main sends again whole (now critical) in place: same entry, no "new" mark', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4), testRow(100, { createTime: '7', critical: false })]));
    const entry = store.get('100:7');
    const row = entry?.row;
    expect(store.applyDelta(testDelta(2, { added: [testRow(100, { createTime: '7', critical: true })] }))).toBe('applied');
    expect(store.get('100:7')).toBe(entry);
    expect(store.get('100:7')?.row).toBe(row);
    expect(row?.critical).toBe(true);
    expect(store.get('100:7')?.status).toBe('live');
  });

  it('treats an added PID that is still held under another createTime as a replacement', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(100, { createTime: '1' })]));
    store.applyDelta(testDelta(2, { added: [testRow(100, { createTime: '2' })] }));
    expect(store.get('100:1')?.status).toBe('exited');
    expect(store.byPid(100)?.key).toBe('100:2');
  });
});

describe('ProcessStore: what the system does not report', () => {
  it('keeps the snapshot\'s reasons and replaces them only when a delta carries new ones', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(5, { privateBytes: null })], undefined, { privateBytes: 'Wine does not report private bytes' }));
    expect(store.unreported).toEqual({ privateBytes: 'Wine does not report private bytes' });
    expect(store.applyDelta(testDelta(2))).toBe('applied');
    expect(store.unreported).toEqual({ privateBytes: 'Wine does not report private bytes' });
    const PRIVATE = 1 << PROCESS_NUMBER_FIELDS.indexOf('privateBytes');
    expect(store.applyDelta(testDelta(3, { unreported: {}, changed: [[5, PRIVATE, 4096]] }))).toBe('applied');
    expect(store.unreported).toEqual({});
    expect(store.byPid(5)?.row.privateBytes).toBe(4096);
  });
});
