/**
 * The limit editor's form and its conversion to and from the contract's JobLimitsValue (bytes,
 * milliseconds, percent). The form holds what the admin typed (text and a unit per field); an empty
 * field means "not set". Pure, so both directions and every range are unit tested.
 */
import type { JobLimitsFormValue } from '../../src-preload/contract/job-schemas';
import type { PriorityClassName } from '../../src-preload/contract/process-fields';

/** The UI restrictions (JOB_OBJECT_UILIMIT_*), in the contract's order. */
export type UiRestriction = JobLimitsFormValue['uiRestrictions'][number];
/** Memory as the admin types it: binary megabytes or gigabytes, as Task Manager shows memory. */
export type MemoryUnit = 'MB' | 'GB';
/** CPU time as the admin types it. */
export type TimeUnit = 's' | 'min' | 'h';
/** Which JOBOBJECT_CPU_RATE_CONTROL_INFORMATION mode, or none. */
export type CpuRateMode = 'none' | 'hardCap' | 'weight' | 'minMax';

/** Bytes per unit. */
export const MEMORY_UNIT_BYTES: { readonly [U in MemoryUnit]: number } = { MB: 1024 ** 2, GB: 1024 ** 3 };
/** Milliseconds per unit. */
export const TIME_UNIT_MS: { readonly [U in TimeUnit]: number } = { s: 1000, min: 60_000, h: 3_600_000 };
/** The most logical processors one job's affinity can name (one processor group, as JOBOBJECT_BASIC_LIMIT_INFORMATION's ULONG_PTR mask holds). */
export const MAX_AFFINITY_PROCESSORS = 64;

/** The form as typed. */
export interface LimitForm {
  readonly processMemory: string;
  readonly processMemoryUnit: MemoryUnit;
  readonly jobMemory: string;
  readonly jobMemoryUnit: MemoryUnit;
  readonly activeProcesses: string;
  readonly processUserTime: string;
  readonly processUserTimeUnit: TimeUnit;
  readonly jobUserTime: string;
  readonly jobUserTimeUnit: TimeUnit;
  readonly cpuRateMode: CpuRateMode;
  readonly cpuHardCap: string;
  readonly cpuWeight: string;
  readonly cpuMin: string;
  readonly cpuMax: string;
  /** Limit affinity at all; when on, `affinity` holds the allowed processors. */
  readonly affinityOn: boolean;
  readonly affinity: readonly number[];
  /** '' = not set. */
  readonly priorityClass: PriorityClassName | '';
  readonly schedulingClass: string;
  readonly workingSetMin: string;
  readonly workingSetMax: string;
  readonly workingSetUnit: MemoryUnit;
  readonly killOnJobClose: boolean;
  readonly dieOnUnhandledException: boolean;
  readonly breakawayOk: boolean;
  readonly silentBreakawayOk: boolean;
  readonly uiRestrictions: readonly UiRestriction[];
}

/** The fields a problem can sit beside. */
export type LimitField =
  | 'processMemory'
  | 'jobMemory'
  | 'activeProcesses'
  | 'processUserTime'
  | 'jobUserTime'
  | 'cpuRate'
  | 'affinity'
  | 'schedulingClass'
  | 'workingSet';

/**
 * The problem field a form key's problems sit under (its unit and mode included), or null for keys with no
 * problems of their own (the CPU rate mode touches nothing: choosing "Hard cap" before typing the percent
 * is not a mistake yet).
 */
export function problemFieldOf(key: keyof LimitForm): LimitField | null {
  switch (key) {
    case 'processMemory':
    case 'processMemoryUnit':
      return 'processMemory';
    case 'jobMemory':
    case 'jobMemoryUnit':
      return 'jobMemory';
    case 'activeProcesses':
      return 'activeProcesses';
    case 'processUserTime':
    case 'processUserTimeUnit':
      return 'processUserTime';
    case 'jobUserTime':
    case 'jobUserTimeUnit':
      return 'jobUserTime';
    case 'cpuHardCap':
    case 'cpuWeight':
    case 'cpuMin':
    case 'cpuMax':
      return 'cpuRate';
    case 'affinityOn':
    case 'affinity':
      return 'affinity';
    case 'schedulingClass':
      return 'schedulingClass';
    case 'workingSetMin':
    case 'workingSetMax':
    case 'workingSetUnit':
      return 'workingSet';
    default:
      return null;
  }
}

