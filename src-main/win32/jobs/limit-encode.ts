/**
 * Job limits in the admin's words and units (JobLimits) to and from the JOBOBJECT_* structs, both ways.
 * Pure, so every field is unit-tested on Linux; job-limits.ts makes the calls.
 *
 * Units: memory in bytes (SIZE_T), user time in milliseconds (the structs' LARGE_INTEGERs count 100 ns),
 * CPU rates in percent (the struct counts 1/100 percent), affinity as processor numbers (the struct's
 * ULONG_PTR mask has one bit per processor).
 */
import type { CpuRate, JobLimits, UiRestriction } from '../../core/jobs/job-system';
import type { PriorityClass } from '../../core/processes/process-source';
import { PRIORITY_CLASS_VALUES } from '../processes/control';

/** JOB_OBJECT_LIMIT_* (winnt.h). */
export const JOB_OBJECT_LIMIT = Object.freeze({
  WORKINGSET: 0x1,
  PROCESS_TIME: 0x2,
  JOB_TIME: 0x4,
  ACTIVE_PROCESS: 0x8,
  AFFINITY: 0x10,
  PRIORITY_CLASS: 0x20,
  PRESERVE_JOB_TIME: 0x40,
  SCHEDULING_CLASS: 0x80,
  PROCESS_MEMORY: 0x100,
  JOB_MEMORY: 0x200,
  DIE_ON_UNHANDLED_EXCEPTION: 0x400,
  BREAKAWAY_OK: 0x800,
  SILENT_BREAKAWAY_OK: 0x1000,
  KILL_ON_JOB_CLOSE: 0x2000,
});

/** JOB_OBJECT_CPU_RATE_CONTROL_* (winnt.h; MIN_MAX_RATE is Windows 10's and only in the Windows SDK). */
export const JOB_OBJECT_CPU_RATE_CONTROL = Object.freeze({
  ENABLE: 0x1,
  WEIGHT_BASED: 0x2,
  HARD_CAP: 0x4,
  NOTIFY: 0x8,
  MIN_MAX_RATE: 0x10,
});

/** JOB_OBJECT_UILIMIT_* (winnt.h) by the contract's names. */
export const UI_RESTRICTION_BITS: Readonly<Record<UiRestriction, number>> = Object.freeze({
  handles: 0x1,
  readClipboard: 0x2,
  writeClipboard: 0x4,
  systemParameters: 0x8,
  displaySettings: 0x10,
  globalAtoms: 0x20,
  desktop: 0x40,
  exitWindows: 0x80,
});

/** A 64-bit or pointer-sized field as koffi hands it back: a number while it is exact, else a bigint. */
export type Wide = number | bigint;

/** JOBOBJECT_BASIC_LIMIT_INFORMATION as koffi copies it in and out. */
export interface BasicLimitFields {
  PerProcessUserTimeLimit: Wide;
  PerJobUserTimeLimit: Wide;
  LimitFlags: number;
  MinimumWorkingSetSize: Wide;
  MaximumWorkingSetSize: Wide;
  ActiveProcessLimit: number;
  Affinity: Wide;
  PriorityClass: number;
  SchedulingClass: number;
}

/** JOBOBJECT_EXTENDED_LIMIT_INFORMATION as koffi copies it in and out (IoInfo is reserved and left zero). */
export interface ExtendedLimitFields {
  BasicLimitInformation: BasicLimitFields;
  ProcessMemoryLimit: Wide;
  JobMemoryLimit: Wide;
  PeakProcessMemoryUsed: Wide;
  PeakJobMemoryUsed: Wide;
}

/** JOBOBJECT_CPU_RATE_CONTROL_INFORMATION as koffi copies it (CpuRate is the union's DWORD view, see structs.ts). */
export interface CpuRateFields {
  ControlFlags: number;
  CpuRate: number;
}

/** 100-ns units per millisecond. */
const TICKS_PER_MS = 10_000n;

const big = (value: Wide): bigint => (typeof value === 'bigint' ? value : BigInt(Math.trunc(value)));
const bytes = (value: number): bigint => BigInt(Math.trunc(value));
/** A byte count or a time read back; above 2^53 it stops being exact, which no real limit reaches. */
const num = (value: Wide): number => Number(value);

/** The bit mask for a list of processors (0-63). */
export function affinityMask(processors: readonly number[]): bigint {
  let mask = 0n;
  for (const p of processors) mask |= 1n << BigInt(p);
  return mask;
}

/** The processors a mask names, ascending. */
export function processorsOf(mask: Wide): number[] {
  const value = big(mask);
  const processors: number[] = [];
  for (let p = 0; p < 64; p++) if ((value >> BigInt(p)) & 1n) processors.push(p);
  return processors;
}

/** Milliseconds to a LARGE_INTEGER of 100-ns units. */
const ticks = (ms: number): bigint => BigInt(Math.trunc(ms)) * TICKS_PER_MS;

