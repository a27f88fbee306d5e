import { describe, expect, it } from 'vitest';
import { JobLimitsValue } from '../../../src-preload/contract/job-schemas';
import type { JobLimits } from './job-system';
import { describeLimits, fieldsOfUnreadablePart, formatBytes, formatDuration, limitDifferences, limitProblems, noLimits, readBackParts, unreportedLimits } from './limit-differences';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const windows = { windowsBuild: 19045, underWine: false, unreadable: [] };
const wine = { windowsBuild: 19045, underWine: true, unreadable: [] };
const limits = (change: Partial<JobLimits>): JobLimits => ({ ...noLimits(), ...change });

describe('human values', () => {
  it('names bytes in binary units as Windows does', () => {
    expect(formatBytes(512 * MB)).toBe('512 MB');
    expect(formatBytes(8 * GB)).toBe('8 GB');
    expect(formatBytes(1.5 * GB)).toBe('1.5 GB');
    expect(formatBytes(4096)).toBe('4 KB');
    expect(formatBytes(100)).toBe('100 bytes');
  });

  it('names durations in the largest whole units', () => {
    expect(formatDuration(30 * 60_000)).toBe('30 min');
    expect(formatDuration(90 * 60_000)).toBe('1 h 30 min');
    expect(formatDuration(90_000)).toBe('1 min 30 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
  });
});

describe('noLimits', () => {
  it('sets nothing and passes the contract', () => {
    expect(JobLimitsValue.parse(noLimits())).toEqual(noLimits());
    expect(describeLimits(noLimits())).toEqual([]);
  });
});

describe('describeLimits', () => {
  it('gives one line per set limit, in the editor order', () => {
    const lines = describeLimits(
      limits({ jobMemoryBytes: 8 * GB, jobUserTimeMs: 30 * 60_000, affinity: [3, 1, 0, 2], cpuRate: { kind: 'hardCap', percent: 25 }, killOnJobClose: true, uiRestrictions: ['readClipboard'] }),
    );
    expect(lines).toEqual([
      'Memory for the job: 8 GB',
      'CPU time for the job: 30 min of user-mode CPU',
      'CPU rate: hard cap 25 %',
      'Affinity: 4 cores: 0,1,2,3',
      'Kill its processes when the job is closed',
      'UI restrictions: no reading the clipboard',
    ]);
  });

  it('words each kind of CPU rate, working set and priority', () => {
    expect(describeLimits(limits({ cpuRate: { kind: 'weight', weight: 5 } }))).toEqual(['CPU rate: weight 5']);
    expect(describeLimits(limits({ cpuRate: { kind: 'minMax', minPercent: 10, maxPercent: 50.5 } }))).toEqual(['CPU rate: min 10 %, max 50.5 %']);
    expect(describeLimits(limits({ workingSet: { minBytes: MB, maxBytes: 64 * MB }, priorityClass: 'belowNormal', schedulingClass: 0 }))).toEqual([
      'Priority class: below normal',
      'Scheduling class: 0',
      'Working set: min 1 MB, max 64 MB',
    ]);
    expect(describeLimits(limits({ activeProcesses: 1, affinity: [2] }))).toEqual(['Active processes: at most 1', 'Affinity: 1 core: 2']);
  });
});

describe('limitProblems', () => {
  const form = (change: Partial<JobLimits>) => JobLimitsValue.parse(limits(change));

  it('accepts sensible limits, including process memory above job memory and silent breakaway with kill on close', () => {
    expect(limitProblems(form({ processMemoryBytes: 2 * GB, jobMemoryBytes: GB, silentBreakawayOk: true, killOnJobClose: true, affinity: [0, 3] }), 4)).toEqual([]);
  });

  it('wants a working set of at least 1 MB with min <= max', () => {
    expect(limitProblems(form({ workingSet: { minBytes: 4096, maxBytes: 64 * MB } }), 4)).toEqual([{ field: 'workingSet', message: expect.stringContaining('at least 1 MB') }]);
    expect(limitProblems(form({ workingSet: { minBytes: 64 * MB, maxBytes: 2 * MB } }), 4)).toEqual([{ field: 'workingSet', message: expect.stringContaining('above the maximum') }]);
    expect(limitProblems(form({ workingSet: { minBytes: 2 * MB, maxBytes: 2 * MB } }), 4)).toEqual([]);
  });

  it('wants min <= max CPU rate in 0.01 % steps', () => {
    expect(limitProblems(form({ cpuRate: { kind: 'minMax', minPercent: 60, maxPercent: 40 } }), 4)).toEqual([{ field: 'cpuRate', message: expect.stringContaining('above the maximum') }]);
    expect(limitProblems(form({ cpuRate: { kind: 'minMax', minPercent: 0, maxPercent: 40 } }), 4)).toEqual([]);
    expect(limitProblems(form({ cpuRate: { kind: 'hardCap', percent: 12.345 } }), 4)).toEqual([{ field: 'cpuRate', message: expect.stringContaining('0.01') }]);
    expect(limitProblems(form({ cpuRate: { kind: 'hardCap', percent: 0.07 } }), 4)).toEqual([]);
  });

  it('wants processors this machine has', () => {
    expect(limitProblems(form({ affinity: [0, 3] }), 2)).toEqual([{ field: 'affinity', message: 'This machine has processors 0-1; there is no processor 3.' }]);
    expect(limitProblems(form({ affinity: [63] }), 128)).toEqual([]);
  });
});

describe('limits the system does not report back', () => {
  it('under Wine: every basic/extended limit is unknown with what Wine does with it, and none is "held differently"', () => {
    const asked = limits({ jobMemoryBytes: 512 * MB, activeProcesses: 5, killOnJobClose: true, breakawayOk: true, priorityClass: 'high' });
    const context = { ...wine, notReportedBack: ['extended'] as const };
    expect(limitDifferences(asked, noLimits(), context)).toEqual([]);
    const reasons = unreportedLimits(context);
    expect(reasons.killOnJobClose).toBe('Wine enforces this flag but does not report it back');
    expect(reasons.breakawayOk).toBe('Wine enforces this flag but does not report it back');
    expect(reasons.jobMemoryBytes).toBe('Wine accepts this limit but does not enforce it or report it back');
    expect(Object.keys(reasons)).toHaveLength(13);
    expect(reasons.uiRestrictions).toBeUndefined();
  });

  it('learns it from a read-back that shows none of what was asked, and that one limit shown proves the part is reported', () => {
    expect(readBackParts(limits({ jobMemoryBytes: 512 * MB }), noLimits())).toEqual({ extended: 'notReported', ui: null });
    expect(readBackParts(limits({ uiRestrictions: ['desktop'] }), limits({ killOnJobClose: true }))).toEqual({ extended: 'reported', ui: 'notReported' });
    expect(readBackParts(noLimits(), noLimits())).toEqual({ extended: null, ui: null });
  });

  it('on Windows says the limit was accepted but is not reported back', () => {
    expect(unreportedLimits({ ...windows, notReportedBack: ['ui'] })).toEqual({ uiRestrictions: 'This system does not report this limit back (it was accepted)' });
  });
});

describe('limitDifferences', () => {
  it('reports nothing when Windows holds what was asked (sets compare regardless of order)', () => {
    const asked = limits({ affinity: [0, 1], uiRestrictions: ['desktop', 'handles'], cpuRate: { kind: 'hardCap', percent: 25 }, killOnJobClose: true });
    const held = limits({ affinity: [1, 0], uiRestrictions: ['handles', 'desktop'], cpuRate: { kind: 'hardCap', percent: 25 }, killOnJobClose: true });
    expect(limitDifferences(asked, held, windows)).toEqual([]);
  });

  it('explains that Wine accepts limits without enforcing or reporting them, and enforces kill on close', () => {
    const asked = limits({ jobMemoryBytes: 512 * MB, jobUserTimeMs: 30 * 60_000, killOnJobClose: true, uiRestrictions: ['readClipboard'] });
    expect(limitDifferences(asked, noLimits(), wine)).toEqual([
      { field: 'jobMemoryBytes', asked: '512 MB', held: 'not set', note: 'Wine accepts this limit but does not enforce it or report it back.' },
      { field: 'jobUserTimeMs', asked: '30 min of user-mode CPU', held: 'not set', note: 'Wine accepts this limit but does not enforce it or report it back.' },
      { field: 'killOnJobClose', asked: 'on', held: 'off', note: 'Wine enforces this flag but reports every limit back as not set.' },
      { field: 'uiRestrictions', asked: 'reading the clipboard', held: 'none', note: 'Wine accepts UI restrictions but does not enforce them or report them back.' },
    ]);
  });

  it('explains CPU rate control failures by Windows version and DFSS', () => {
    const asked = limits({ cpuRate: { kind: 'hardCap', percent: 25 } });
    const [dfss] = limitDifferences(asked, noLimits(), windows);
    expect(dfss).toEqual({ field: 'cpuRate', asked: 'hard cap 25 %', held: 'not set', note: expect.stringContaining('Dynamic Fair Share Scheduling') });
    expect(limitDifferences(asked, noLimits(), { ...windows, windowsBuild: 7601 })[0]?.note).toBe('CPU rate control needs Windows 8 or later (this is build 7601).');
    const minMax = limits({ cpuRate: { kind: 'minMax', minPercent: 10, maxPercent: 50 } });
    expect(limitDifferences(minMax, noLimits(), { ...windows, windowsBuild: 9600 })[0]?.note).toContain('Windows 10');
    expect(limitDifferences(asked, noLimits(), wine)[0]?.note).toContain('error 87');
  });

  it('lists a part that could not be read as unknown, not as held differently, and maps parts to fields', () => {
    const asked = limits({ cpuRate: { kind: 'weight', weight: 3 }, processMemoryBytes: 64 * MB });
    const context = { ...wine, unreadable: ['cpuRate: error 87: The parameter is incorrect.'] };
    expect(limitDifferences(asked, noLimits(), context).map((d) => [d.field, d.note])).toEqual([['processMemoryBytes', 'Wine accepts this limit but does not enforce it or report it back.']]);
    expect(unreportedLimits(context)).toEqual({ cpuRate: 'Not read back: cpuRate: error 87: The parameter is incorrect.' });
    expect(fieldsOfUnreadablePart('JobObjectBasicUIRestrictions')).toEqual(['uiRestrictions']);
    expect(fieldsOfUnreadablePart('JobObjectExtendedLimitInformation')).toContain('killOnJobClose');
    expect(fieldsOfUnreadablePart('limits')).toHaveLength(15);
    expect(fieldsOfUnreadablePart('workingSet')).toEqual(['workingSet']);
    expect(fieldsOfUnreadablePart('something else')).toEqual([]);
  });

  it('shows a limit Windows holds that was not asked, and known Windows reasons', () => {
    const differences = limitDifferences(limits({ priorityClass: 'high', affinity: [0, 1, 2, 3] }), limits({ priorityClass: 'normal', affinity: [0, 1], breakawayOk: true }), windows);
    expect(differences).toEqual([
      { field: 'affinity', asked: '4 cores: 0,1,2,3', held: '2 cores: 0,1', note: expect.stringContaining('parent job') },
      { field: 'priorityClass', asked: 'high', held: 'normal', note: expect.stringContaining('SE_INC_BASE_PRIORITY_NAME') },
      { field: 'breakawayOk', asked: 'off', held: 'on', note: 'Windows holds a different value; the reason is not known.' },
    ]);
  });

  it('compares working sets and CPU rates by value', () => {
    const asked = limits({ workingSet: { minBytes: MB, maxBytes: 2 * MB }, cpuRate: { kind: 'weight', weight: 5 } });
    expect(limitDifferences(asked, structuredClone(asked), windows)).toEqual([]);
    const held = limits({ workingSet: { minBytes: MB, maxBytes: 3 * MB }, cpuRate: { kind: 'weight', weight: 4 } });
    expect(limitDifferences(asked, held, windows).map((d) => [d.field, d.asked, d.held])).toEqual([
      ['cpuRate', 'weight 5', 'weight 4'],
      ['workingSet', 'min 1 MB, max 2 MB', 'min 1 MB, max 3 MB'],
    ]);
  });
});