/** Problems by field; empty when the form converts. */
export type LimitProblems = ReadonlyMap<LimitField, readonly string[]>;

/** A form with nothing set. `killOnJobClose` is the one default worth choosing: no orphans when the console lets go. */
export function emptyLimitForm(killOnJobClose = false): LimitForm {
  return {
    processMemory: '',
    processMemoryUnit: 'MB',
    jobMemory: '',
    jobMemoryUnit: 'GB',
    activeProcesses: '',
    processUserTime: '',
    processUserTimeUnit: 'min',
    jobUserTime: '',
    jobUserTimeUnit: 'min',
    cpuRateMode: 'none',
    cpuHardCap: '',
    cpuWeight: '',
    cpuMin: '',
    cpuMax: '',
    affinityOn: false,
    affinity: [],
    priorityClass: '',
    schedulingClass: '',
    workingSetMin: '',
    workingSetMax: '',
    workingSetUnit: 'MB',
    killOnJobClose,
    dieOnUnhandledException: false,
    breakawayOk: false,
    silentBreakawayOk: false,
    uiRestrictions: [],
  };
}

/** Limits with nothing set (what "no limits" means to main): the contract's one definition. */
export { noJobLimits as noLimits } from '../../src-preload/contract/job-limits';

// String(x) prints the shortest text that reads back as the same double, so bytes -> MB -> bytes is exact.
function memoryText(bytes: number, unit: MemoryUnit): string {
  return String(bytes / MEMORY_UNIT_BYTES[unit]);
}

/** The largest unit that shows `bytes` as a whole number, else MB. */
export function memoryUnitFor(bytes: number): MemoryUnit {
  return bytes > 0 && bytes % MEMORY_UNIT_BYTES.GB === 0 ? 'GB' : 'MB';
}

/** The largest unit that shows `ms` as a whole number, else seconds. */
export function timeUnitFor(ms: number): TimeUnit {
  if (ms > 0 && ms % TIME_UNIT_MS.h === 0) return 'h';
  if (ms > 0 && ms % TIME_UNIT_MS.min === 0) return 'min';
  return 's';
}

/** The form showing `limits` (what a job holds or asked, or a template), each value in its natural unit. */
export function formFromLimits(limits: JobLimitsFormValue): LimitForm {
  const base = emptyLimitForm(limits.killOnJobClose);
  const memory = (bytes: number | null, fallback: MemoryUnit): [string, MemoryUnit] => {
    if (bytes === null) return ['', fallback];
    const unit = memoryUnitFor(bytes);
    return [memoryText(bytes, unit), unit];
  };
  const time = (ms: number | null, fallback: TimeUnit): [string, TimeUnit] => {
    if (ms === null) return ['', fallback];
    const unit = timeUnitFor(ms);
    return [String(ms / TIME_UNIT_MS[unit]), unit];
  };
  const [processMemory, processMemoryUnit] = memory(limits.processMemoryBytes, base.processMemoryUnit);
  const [jobMemory, jobMemoryUnit] = memory(limits.jobMemoryBytes, base.jobMemoryUnit);
  const [processUserTime, processUserTimeUnit] = time(limits.processUserTimeMs, base.processUserTimeUnit);
  const [jobUserTime, jobUserTimeUnit] = time(limits.jobUserTimeMs, base.jobUserTimeUnit);
  const ws = limits.workingSet;
  // Both working-set bounds share one unit: GB only when both are whole gigabytes.
  const workingSetUnit: MemoryUnit = ws && memoryUnitFor(ws.minBytes) === 'GB' && memoryUnitFor(ws.maxBytes) === 'GB' ? 'GB' : 'MB';
  const rate = limits.cpuRate;
  return {
    ...base,
    processMemory,
    processMemoryUnit,
    jobMemory,
    jobMemoryUnit,
    activeProcesses: limits.activeProcesses === null ? '' : String(limits.activeProcesses),
    processUserTime,
    processUserTimeUnit,
    jobUserTime,
    jobUserTimeUnit,
    cpuRateMode: rate ? rate.kind : 'none',
    cpuHardCap: rate?.kind === 'hardCap' ? String(rate.percent) : '',
    cpuWeight: rate?.kind === 'weight' ? String(rate.weight) : '',
    cpuMin: rate?.kind === 'minMax' ? String(rate.minPercent) : '',
    cpuMax: rate?.kind === 'minMax' ? String(rate.maxPercent) : '',
    affinityOn: limits.affinity !== null,
    affinity: limits.affinity ? [...limits.affinity].sort((a, b) => a - b) : [],
    priorityClass: limits.priorityClass ?? '',
    schedulingClass: limits.schedulingClass === null ? '' : String(limits.schedulingClass),
    workingSetMin: ws ? memoryText(ws.minBytes, workingSetUnit) : '',
    workingSetMax: ws ? memoryText(ws.maxBytes, workingSetUnit) : '',
    workingSetUnit,
    dieOnUnhandledException: limits.dieOnUnhandledException,
    breakawayOk: limits.breakawayOk,
    silentBreakawayOk: limits.silentBreakawayOk,
    uiRestrictions: [...limits.uiRestrictions],
  };
}

