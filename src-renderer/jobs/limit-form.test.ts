import { describe, expect, it } from 'vitest';
import type { JobLimitsFormValue } from '../../src-preload/contract/job-schemas';
import { emptyLimitForm, formFromLimits, formToLimits, memoryUnitFor, noLimits, parseNumber, timeUnitFor, type LimitForm, problemFieldOf } from './limit-form';

const MB = 1024 ** 2;
const GB = 1024 ** 3;
const convert = (over: Partial<LimitForm>, cpus = 8) => formToLimits({ ...emptyLimitForm(), ...over }, cpus);
const problemsOf = (over: Partial<LimitForm>, cpus = 8) => Object.fromEntries(convert(over, cpus).problems);

const full: JobLimitsFormValue = {
  processMemoryBytes: 512 * MB,
  jobMemoryBytes: 8 * GB,
  activeProcesses: 20,
  processUserTimeMs: 90_000,
  jobUserTimeMs: 30 * 60_000,
  cpuRate: { kind: 'minMax', minPercent: 5, maxPercent: 62.5 },
  affinity: [0, 1, 2, 3],
  priorityClass: 'belowNormal',
  schedulingClass: 3,
  workingSet: { minBytes: 64 * MB, maxBytes: 256 * MB },
  killOnJobClose: true,
  dieOnUnhandledException: true,
  breakawayOk: true,
  silentBreakawayOk: false,
  uiRestrictions: ['readClipboard', 'exitWindows'],
};

describe('form -> limits', () => {
  it('leaves every empty field not set', () => {
    const { limits, problems } = convert({});
    expect(problems.size).toBe(0);
    expect(limits).toEqual(noLimits());
  });

  it('converts units: MB and GB to bytes, s/min/h to milliseconds', () => {
    const { limits } = convert({
      processMemory: '1.5',
      processMemoryUnit: 'GB',
      jobMemory: '512',
      jobMemoryUnit: 'MB',
      processUserTime: '90',
      processUserTimeUnit: 's',
      jobUserTime: '2',
      jobUserTimeUnit: 'h',
    });
    expect(limits).toMatchObject({ processMemoryBytes: 1.5 * GB, jobMemoryBytes: 512 * MB, processUserTimeMs: 90_000, jobUserTimeMs: 7_200_000 });
  });

  it('builds each CPU rate mode and the working set pair', () => {
    expect(convert({ cpuRateMode: 'hardCap', cpuHardCap: '25.5' }).limits?.cpuRate).toEqual({ kind: 'hardCap', percent: 25.5 });
    expect(convert({ cpuRateMode: 'weight', cpuWeight: '9' }).limits?.cpuRate).toEqual({ kind: 'weight', weight: 9 });
    expect(convert({ cpuRateMode: 'minMax', cpuMin: '0', cpuMax: '50' }).limits?.cpuRate).toEqual({ kind: 'minMax', minPercent: 0, maxPercent: 50 });
    expect(convert({ workingSetMin: '1', workingSetMax: '2', workingSetUnit: 'GB' }).limits?.workingSet).toEqual({ minBytes: GB, maxBytes: 2 * GB });
  });

  it('sends affinity only when switched on, sorted', () => {
    expect(convert({ affinity: [3, 1] }).limits?.affinity).toBeNull();
    expect(convert({ affinityOn: true, affinity: [3, 1] }).limits?.affinity).toEqual([1, 3]);
  });
});

