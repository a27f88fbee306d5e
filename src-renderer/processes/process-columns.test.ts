import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_COLUMNS, PROCESS_COLUMNS } from '../../src-preload/contract/process-fields';
import { membersOf } from '../jobs/console-job-members';
import { testJob } from '../jobs/test-jobs';
import { clampWidth } from '../shared/column-sizing';
import { COLUMN_SPECS, inJobText, moveColumn, normalizeColumns, priorityClassOf, toggleColumn, unreportedReason } from './process-columns';
import { testRow } from './test-processes';

describe('column settings', () => {
  it('keeps known ids once each with name first, and falls back to the defaults when empty', () => {
    expect(normalizeColumns(['pid', 'name', 'bogus', 'pid', 'user'])).toEqual(['name', 'pid', 'user']);
    expect(normalizeColumns([])).toEqual([...DEFAULT_PROCESS_COLUMNS]);
    expect(normalizeColumns(undefined)).toEqual([...DEFAULT_PROCESS_COLUMNS]);
    expect(normalizeColumns(['name'])).toEqual(['name']);
  });

  it('shows a column at the end, hides it, and never hides name', () => {
    expect(toggleColumn(['name', 'pid'], 'user', true)).toEqual(['name', 'pid', 'user']);
    expect(toggleColumn(['name', 'pid', 'user'], 'pid', false)).toEqual(['name', 'user']);
    expect(toggleColumn(['name', 'pid'], 'name', false)).toEqual(['name', 'pid']);
  });

  it('moves a column left or right, keeping name first and stopping at the ends', () => {
    expect(moveColumn(['name', 'pid', 'user'], 'user', -1)).toEqual(['name', 'user', 'pid']);
    expect(moveColumn(['name', 'pid', 'user'], 'pid', -1)).toEqual(['name', 'pid', 'user']);
    expect(moveColumn(['name', 'pid', 'user'], 'user', 1)).toEqual(['name', 'pid', 'user']);
    expect(moveColumn(['name', 'pid', 'user'], 'name', 1)).toEqual(['name', 'pid', 'user']);
  });

  it('has a spec for every contract column, each within the widths settings accept', () => {
    for (const id of PROCESS_COLUMNS) {
      expect(COLUMN_SPECS[id].id).toBe(id);
      expect(COLUMN_SPECS[id].width).toBe(clampWidth(COLUMN_SPECS[id].width));
    }
  });
});

describe('cell text', () => {
  it('reads values the way Windows tools show them, with "—" for what is missing', () => {
    const row = testRow(7, { cpuPercent: null, workingSetBytes: 1536 * 1024, userTimeMs: 61_000, kernelTimeMs: 2_000, user: null, inJob: true, startTime: 0 });
    expect(COLUMN_SPECS.cpuPercent.text(row)).toBe('—');
    expect(COLUMN_SPECS.workingSetBytes.text(row)).toBe('1.50 MB');
    expect(COLUMN_SPECS.cpuTimeMs.text(row)).toBe('0:01:03');
    expect(COLUMN_SPECS.cpuTimeMs.value(row)).toBe(63_000);
    expect(COLUMN_SPECS.user.text(row)).toBe('—');
    expect(COLUMN_SPECS.inJob.text(row)).toBe('Yes');
    expect(COLUMN_SPECS.startTime.text(row)).toBe('—');
    expect(COLUMN_SPECS.startTime.value(row)).toBeNull();
  });

  it('names the console job in the "In a job" column, or says the job is not this console\'s', () => {
    const inBuild = testRow(10, { inJob: true });
    const nested = testRow(11, { inJob: true });
    const member = (r: typeof inBuild) => ({ pid: r.pid, createTime: r.createTime, name: r.name, cpuPercent: null, workingSetBytes: null });
    const jobs = membersOf([testJob('Build box', { members: [member(inBuild), member(nested)] }), testJob('outer', { origin: 'opened', members: [member(nested)] })]);
    expect(inJobText(inBuild, jobs)).toBe('Yes: Build box');
    expect(COLUMN_SPECS.inJob.text(inBuild, jobs)).toBe('Yes: Build box');
    expect(inJobText(nested, jobs)).toBe('Yes: Build box, outer');
    expect(inJobText(testRow(20, { inJob: true }), jobs)).toBe("Yes (not this console's)");
    expect(inJobText(testRow(20, { inJob: false }), jobs)).toBe('No');
    expect(inJobText(testRow(20, { inJob: null }), jobs)).toBe('—');
    // Before the console's job list arrives nothing is called another program's job.
    expect(inJobText(testRow(20, { inJob: true }), null)).toBe('Yes');
    expect(COLUMN_SPECS.inJob.value(inBuild)).toBe(true);
  });

  it('maps base priorities to priority classes', () => {
    expect(priorityClassOf(8)).toBe('normal');
    expect(priorityClassOf(13)).toBe('high');
    expect(priorityClassOf(24)).toBe('realtime');
    expect(priorityClassOf(9)).toBeNull();
    expect(priorityClassOf(null)).toBeNull();
  });
});

describe('unknown cells', () => {
  const wine = { privateBytes: 'Wine does not report private bytes', basePriority: 'Wine does not report base priority', ioReadBytes: 'Wine does not report I/O read bytes' };
  const row = testRow(30, { privateBytes: null, basePriority: null, ioReadBytes: null });

  it('read "—" (never "null", "0" or "0 bytes") and carry the reason main gave', () => {
    expect(COLUMN_SPECS.basePriority.text(row)).toBe('—');
    expect(COLUMN_SPECS.privateBytes.text(row)).toBe('—');
    expect(COLUMN_SPECS.ioReadBytes.text(row)).toBe('—');
    expect(unreportedReason('privateBytes', row, wine)).toBe('Wine does not report private bytes');
    expect(unreportedReason('basePriority', row, wine)).toBe('Wine does not report base priority');
  });

  it('have no reason when the value is known or the column cannot be unknown', () => {
    expect(unreportedReason('privateBytes', testRow(30), wine)).toBeNull();
    expect(unreportedReason('workingSetBytes', row, wine)).toBeNull();
    expect(unreportedReason('privateBytes', row, {})).toBeNull();
  });
});