const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;

/** A typed number: null for empty, NaN for anything that is not a plain non-negative decimal. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return DECIMAL.test(t) ? Number(t) : Number.NaN;
}

class Problems {
  readonly map = new Map<LimitField, string[]>();
  add(field: LimitField, message: string): void {
    const list = this.map.get(field);
    if (list) list.push(message);
    else this.map.set(field, [message]);
  }
}

function memoryBytes(p: Problems, field: LimitField, text: string, unit: MemoryUnit, what: string): number | null {
  const value = parseNumber(text);
  if (value === null) return null;
  if (Number.isNaN(value)) {
    p.add(field, `${what}: type a number of ${unit}, like 512 or 1.5.`);
    return null;
  }
  const bytes = Math.round(value * MEMORY_UNIT_BYTES[unit]);
  if (bytes < MEMORY_UNIT_BYTES.MB) {
    p.add(field, `${what}: at least 1 MB.`);
    return null;
  }
  if (bytes > Number.MAX_SAFE_INTEGER) {
    p.add(field, `${what}: too large.`);
    return null;
  }
  return bytes;
}

function timeMs(p: Problems, field: LimitField, text: string, unit: TimeUnit, what: string): number | null {
  const value = parseNumber(text);
  if (value === null) return null;
  if (Number.isNaN(value)) {
    p.add(field, `${what}: type a number of ${unit === 's' ? 'seconds' : unit === 'min' ? 'minutes' : 'hours'}.`);
    return null;
  }
  const ms = Math.round(value * TIME_UNIT_MS[unit]);
  if (ms < 1) {
    p.add(field, `${what}: more than zero.`);
    return null;
  }
  if (ms > Number.MAX_SAFE_INTEGER) {
    p.add(field, `${what}: too large.`);
    return null;
  }
  return ms;
}

function integerIn(p: Problems, field: LimitField, text: string, min: number, max: number, what: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const value = INTEGER.test(t) ? Number(t) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    p.add(field, `${what}: a whole number from ${min} to ${max.toLocaleString('en-US')}.`);
    return null;
  }
  return value;
}

// Windows takes CPU rates in hundredths of a percent (JOBOBJECT_CPU_RATE_CONTROL_INFORMATION.CpuRate = % x 100).
function percentIn(p: Problems, text: string, min: number, what: string): number | null {
  const value = parseNumber(text);
  if (value === null) {
    p.add('cpuRate', `${what}: required for this mode.`);
    return null;
  }
  if (Number.isNaN(value) || value < min || value > 100) {
    p.add('cpuRate', `${what}: a percent from ${min} to 100.`);
    return null;
  }
  const hundredths = value * 100;
  if (Math.abs(hundredths - Math.round(hundredths)) > 1e-6) {
    p.add('cpuRate', `${what}: at most two decimals (Windows counts hundredths of a percent).`);
    return null;
  }
  return value;
}

function cpuRateOf(p: Problems, form: LimitForm): JobLimitsFormValue['cpuRate'] {
  switch (form.cpuRateMode) {
    case 'none':
      return null;
    case 'hardCap': {
      const percent = percentIn(p, form.cpuHardCap, 0.01, 'Hard cap');
      return percent === null ? null : { kind: 'hardCap', percent };
    }
    case 'weight': {
      if (form.cpuWeight.trim() === '') {
        p.add('cpuRate', 'Weight: required for this mode.');
        return null;
      }
      const weight = integerIn(p, 'cpuRate', form.cpuWeight, 1, 9, 'Weight');
      return weight === null ? null : { kind: 'weight', weight };
    }
    case 'minMax': {
      const minPercent = percentIn(p, form.cpuMin, 0, 'Minimum');
      const maxPercent = percentIn(p, form.cpuMax, 0.01, 'Maximum');
      if (minPercent === null || maxPercent === null) return null;
      if (minPercent > maxPercent) {
        p.add('cpuRate', 'The minimum cannot be above the maximum.');
        return null;
      }
      return { kind: 'minMax', minPercent, maxPercent };
    }
  }
}

function workingSetOf(p: Problems, form: LimitForm): JobLimitsFormValue['workingSet'] {
  const minEmpty = form.workingSetMin.trim() === '';
  const maxEmpty = form.workingSetMax.trim() === '';
  if (minEmpty && maxEmpty) return null;
  if (minEmpty || maxEmpty) {
    p.add('workingSet', 'Give both the minimum and the maximum working set, or neither (Windows sets them together).');
    return null;
  }
  const minBytes = memoryBytes(p, 'workingSet', form.workingSetMin, form.workingSetUnit, 'Minimum working set');
  const maxBytes = memoryBytes(p, 'workingSet', form.workingSetMax, form.workingSetUnit, 'Maximum working set');
  if (minBytes === null || maxBytes === null) return null;
  if (minBytes > maxBytes) {
    p.add('workingSet', 'The minimum working set cannot be above the maximum.');
    return null;
  }
  return { minBytes, maxBytes };
}

/**
 * The limits the form asks for, or null with the problems by field. `logicalProcessors` bounds the
 * affinity picker (processors this machine does not have are refused).
 */