describe('validation and ranges', () => {
  it('refuses text that is not a number, and memory under 1 MB', () => {
    expect(problemsOf({ jobMemory: 'lots' }).jobMemory).toEqual(['Memory of the job: type a number of GB, like 512 or 1.5.']);
    expect(problemsOf({ processMemory: '0.5', processMemoryUnit: 'MB' }).processMemory).toEqual(['Memory per process: at least 1 MB.']);
    expect(problemsOf({ processMemory: '-1' }).processMemory).toHaveLength(1);
    expect(problemsOf({ processMemory: '1e3' }).processMemory).toHaveLength(1);
  });

  it('bounds counts and classes', () => {
    expect(problemsOf({ activeProcesses: '0' }).activeProcesses).toEqual(['Active processes: a whole number from 1 to 1,000,000.']);
    expect(problemsOf({ activeProcesses: '2.5' }).activeProcesses).toHaveLength(1);
    expect(problemsOf({ activeProcesses: '1000000' }).activeProcesses).toBeUndefined();
    expect(problemsOf({ schedulingClass: '10' }).schedulingClass).toEqual(['Scheduling class: a whole number from 0 to 9.']);
    expect(problemsOf({ schedulingClass: '0' }).schedulingClass).toBeUndefined();
  });

  it('checks the CPU rate of the chosen mode only', () => {
    expect(problemsOf({ cpuRateMode: 'none', cpuHardCap: 'junk' }).cpuRate).toBeUndefined();
    expect(problemsOf({ cpuRateMode: 'hardCap', cpuHardCap: '' }).cpuRate).toEqual(['Hard cap: required for this mode.']);
    expect(problemsOf({ cpuRateMode: 'hardCap', cpuHardCap: '101' }).cpuRate).toEqual(['Hard cap: a percent from 0.01 to 100.']);
    expect(problemsOf({ cpuRateMode: 'hardCap', cpuHardCap: '12.345' }).cpuRate?.[0]).toContain('two decimals');
    expect(problemsOf({ cpuRateMode: 'weight', cpuWeight: '10' }).cpuRate).toEqual(['Weight: a whole number from 1 to 9.']);
    expect(problemsOf({ cpuRateMode: 'minMax', cpuMin: '60', cpuMax: '50' }).cpuRate).toEqual(['The minimum cannot be above the maximum.']);
  });

  it('wants a processor picked, on this machine', () => {
    expect(problemsOf({ affinityOn: true, affinity: [] }).affinity?.[0]).toContain('at least one');
    expect(problemsOf({ affinityOn: true, affinity: [4] }, 4).affinity).toEqual(['This machine has logical processors 0 to 3 in this group.']);
  });

  it('wants both working-set bounds, in order', () => {
    expect(problemsOf({ workingSetMin: '10' }).workingSet?.[0]).toContain('both');
    expect(problemsOf({ workingSetMin: '20', workingSetMax: '10' }).workingSet).toEqual(['The minimum working set cannot be above the maximum.']);
  });

  it('reports every problem at once and gives no limits', () => {
    const { limits, problems } = convert({ jobMemory: 'x', activeProcesses: '0', schedulingClass: '12' });
    expect(limits).toBeNull();
    expect([...problems.keys()].sort()).toEqual(['activeProcesses', 'jobMemory', 'schedulingClass']);
  });
});

describe('limits -> form -> limits', () => {
  it('round-trips every field exactly', () => {
    const form = formFromLimits(full);
    expect(form).toMatchObject({ processMemory: '512', processMemoryUnit: 'MB', jobMemory: '8', jobMemoryUnit: 'GB', processUserTime: '90', processUserTimeUnit: 's', jobUserTime: '30', jobUserTimeUnit: 'min' });
    expect(form).toMatchObject({ cpuRateMode: 'minMax', cpuMin: '5', cpuMax: '62.5', affinityOn: true, schedulingClass: '3', workingSetMin: '64', workingSetMax: '256' });
    const back = formToLimits(form, 8);
    expect(back.problems.size).toBe(0);
    expect(back.limits).toEqual(full);
  });

  it('keeps byte-exact values Windows rounds to pages (not whole MB)', () => {
    const held = { ...noLimits(), processMemoryBytes: 5 * MB + 4096, processUserTimeMs: 1234 };
    const form = formFromLimits(held);
    expect(form.processMemoryUnit).toBe('MB');
    expect(form.processUserTimeUnit).toBe('s');
    expect(formToLimits(form, 1).limits).toEqual(held);
  });

  it('shows not-set limits as empty fields', () => {
    const form = formFromLimits(noLimits());
    expect(form.processMemory).toBe('');
    expect(form.cpuRateMode).toBe('none');
    expect(form.affinityOn).toBe(false);
    expect(form.priorityClass).toBe('');
  });
});

describe('helpers', () => {
  it('picks the largest whole unit', () => {
    expect(memoryUnitFor(2 * GB)).toBe('GB');
    expect(memoryUnitFor(1.5 * GB)).toBe('MB');
    expect(timeUnitFor(3_600_000)).toBe('h');
    expect(timeUnitFor(120_000)).toBe('min');
    expect(timeUnitFor(1500)).toBe('s');
  });
  it('parses plain decimals only', () => {
    expect(parseNumber(' ')).toBeNull();
    expect(parseNumber('1.25')).toBe(1.25);
    expect(parseNumber('1,5')).toBeNaN();
    expect(parseNumber('0x10')).toBeNaN();
  });
});

describe('problemFieldOf', () => {
  it('maps each typed key (units included) to the field its problems sit under', () => {
    expect(problemFieldOf('processMemoryUnit')).toBe('processMemory');
    expect(problemFieldOf('workingSetMax')).toBe('workingSet');
    expect(problemFieldOf('cpuMin')).toBe('cpuRate');
    expect(problemFieldOf('affinityOn')).toBe('affinity');
    // Choosing a CPU rate mode is not a mistake before the percent is typed; a checkbox has no problems.
    expect(problemFieldOf('cpuRateMode')).toBeNull();
    expect(problemFieldOf('killOnJobClose')).toBeNull();
  });
});
