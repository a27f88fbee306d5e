import { describe, expect, test } from 'vitest';
import type { JobLimits } from '../../core/jobs/job-system';
import {
  JOB_OBJECT_CPU_RATE_CONTROL as C,
  JOB_OBJECT_LIMIT as L,
  affinityMask,
  decodeCpuRate,
  decodeExtendedLimits,
  decodeUiRestrictions,
  encodeCpuRate,
  encodeExtendedLimits,
  encodeUiRestrictions,
  noLimits,
  processorsOf,
} from './limit-encode';

const GiB = 1024 ** 3;

/** Every limit set, none at a default. */
const everything: JobLimits = {
  processMemoryBytes: 512 * 1024 * 1024,
  jobMemoryBytes: 8 * GiB,
  activeProcesses: 12,
  processUserTimeMs: 90_000,
  jobUserTimeMs: 30 * 60_000,
  cpuRate: { kind: 'hardCap', percent: 25.5 },
  affinity: [0, 2, 3],
  priorityClass: 'belowNormal',
  schedulingClass: 7,
  workingSet: { minBytes: 4 * 1024 * 1024, maxBytes: 64 * 1024 * 1024 },
  killOnJobClose: true,
  dieOnUnhandledException: true,
  breakawayOk: true,
  silentBreakawayOk: true,
  uiRestrictions: ['handles', 'writeClipboard', 'exitWindows'],
};

