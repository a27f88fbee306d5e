import { describe, expect, it } from 'vitest';
import { processQuery } from './process-filter-fields';
import { deriveRows, matchesFilter, parentsOf, sortIsDynamic, type RowOptions } from './process-rows';
import { ProcessStore, type ProcessEntry } from './process-store';
import { testRow, testSnapshot } from './test-processes';
import type { ProcessRowValue } from '../../src-preload/contract/schemas';

function entries(rows: ProcessRowValue[]): ProcessEntry[] {
  const store = new ProcessStore();
  store.applySnapshot(testSnapshot(1, rows));
  return [...store.all()];
}

const TREE: RowOptions = { view: 'tree', filter: '', sort: null, collapsed: new Set() };
const FLAT: RowOptions = { ...TREE, view: 'flat' };

function shape(rows: ReturnType<typeof deriveRows>): string[] {
  return rows.map((r) => `${'  '.repeat(r.depth)}${r.entry.row.pid}${r.hasChildren ? (r.expanded ? '-' : '+') : ''}${r.matched ? '' : '?'}`);
}

// createTime grows with the PID in testRow unless given: a parent must be created before its child.
const family = [
  testRow(4, { createTime: '1', name: 'System' }),
  testRow(10, { parentPid: 4, createTime: '2', name: 'smss.exe' }),
  testRow(20, { parentPid: 10, createTime: '3', name: 'winlogon.exe' }),
  testRow(30, { parentPid: 10, createTime: '4', name: 'csrss.exe' }),
  testRow(40, { parentPid: 20, createTime: '5', name: 'explorer.exe', user: 'PC\\alice' }),
];

describe('tree', () => {
  it('nests children under parents by parent PID, siblings in creation order', () => {
    expect(shape(deriveRows(entries(family), TREE))).toEqual(['4-', '  10-', '    20-', '      40', '    30']);
  });

  it('does not adopt a child into a parent created after it (PID reuse): the child shows at the top level', () => {
    const rows = entries([
      testRow(50, { createTime: '900', name: 'newcomer.exe' }),
      testRow(60, { parentPid: 50, createTime: '100', name: 'orphan-of-old-50.exe' }),
      testRow(70, { parentPid: 50, createTime: '950', name: 'child-of-new-50.exe' }),
    ]);
    expect(shape(deriveRows(rows, TREE))).toEqual(['60', '50-', '  70']);
    const parents = parentsOf(rows);
    expect(parents.get(rows.find((e) => e.row.pid === 60) as ProcessEntry)).toBeUndefined();
  });

  it('shows orphans (parent gone) at the top level, and PID 0 parents nothing', () => {
    const rows = entries([
      testRow(0, { createTime: '0', name: 'System Idle Process' }),
      testRow(4, { parentPid: 0, createTime: '0', name: 'System' }),
      testRow(80, { parentPid: 12345, createTime: '7' }),
    ]);
    expect(shape(deriveRows(rows, TREE))).toEqual(['0', '4', '80']);
  });

  it('picks, among two holders of a PID, the newest created before the child', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(50, { createTime: '10' }), testRow(60, { parentPid: 50, createTime: '20' })]));
    store.applyDelta({
      seq: 2,
      baseSeq: 1,
      time: 2,
      removed: [{ pid: 50, createTime: '10' }],
      added: [testRow(50, { createTime: '30' }), testRow(70, { parentPid: 50, createTime: '40' })],
      changed: [],
    });
    // The exited 50 (red for this tick) still parents 60; the new 50 parents 70.
    expect(shape(deriveRows([...store.all()], TREE))).toEqual(['50-', '  60', '50-', '  70']);
    const [oldParent, , newParent] = deriveRows([...store.all()], TREE);
    expect(oldParent?.entry.createOrder).toBe(10n);
    expect(newParent?.entry.createOrder).toBe(30n);
  });

  it('hides the children of a collapsed node and marks it collapsed', () => {
    const collapsed = new Set([`10:2`]);
    expect(shape(deriveRows(entries(family), { ...TREE, collapsed }))).toEqual(['4-', '  10+']);
  });

  it('sorts siblings by the sort column within each parent', () => {
    const rows = deriveRows(entries(family), { ...TREE, sort: { column: 'name', desc: false } });
    expect(shape(rows)).toEqual(['4-', '  10-', '    30', '    20-', '      40']);
  });

  it('with a filter, shows matches with their ancestors (marked unmatched), opening collapsed ones', () => {
    const rows = deriveRows(entries(family), { ...TREE, filter: 'alice', collapsed: new Set(['4:1', '10:2']) });
    expect(shape(rows)).toEqual(['4-?', '  10-?', '    20-?', '      40']);
  });

  it('survives a parent cycle without looping', () => {
    const rows = entries([testRow(1, { parentPid: 2, createTime: '5' }), testRow(2, { parentPid: 1, createTime: '5' })]);
    expect(deriveRows(rows, TREE).length).toBeLessThanOrEqual(2);
  });
});

