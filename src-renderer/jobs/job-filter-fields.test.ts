import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../shared/filter-query';
import { JOB_FILTER_FIELDS, jobQuery, jobSearchText } from './job-filter-fields';
import { testAccounting, testJob } from './test-jobs';

const build = testJob('Build box', {
  template: 'Build box',
  members: [{ pid: 500, createTime: '1', name: 'node.exe', cpuPercent: 3, workingSetBytes: 1024 }],
  accounting: testAccounting({ activeProcesses: 1, userTimeMs: 60_000, kernelTimeMs: 5_000, peakJobMemoryBytes: 2 * 1024 ** 3 }),
});
const saved = testJob('Saved', { open: false, accounting: null, limitsHeld: null });
const matches = (text: string, row = build) => matchesQuery(jobQuery(text), row, jobSearchText(row));

describe('the Jobs filter fields', () => {
  it('matches names, members, counts, accounting and flags', () => {
    expect(matches('build')).toBe(true);
    expect(matches('node')).toBe(true);
    expect(matches('member:node members>0 active:1 open')).toBe(true);
    expect(matches('cputime>1m peak>1GB')).toBe(true);
    expect(matches('-open')).toBe(false);
    expect(matches('-open', saved)).toBe(true);
  });

  it('never matches accounting or held limits that could not be read', () => {
    expect(matches('active<1', saved)).toBe(false);
    expect(matches('peak<1GB', saved)).toBe(false);
    expect(matches('differs', saved)).toBe(false);
    expect(matches('-differs', saved)).toBe(false);
    expect(matches('-differs', build)).toBe(true);
  });

  it('has one entry per name and alias, each with an example that parses cleanly', () => {
    const all = JOB_FILTER_FIELDS.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
    expect(new Set(all).size).toBe(all.length);
    for (const f of JOB_FILTER_FIELDS) expect(jobQuery(f.example).problems).toEqual([]);
  });
});