describe('extended limits', () => {
  test('re-applying the same job time keeps the budget already running (PRESERVE_JOB_TIME, never with JOB_TIME)', () => {
    const fields = encodeExtendedLimits(everything, { preserveJobTime: true });
    const flags = fields.BasicLimitInformation.LimitFlags;
    expect(flags & L.PRESERVE_JOB_TIME).toBe(L.PRESERVE_JOB_TIME);
    expect(flags & L.JOB_TIME).toBe(0);
    expect(fields.BasicLimitInformation.PerJobUserTimeLimit).toBe(0n);
    expect(encodeExtendedLimits({ ...everything, jobUserTimeMs: null }, { preserveJobTime: true }).BasicLimitInformation.LimitFlags & L.PRESERVE_JOB_TIME).toBe(0);
  });

  test('every limit goes to its flag and its field, in the struct units', () => {
    const info = encodeExtendedLimits(everything);
    const b = info.BasicLimitInformation;
    expect(b.LimitFlags).toBe(
      L.PROCESS_MEMORY |
        L.JOB_MEMORY |
        L.ACTIVE_PROCESS |
        L.PROCESS_TIME |
        L.JOB_TIME |
        L.AFFINITY |
        L.PRIORITY_CLASS |
        L.SCHEDULING_CLASS |
        L.WORKINGSET |
        L.KILL_ON_JOB_CLOSE |
        L.DIE_ON_UNHANDLED_EXCEPTION |
        L.BREAKAWAY_OK |
        L.SILENT_BREAKAWAY_OK,
    );
    expect(b.LimitFlags).toBe(0x3fbf);
    expect(info.ProcessMemoryLimit).toBe(536_870_912n);
    expect(info.JobMemoryLimit).toBe(8_589_934_592n);
    expect(b.ActiveProcessLimit).toBe(12);
    expect(b.PerProcessUserTimeLimit).toBe(900_000_000n); // 90 s in 100-ns units
    expect(b.PerJobUserTimeLimit).toBe(18_000_000_000n);
    expect(b.Affinity).toBe(0b1101n);
    expect(b.PriorityClass).toBe(0x4000); // BELOW_NORMAL_PRIORITY_CLASS
    expect(b.SchedulingClass).toBe(7);
    expect(b.MinimumWorkingSetSize).toBe(4_194_304n);
    expect(b.MaximumWorkingSetSize).toBe(67_108_864n);
    expect([info.PeakProcessMemoryUsed, info.PeakJobMemoryUsed]).toEqual([0n, 0n]);
  });

  test('nothing set writes no flag and zero fields, so writing it clears the job', () => {
    const info = encodeExtendedLimits(noLimits());
    expect(info.BasicLimitInformation).toEqual({
      PerProcessUserTimeLimit: 0n,
      PerJobUserTimeLimit: 0n,
      LimitFlags: 0,
      MinimumWorkingSetSize: 0n,
      MaximumWorkingSetSize: 0n,
      ActiveProcessLimit: 0,
      Affinity: 0n,
      PriorityClass: 0,
      SchedulingClass: 0,
    });
    expect([info.ProcessMemoryLimit, info.JobMemoryLimit]).toEqual([0n, 0n]);
  });

  test.each([
    ['processMemoryBytes', { processMemoryBytes: 1 << 20 }, L.PROCESS_MEMORY],
    ['jobMemoryBytes', { jobMemoryBytes: 1 << 20 }, L.JOB_MEMORY],
    ['activeProcesses', { activeProcesses: 1 }, L.ACTIVE_PROCESS],
    ['processUserTimeMs', { processUserTimeMs: 1 }, L.PROCESS_TIME],
    ['jobUserTimeMs', { jobUserTimeMs: 1 }, L.JOB_TIME],
    ['affinity', { affinity: [5] }, L.AFFINITY],
    ['priorityClass', { priorityClass: 'idle' }, L.PRIORITY_CLASS],
    ['schedulingClass', { schedulingClass: 0 }, L.SCHEDULING_CLASS],
    ['workingSet', { workingSet: { minBytes: 1 << 20, maxBytes: 2 << 20 } }, L.WORKINGSET],
    ['killOnJobClose', { killOnJobClose: true }, L.KILL_ON_JOB_CLOSE],
    ['dieOnUnhandledException', { dieOnUnhandledException: true }, L.DIE_ON_UNHANDLED_EXCEPTION],
    ['breakawayOk', { breakawayOk: true }, L.BREAKAWAY_OK],
    ['silentBreakawayOk', { silentBreakawayOk: true }, L.SILENT_BREAKAWAY_OK],
  ] as const)('%s alone sets exactly its flag and reads back alone', (_name, part, flag) => {
    const limits: JobLimits = { ...noLimits(), ...(part as Partial<JobLimits>) };
    const info = encodeExtendedLimits(limits);
    expect(info.BasicLimitInformation.LimitFlags).toBe(flag);
    expect({ ...decodeExtendedLimits(info), cpuRate: null, uiRestrictions: [] }).toEqual(limits);
  });

  test('a limit of zero (scheduling class 0) is still a set limit', () => {
    expect(decodeExtendedLimits(encodeExtendedLimits({ ...noLimits(), schedulingClass: 0 })).schedulingClass).toBe(0);
  });

  test('reads back what it wrote, field by field (bigints or numbers from koffi alike)', () => {
    const { cpuRate: _c, uiRestrictions: _u, ...extended } = everything;
    expect(decodeExtendedLimits(encodeExtendedLimits(everything))).toEqual(extended);
    // koffi hands back numbers while they are exact.
    const info = encodeExtendedLimits(everything);
    const asNumbers = {
      ...info,
      ProcessMemoryLimit: Number(info.ProcessMemoryLimit),
      JobMemoryLimit: Number(info.JobMemoryLimit),
      BasicLimitInformation: {
        ...info.BasicLimitInformation,
        PerProcessUserTimeLimit: Number(info.BasicLimitInformation.PerProcessUserTimeLimit),
        PerJobUserTimeLimit: Number(info.BasicLimitInformation.PerJobUserTimeLimit),
        Affinity: Number(info.BasicLimitInformation.Affinity),
        MinimumWorkingSetSize: Number(info.BasicLimitInformation.MinimumWorkingSetSize),
        MaximumWorkingSetSize: Number(info.BasicLimitInformation.MaximumWorkingSetSize),
      },
    };
    expect(decodeExtendedLimits(asNumbers)).toEqual(extended);
  });

  test('fields whose flag is off are ignored, and so are flags the editor has no words for', () => {
    const info = encodeExtendedLimits(everything);
    info.BasicLimitInformation.LimitFlags = L.PRESERVE_JOB_TIME | 0x4000 /* SUBSET_AFFINITY */ | L.KILL_ON_JOB_CLOSE;
    expect(decodeExtendedLimits(info)).toEqual({ ...noLimits(), killOnJobClose: true, cpuRate: undefined, uiRestrictions: undefined });
  });

  test('all zeros (what Wine 8 reads back) is "nothing set"', () => {
    const { cpuRate: _c, uiRestrictions: _u, ...none } = noLimits();
    expect(decodeExtendedLimits(encodeExtendedLimits(noLimits()))).toEqual(none);
  });

  test('times read back to the nearest millisecond, never 0 for a set limit', () => {
    const info = encodeExtendedLimits({ ...noLimits(), processUserTimeMs: 5, jobUserTimeMs: 5 });
    info.BasicLimitInformation.PerProcessUserTimeLimit = 15_001n; // 1.5001 ms
    info.BasicLimitInformation.PerJobUserTimeLimit = 1n; // 100 ns
    const back = decodeExtendedLimits(info);
    expect([back.processUserTimeMs, back.jobUserTimeMs]).toEqual([2, 1]);
  });

  test('an unknown priority class value reads back as not set rather than as a wrong class', () => {
    const info = encodeExtendedLimits({ ...noLimits(), priorityClass: 'high' });
    info.BasicLimitInformation.PriorityClass = 0x1234;
    expect(decodeExtendedLimits(info).priorityClass).toBeNull();
  });

  test('every priority class round-trips', () => {
    for (const priorityClass of ['idle', 'belowNormal', 'normal', 'aboveNormal', 'high', 'realtime'] as const) {
      expect(decodeExtendedLimits(encodeExtendedLimits({ ...noLimits(), priorityClass })).priorityClass).toBe(priorityClass);
    }
  });
});