export function formToLimits(form: LimitForm, logicalProcessors: number): { limits: JobLimitsFormValue | null; problems: LimitProblems } {
  const p = new Problems();
  const processMemoryBytes = memoryBytes(p, 'processMemory', form.processMemory, form.processMemoryUnit, 'Memory per process');
  const jobMemoryBytes = memoryBytes(p, 'jobMemory', form.jobMemory, form.jobMemoryUnit, 'Memory of the job');
  const activeProcesses = integerIn(p, 'activeProcesses', form.activeProcesses, 1, 1_000_000, 'Active processes');
  const processUserTimeMs = timeMs(p, 'processUserTime', form.processUserTime, form.processUserTimeUnit, 'User CPU time per process');
  const jobUserTimeMs = timeMs(p, 'jobUserTime', form.jobUserTime, form.jobUserTimeUnit, 'User CPU time of the job');
  const cpuRate = cpuRateOf(p, form);
  let affinity: number[] | null = null;
  if (form.affinityOn) {
    const available = Math.min(logicalProcessors, MAX_AFFINITY_PROCESSORS);
    const picked = [...new Set(form.affinity)].sort((a, b) => a - b);
    if (picked.length === 0) p.add('affinity', 'Pick at least one logical processor: a job must be allowed to run somewhere.');
    else if (picked.some((c) => !Number.isInteger(c) || c < 0 || c >= available)) {
      p.add('affinity', `This machine has logical processors 0 to ${available - 1} in this group.`);
    } else affinity = picked;
  }
  const schedulingClass = integerIn(p, 'schedulingClass', form.schedulingClass, 0, 9, 'Scheduling class');
  const workingSet = workingSetOf(p, form);
  if (p.map.size > 0) return { limits: null, problems: p.map };
  return {
    limits: {
      processMemoryBytes,
      jobMemoryBytes,
      activeProcesses,
      processUserTimeMs,
      jobUserTimeMs,
      cpuRate,
      affinity,
      priorityClass: form.priorityClass === '' ? null : form.priorityClass,
      schedulingClass,
      workingSet,
      killOnJobClose: form.killOnJobClose,
      dieOnUnhandledException: form.dieOnUnhandledException,
      breakawayOk: form.breakawayOk,
      silentBreakawayOk: form.silentBreakawayOk,
      uiRestrictions: [...form.uiRestrictions],
    },
    problems: new Map(),
  };
}