/**
 * Back to milliseconds, rounded to the nearest one (a limit set elsewhere need not be whole milliseconds;
 * the contract counts whole ones), never 0 for a set limit.
 */
function millisecondsOf(value: Wide): number {
  const t = big(value);
  return Math.max(1, Number((t + TICKS_PER_MS / 2n) / TICKS_PER_MS));
}

/**
 * The extended limit information for `limits`: every limit that is set gets its flag and its field, every
 * other field is zero, so writing this clears whatever the job held before.
 */
export function encodeExtendedLimits(limits: JobLimits, { preserveJobTime = false }: { preserveJobTime?: boolean } = {}): ExtendedLimitFields {
  const L = JOB_OBJECT_LIMIT;
  let flags = 0;
  const basic: BasicLimitFields = {
    PerProcessUserTimeLimit: 0n,
    PerJobUserTimeLimit: 0n,
    LimitFlags: 0,
    MinimumWorkingSetSize: 0n,
    MaximumWorkingSetSize: 0n,
    ActiveProcessLimit: 0,
    Affinity: 0n,
    PriorityClass: 0,
    SchedulingClass: 0,
  };
  const extended: ExtendedLimitFields = { BasicLimitInformation: basic, ProcessMemoryLimit: 0n, JobMemoryLimit: 0n, PeakProcessMemoryUsed: 0n, PeakJobMemoryUsed: 0n };
  if (limits.processMemoryBytes !== null) {
    flags |= L.PROCESS_MEMORY;
    extended.ProcessMemoryLimit = bytes(limits.processMemoryBytes);
  }
  if (limits.jobMemoryBytes !== null) {
    flags |= L.JOB_MEMORY;
    extended.JobMemoryLimit = bytes(limits.jobMemoryBytes);
  }
  if (limits.activeProcesses !== null) {
    flags |= L.ACTIVE_PROCESS;
    basic.ActiveProcessLimit = limits.activeProcesses;
  }
  if (limits.processUserTimeMs !== null) {
    flags |= L.PROCESS_TIME;
    basic.PerProcessUserTimeLimit = ticks(limits.processUserTimeMs);
  }
  if (limits.jobUserTimeMs !== null && preserveJobTime) {
    // "JOBOBJECT_BASIC_LIMIT_INFORMATION": writing JOB_TIME again restarts the budget from the time already
    // used; PRESERVE_JOB_TIME keeps the limit set earlier (it cannot be combined with JOB_TIME).
    flags |= L.PRESERVE_JOB_TIME;
  } else if (limits.jobUserTimeMs !== null) {
    flags |= L.JOB_TIME;
    basic.PerJobUserTimeLimit = ticks(limits.jobUserTimeMs);
  }
  if (limits.affinity !== null) {
    flags |= L.AFFINITY;
    basic.Affinity = affinityMask(limits.affinity);
  }
  if (limits.priorityClass !== null) {
    flags |= L.PRIORITY_CLASS;
    basic.PriorityClass = PRIORITY_CLASS_VALUES[limits.priorityClass];
  }
  if (limits.schedulingClass !== null) {
    flags |= L.SCHEDULING_CLASS;
    basic.SchedulingClass = limits.schedulingClass;
  }
  if (limits.workingSet !== null) {
    flags |= L.WORKINGSET;
    basic.MinimumWorkingSetSize = bytes(limits.workingSet.minBytes);
    basic.MaximumWorkingSetSize = bytes(limits.workingSet.maxBytes);
  }
  if (limits.killOnJobClose) flags |= L.KILL_ON_JOB_CLOSE;
  if (limits.dieOnUnhandledException) flags |= L.DIE_ON_UNHANDLED_EXCEPTION;
  if (limits.breakawayOk) flags |= L.BREAKAWAY_OK;
  if (limits.silentBreakawayOk) flags |= L.SILENT_BREAKAWAY_OK;
  basic.LimitFlags = flags;
  return extended;
}

const PRIORITY_BY_VALUE = new Map<number, PriorityClass>(Object.entries(PRIORITY_CLASS_VALUES).map(([name, value]) => [value, name as PriorityClass]));

/** The limits without CPU rate and UI restrictions (other classes), as the extended information holds them. */
export type ExtendedLimits = Omit<JobLimits, 'cpuRate' | 'uiRestrictions'>;

/**
 * The limits an extended limit information holds. A field counts only where its flag is set (Windows
 * leaves stale values in fields whose flag is off); flags JobLimits has no words for (PRESERVE_JOB_TIME,
 * SUBSET_AFFINITY, the I/O and rate-control flags) are ignored.
 */