describe('affinity', () => {
  test('processor lists and masks, processor 63 included', () => {
    expect(affinityMask([0])).toBe(1n);
    expect(affinityMask([63, 0])).toBe(0x8000_0000_0000_0001n);
    expect(processorsOf(0x8000_0000_0000_0001n)).toEqual([0, 63]);
    expect(processorsOf(0b1010)).toEqual([1, 3]);
    expect(processorsOf(affinityMask([7, 1, 40]))).toEqual([1, 7, 40]);
  });
});

describe('CPU rate', () => {
  test('hard cap: ENABLE | HARD_CAP, the rate in 1/100 percent (1 to 10,000)', () => {
    expect(encodeCpuRate({ kind: 'hardCap', percent: 25.5 })).toEqual({ ControlFlags: C.ENABLE | C.HARD_CAP, CpuRate: 2550 });
    expect(encodeCpuRate({ kind: 'hardCap', percent: 100 })).toEqual({ ControlFlags: 0x5, CpuRate: 10_000 });
    expect(encodeCpuRate({ kind: 'hardCap', percent: 0.01 }).CpuRate).toBe(1);
    expect(encodeCpuRate({ kind: 'hardCap', percent: 0.001 }).CpuRate).toBe(1);
    expect(decodeCpuRate({ ControlFlags: 0x5, CpuRate: 2550 })).toEqual({ cpuRate: { kind: 'hardCap', percent: 25.5 }, note: null });
  });

  test('weight: ENABLE | WEIGHT_BASED, the weight itself', () => {
    expect(encodeCpuRate({ kind: 'weight', weight: 9 })).toEqual({ ControlFlags: C.ENABLE | C.WEIGHT_BASED, CpuRate: 9 });
    expect(decodeCpuRate({ ControlFlags: 0x3, CpuRate: 3 })).toEqual({ cpuRate: { kind: 'weight', weight: 3 }, note: null });
  });

  test('min/max: ENABLE | MIN_MAX_RATE, MinRate in the low word and MaxRate in the high word', () => {
    const info = encodeCpuRate({ kind: 'minMax', minPercent: 10, maxPercent: 75.25 });
    expect(info).toEqual({ ControlFlags: C.ENABLE | C.MIN_MAX_RATE, CpuRate: 1000 | (7525 << 16) });
    expect(info.ControlFlags).toBe(0x11);
    expect(decodeCpuRate(info)).toEqual({ cpuRate: { kind: 'minMax', minPercent: 10, maxPercent: 75.25 }, note: null });
    expect(decodeCpuRate(encodeCpuRate({ kind: 'minMax', minPercent: 0, maxPercent: 100 })).cpuRate).toEqual({ kind: 'minMax', minPercent: 0, maxPercent: 100 });
  });

  test('none: ControlFlags 0 switches rate control off, and reads back as none', () => {
    expect(encodeCpuRate(null)).toEqual({ ControlFlags: 0, CpuRate: 0 });
    expect(decodeCpuRate({ ControlFlags: 0, CpuRate: 0 })).toEqual({ cpuRate: null, note: null });
    // A rate left in the struct with ENABLE off is not a rate.
    expect(decodeCpuRate({ ControlFlags: C.HARD_CAP, CpuRate: 5000 }).cpuRate).toBeNull();
  });

  test('a soft cap (rate without HARD_CAP) is not misread as a hard cap: not set, with a note', () => {
    const back = decodeCpuRate({ ControlFlags: C.ENABLE, CpuRate: 4000 });
    expect(back.cpuRate).toBeNull();
    expect(back.note).toContain('soft cap of 40%');
  });

  test('NOTIFY alongside a hard cap still reads as the hard cap', () => {
    expect(decodeCpuRate({ ControlFlags: C.ENABLE | C.HARD_CAP | C.NOTIFY, CpuRate: 500 }).cpuRate).toEqual({ kind: 'hardCap', percent: 5 });
  });
});

describe('UI restrictions', () => {
  test('each restriction is its JOB_OBJECT_UILIMIT_* bit', () => {
    const all = ['handles', 'readClipboard', 'writeClipboard', 'systemParameters', 'displaySettings', 'globalAtoms', 'desktop', 'exitWindows'] as const;
    all.forEach((r, i) => expect(encodeUiRestrictions([r])).toBe(1 << i));
    expect(encodeUiRestrictions([...all])).toBe(0xff); // JOB_OBJECT_UILIMIT_ALL
    expect(encodeUiRestrictions([])).toBe(0);
    expect(decodeUiRestrictions(0xff)).toEqual([...all]);
  });

  test('read back in a fixed order; bits without a name are ignored', () => {
    expect(decodeUiRestrictions(encodeUiRestrictions(['exitWindows', 'handles']))).toEqual(['handles', 'exitWindows']);
    expect(decodeUiRestrictions(0x100 | 0x2)).toEqual(['readClipboard']);
    expect(decodeUiRestrictions(0)).toEqual([]);
  });
});