describe('flat view, sorting and filtering', () => {
  it('lists every process in creation order without a sort', () => {
    expect(shape(deriveRows(entries(family), FLAT))).toEqual(['4', '10', '20', '30', '40']);
  });

  it('sorts numbers both ways and puts missing values last in both directions', () => {
    const rows = entries([testRow(1, { cpuPercent: 5 }), testRow(2, { cpuPercent: null }), testRow(3, { cpuPercent: 50 })]);
    const pids = (desc: boolean) => deriveRows(rows, { ...FLAT, sort: { column: 'cpuPercent', desc } }).map((r) => r.entry.row.pid);
    expect(pids(true)).toEqual([3, 1, 2]);
    expect(pids(false)).toEqual([1, 3, 2]);
  });

  it('sorts text case-insensitively, and by a derived column (CPU time = user + kernel)', () => {
    const rows = entries([
      testRow(1, { name: 'beta.exe', userTimeMs: 10, kernelTimeMs: 500 }),
      testRow(2, { name: 'Alpha.exe', userTimeMs: 300, kernelTimeMs: 0 }),
      testRow(3, { name: 'gamma.exe', userTimeMs: 0, kernelTimeMs: 0 }),
    ]);
    expect(deriveRows(rows, { ...FLAT, sort: { column: 'name', desc: false } }).map((r) => r.entry.row.name)).toEqual([
      'Alpha.exe',
      'beta.exe',
      'gamma.exe',
    ]);
    expect(deriveRows(rows, { ...FLAT, sort: { column: 'cpuTimeMs', desc: true } }).map((r) => r.entry.row.pid)).toEqual([1, 2, 3]);
  });

  it('matches name, PID, image path, command line and user, case-insensitively, every term', () => {
    const [e] = entries([testRow(4242, { name: 'Notepad.exe', imagePath: 'C:\\Windows\\notepad.exe', commandLine: 'notepad "my file.txt"', user: 'PC\\Bob' })]);
    if (!e) throw new Error('no entry');
    for (const q of ['NOTEPAD', '4242', 'c:\\windows', 'my file', 'pc\\bob', 'bob notepad', '  BOB   notepad ']) expect(matchesFilter(e, processQuery(q))).toBe(true);
    for (const q of ['calc', 'bob calc', '4243']) expect(matchesFilter(e, processQuery(q))).toBe(false);
  });

  it('filters the flat list', () => {
    expect(shape(deriveRows(entries(family), { ...FLAT, filter: 'ss.exe' }))).toEqual(['10', '30']);
  });

  it('knows which sorts must be redone every tick', () => {
    expect(sortIsDynamic({ column: 'cpuPercent', desc: true })).toBe(true);
    expect(sortIsDynamic({ column: 'cpuTimeMs', desc: true })).toBe(true);
    expect(sortIsDynamic({ column: 'name', desc: true })).toBe(false);
    expect(sortIsDynamic(null)).toBe(false);
  });
});
