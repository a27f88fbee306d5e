import { describe, expect, it } from 'vitest';
import { deriveServiceRows } from './service-columns';
import { SERVICE_FILTER_FIELDS, serviceQuery } from './service-filter-fields';
import { ServiceStore } from './service-store';
import { testService, testServiceSnapshot } from './test-services';

describe('the Services filter fields', () => {
  const store = new ServiceStore();
  store.applySnapshot(
    testServiceSnapshot(1, [
      testService('Spooler', { state: 'running', startType: 'automatic', delayedAutoStart: false, account: 'LocalSystem', pid: 300 }),
      testService('BITS', { state: 'running', startType: 'automatic', delayedAutoStart: true, account: 'LocalSystem', pid: 400 }),
      testService('Fax', { state: 'stopped', startType: 'manual', account: 'NT AUTHORITY\\NetworkService', pid: null }),
      testService('disk', { state: 'running', startType: 'boot', kind: 'kernelDriver', account: null, pid: null }),
      testService('Unread', { state: 'stopped', startType: null, account: null, delayedAutoStart: null, pid: null }),
    ]),
  );
  const names = (filter: string) => deriveServiceRows(store.all(), filter, null).map((e) => e.row.name);

  it("reads the issue's example", () => {
    expect(names('state:running start:auto account:LocalSystem')).toEqual(['BITS', 'Spooler']);
  });

  it('matches states by the word the table shows, start types with delayed, kinds, and flags', () => {
    expect(names('state:stopped')).toEqual(['Fax', 'Unread']);
    expect(names('start:delayed')).toEqual(['BITS']);
    expect(names('delayed')).toEqual(['BITS']);
    expect(names('type:driver')).toEqual(['disk']);
    expect(names('-type:driver state:running')).toEqual(['BITS', 'Spooler']);
    expect(names('pid>350')).toEqual(['BITS']);
  });

  it('never matches configuration not read yet, or the PID of a stopped service', () => {
    expect(names('start:manual')).toEqual(['Fax']);
    expect(names('-start:auto')).toEqual(['disk', 'Fax']);
    expect(names('pid<1000')).toEqual(['BITS', 'Spooler']);
    expect(names('-delayed')).not.toContain('Unread');
  });

  it('keeps plain words and filters by the rest when a term is not understood', () => {
    expect(names('spool')).toEqual(['Spooler']);
    const q = serviceQuery('state:running colour:blue');
    expect(q.problems).toHaveLength(1);
    expect(names('state:running colour:blue')).toEqual(['BITS', 'disk', 'Spooler']);
  });

  it('has one entry per name and alias, each with an example that parses cleanly', () => {
    const all = SERVICE_FILTER_FIELDS.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
    expect(new Set(all).size).toBe(all.length);
    for (const f of SERVICE_FILTER_FIELDS) expect(serviceQuery(f.example).problems).toEqual([]);
  });
});
