import { describe, expect, it } from 'vitest';
import { matchesFilter } from './process-rows';
import { PROCESS_FILTER_FIELDS, processQuery } from './process-filter-fields';
import { ProcessStore, type ProcessEntry } from './process-store';
import { testRow, testSnapshot } from './test-processes';
import type { ProcessRowValue } from '../../src-preload/contract/schemas';

function entry(row: ProcessRowValue): ProcessEntry {
  const store = new ProcessStore();
  store.applySnapshot(testSnapshot(1, [row]));
  const [e] = [...store.all()];
  if (!e) throw new Error('no entry');
  return e;
}

const node = entry(
  testRow(4242, {
    name: 'node.exe',
    cpuPercent: 25,
    workingSetBytes: 600 * 1024 ** 2,
    user: 'NT AUTHORITY\\SYSTEM',
    inJob: true,
    commandLine: 'node.exe --inspect server.js',
    userTimeMs: 9_000,
    kernelTimeMs: 2_000,
  }),
);
const fresh = entry(testRow(77, { name: 'fresh.exe', cpuPercent: null, user: null, inJob: null, privateBytes: null }));

const matches = (text: string, e: ProcessEntry) => matchesFilter(e, processQuery(text));

describe('the Processes filter fields', () => {
  it("reads the issue's example against a process", () => {
    expect(matches('cpu>20 user:SYSTEM injob name:node', node)).toBe(true);
    expect(matches('cpu>30 user:SYSTEM injob name:node', node)).toBe(false);
  });

  it('reads memory in binary units, CPU time in seconds, the command line and the PID', () => {
    expect(matches('mem>500MB mem<1GB', node)).toBe(true);
    expect(matches('ws>=600mb', node)).toBe(true);
    expect(matches('cputime>10s cputime<12', node)).toBe(true);
    expect(matches('cmd:--inspect', node)).toBe(true);
    expect(matches('pid:4242', node)).toBe(true);
    expect(matches('pid:4243', node)).toBe(false);
  });

  it('never matches a process whose value is unknown (no CPU reading, user not read, private bytes not reported)', () => {
    expect(matches('cpu>20', fresh)).toBe(false);
    expect(matches('cpu<5', fresh)).toBe(false);
    expect(matches('-user:SYSTEM', fresh)).toBe(false);
    expect(matches('injob', fresh)).toBe(false);
    expect(matches('-injob', fresh)).toBe(false);
    expect(matches('private<1GB', fresh)).toBe(false);
    expect(matches('fresh', fresh)).toBe(true);
  });

  it('matches suspended only when every thread is reported suspended, and neither way when thread states are unknown', () => {
    const stopped = entry(testRow(90, { name: 'stopped.exe', threadCount: 3, suspendedThreads: 3 }));
    const half = entry(testRow(91, { name: 'half.exe', threadCount: 3, suspendedThreads: 1 }));
    const wine = entry(testRow(92, { name: 'wine.exe', threadCount: 3, suspendedThreads: null }));
    expect(matches('suspended', stopped)).toBe(true);
    expect(matches('-suspended', stopped)).toBe(false);
    expect(matches('suspended', half)).toBe(false);
    expect(matches('-suspended', half)).toBe(true);
    expect(matches('suspended', wine)).toBe(false);
    expect(matches('-suspended', wine)).toBe(false);
  });

  it('matches hung (and notresponding) when a visible window is hung, neither way when the windows could not be listed', () => {
    const frozen = entry(testRow(93, { name: 'frozen.exe', hungWindows: 1 }));
    const fine = entry(testRow(94, { name: 'fine.exe', hungWindows: 0 }));
    const unlisted = entry(testRow(95, { name: 'unlisted.exe', hungWindows: null }));
    expect(matches('hung', frozen)).toBe(true);
    expect(matches('notresponding', frozen)).toBe(true);
    expect(matches('-hung', frozen)).toBe(false);
    expect(matches('hung', fine)).toBe(false);
    expect(matches('-notresponding', fine)).toBe(true);
    expect(matches('hung', unlisted)).toBe(false);
    expect(matches('-hung', unlisted)).toBe(false);
    expect(processQuery('hung').dynamic).toBe(true);
  });

  it('has one entry per name and alias, each with an example that parses cleanly', () => {
    const names = PROCESS_FILTER_FIELDS.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const f of PROCESS_FILTER_FIELDS) expect(processQuery(f.example).problems).toEqual([]);
  });

  it('says a filter on CPU or memory must be re-run every tick, one on the name need not', () => {
    expect(processQuery('cpu>1').dynamic).toBe(true);
    expect(processQuery('name:x user:y').dynamic).toBe(false);
  });
});