export function decodeExtendedLimits(info: ExtendedLimitFields): ExtendedLimits {
  const L = JOB_OBJECT_LIMIT;
  const b = info.BasicLimitInformation;
  const has = (flag: number) => (b.LimitFlags & flag) !== 0;
  return {
    processMemoryBytes: has(L.PROCESS_MEMORY) ? num(info.ProcessMemoryLimit) : null,
    jobMemoryBytes: has(L.JOB_MEMORY) ? num(info.JobMemoryLimit) : null,
    activeProcesses: has(L.ACTIVE_PROCESS) ? b.ActiveProcessLimit : null,
    processUserTimeMs: has(L.PROCESS_TIME) ? millisecondsOf(b.PerProcessUserTimeLimit) : null,
    jobUserTimeMs: has(L.JOB_TIME) ? millisecondsOf(b.PerJobUserTimeLimit) : null,
    affinity: has(L.AFFINITY) ? processorsOf(b.Affinity) : null,
    priorityClass: has(L.PRIORITY_CLASS) ? (PRIORITY_BY_VALUE.get(b.PriorityClass) ?? null) : null,
    schedulingClass: has(L.SCHEDULING_CLASS) ? b.SchedulingClass : null,
    workingSet: has(L.WORKINGSET) ? { minBytes: num(b.MinimumWorkingSetSize), maxBytes: num(b.MaximumWorkingSetSize) } : null,
    killOnJobClose: has(L.KILL_ON_JOB_CLOSE),
    dieOnUnhandledException: has(L.DIE_ON_UNHANDLED_EXCEPTION),
    breakawayOk: has(L.BREAKAWAY_OK),
    silentBreakawayOk: has(L.SILENT_BREAKAWAY_OK),
  };
}

/** Percent (0-100, in hundredths) to the struct's 1/100-percent units, within [min, 10000]. */
function hundredths(percent: number, min: number): number {
  return Math.min(10_000, Math.max(min, Math.round(percent * 100)));
}

/**
 * The CPU rate control information for a rate, or for `null` the one that switches rate control off
 * (ControlFlags 0), which setLimits writes only when the job had a rate before.
 */
export function encodeCpuRate(rate: CpuRate | null): CpuRateFields {
  const C = JOB_OBJECT_CPU_RATE_CONTROL;
  if (rate === null) return { ControlFlags: 0, CpuRate: 0 };
  switch (rate.kind) {
    case 'hardCap':
      // "CpuRate: ... the number of cycles per 10,000 cycles", 1 to 10,000.
      return { ControlFlags: C.ENABLE | C.HARD_CAP, CpuRate: hundredths(rate.percent, 1) };
    case 'weight':
      return { ControlFlags: C.ENABLE | C.WEIGHT_BASED, CpuRate: rate.weight };
    case 'minMax':
      // MinRate is the union's low WORD, MaxRate its high WORD (little-endian), each in 1/100 percent.
      return { ControlFlags: C.ENABLE | C.MIN_MAX_RATE, CpuRate: (hundredths(rate.minPercent, 0) | (hundredths(rate.maxPercent, 1) << 16)) >>> 0 };
  }
}

/**
 * The rate a CPU rate control information holds, or null when rate control is off. `note` explains a
 * setting JobLimits cannot express (a soft cap, i.e. a rate without HARD_CAP), which is then reported as
 * not set rather than misread.
 */
export function decodeCpuRate(info: CpuRateFields): { cpuRate: CpuRate | null; note: string | null } {
  const C = JOB_OBJECT_CPU_RATE_CONTROL;
  const flags = info.ControlFlags;
  if ((flags & C.ENABLE) === 0) return { cpuRate: null, note: null };
  const value = info.CpuRate >>> 0;
  if (flags & C.WEIGHT_BASED) return { cpuRate: { kind: 'weight', weight: value }, note: null };
  if (flags & C.MIN_MAX_RATE) return { cpuRate: { kind: 'minMax', minPercent: (value & 0xffff) / 100, maxPercent: (value >>> 16) / 100 }, note: null };
  if (flags & C.HARD_CAP) return { cpuRate: { kind: 'hardCap', percent: value / 100 }, note: null };
  return { cpuRate: null, note: `a soft cap of ${value / 100}% (rate control without HARD_CAP), which the editor does not offer` };
}

/** The JOB_OBJECT_UILIMIT_* bits for a list of restrictions. */
export function encodeUiRestrictions(restrictions: readonly UiRestriction[]): number {
  return restrictions.reduce((bits, r) => bits | UI_RESTRICTION_BITS[r], 0);
}

/** The restrictions a UIRestrictionsClass holds, in the contract's order (bits it has no name for are ignored). */
export function decodeUiRestrictions(bits: number): UiRestriction[] {
  return (Object.keys(UI_RESTRICTION_BITS) as UiRestriction[]).filter((r) => (bits & UI_RESTRICTION_BITS[r]) !== 0);
}

/** JobLimits with nothing set: what a fresh job holds. */
export { noLimits } from '../../core/jobs/limit-differences';
