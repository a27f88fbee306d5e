/**
 * Job limits in the admin's words: one line per limit for dialogs and the audit, the checks the limit editor's
 * values must pass before they reach SetInformationJobObject, and the comparison of what was asked with what
 * Windows reports it holds (QueryInformationJobObject), with why they differ when that is known.
 */
import type { JobLimitsFormValue, LimitDifferenceValue } from '../../../src-preload/contract/job-schemas';
import { notReportedBy, type UnknownReasons } from '../../../src-preload/contract/unknown';
import type { CpuRate, JobLimits, UiRestriction } from './job-system';
import { noJobLimits } from '../../../src-preload/contract/job-limits';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** Windows 8 is build 9200: JobObjectCpuRateControlInformation starts there. */
export const WINDOWS_8_BUILD = 9200;
/** Windows 10 RTM is build 10240: JOB_OBJECT_CPU_RATE_CONTROL_MIN_MAX_RATE starts there (MSDN JOBOBJECT_CPU_RATE_CONTROL_INFORMATION). */
export const WINDOWS_10_BUILD = 10240;

/** Every limit unset: no JOB_OBJECT_LIMIT_* flag, no CPU rate control, no UI restriction. */
/** JobLimits with nothing set (the contract's one definition). */
export const noLimits = (): JobLimits => noJobLimits();

// ---------------------------------------------------------------------------------------------------------
// Human values

/** Bytes as the admin reads them: binary units named as Windows names them ("512 MB", "8 GB", "1.5 GB"). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [GB, 'GB'],
    [MB, 'MB'],
    [KB, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${trimNumber(bytes / size)} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** A duration: the largest whole units ("30 min", "1 h 30 min", "90 s", "1500 ms"). */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return ms >= 1000 ? `${trimNumber(ms / 1000)} s` : `${ms} ms`;
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds || parts.length === 0) parts.push(`${seconds} s`);
  return parts.join(' ');
}

/** Up to two decimals, without trailing zeros. */
function trimNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

const PRIORITY_WORDS: Record<NonNullable<JobLimits['priorityClass']>, string> = {
  idle: 'idle',
  belowNormal: 'below normal',
  normal: 'normal',
  aboveNormal: 'above normal',
  high: 'high',
  realtime: 'realtime',
};

const UI_WORDS: Record<UiRestriction, string> = {
  handles: 'USER handles of other processes',
  readClipboard: 'reading the clipboard',
  writeClipboard: 'writing the clipboard',
  systemParameters: 'changing system parameters',
  displaySettings: 'changing display settings',
  globalAtoms: 'global atoms',
  desktop: 'creating or switching desktops',
  exitWindows: 'logging off or shutting down',
};

/** A CPU rate as the editor shows it ("hard cap 25 %", "weight 5", "min 10 %, max 50 %"). */
export function formatCpuRate(rate: CpuRate): string {
  switch (rate.kind) {
    case 'hardCap':
      return `hard cap ${trimNumber(rate.percent)} %`;
    case 'weight':
      return `weight ${rate.weight}`;
    case 'minMax':
      return `min ${trimNumber(rate.minPercent)} %, max ${trimNumber(rate.maxPercent)} %`;
  }
}

/** Processors as a count and a list ("4 cores: 0,1,2,3", "1 core: 2"). */
export function formatAffinity(processors: readonly number[]): string {
  const sorted = [...processors].sort((a, b) => a - b);
  return `${sorted.length} ${sorted.length === 1 ? 'core' : 'cores'}: ${sorted.join(',')}`;
}

const NOT_SET = 'not set';

type Field = keyof JobLimits;

/** The editor's label of each limit, in the order the editor shows them. */
export const LIMIT_LABELS: Record<Field, string> = {
  processMemoryBytes: 'Memory per process',
  jobMemoryBytes: 'Memory for the job',
  activeProcesses: 'Active processes',
  processUserTimeMs: 'CPU time per process',
  jobUserTimeMs: 'CPU time for the job',
  cpuRate: 'CPU rate',
  affinity: 'Affinity',
  priorityClass: 'Priority class',
  schedulingClass: 'Scheduling class',
  workingSet: 'Working set',
  killOnJobClose: 'Kill on job close',
  dieOnUnhandledException: 'Die on unhandled exception',
  breakawayOk: 'Breakaway allowed',
  silentBreakawayOk: 'Silent breakaway',
  uiRestrictions: 'UI restrictions',
};

const FIELDS = Object.keys(LIMIT_LABELS) as Field[];

/** One limit's value in words ("512 MB", "not set", "on"). */
export function formatLimit(limits: JobLimits, field: Field): string {
  switch (field) {
    case 'processMemoryBytes':
    case 'jobMemoryBytes': {
      const value = limits[field];
      return value === null ? NOT_SET : formatBytes(value);
    }
    case 'activeProcesses':
      return limits.activeProcesses === null ? NOT_SET : `at most ${limits.activeProcesses}`;
    case 'processUserTimeMs':
    case 'jobUserTimeMs': {
      const value = limits[field];
      return value === null ? NOT_SET : `${formatDuration(value)} of user-mode CPU`;
    }
    case 'cpuRate':
      return limits.cpuRate === null ? NOT_SET : formatCpuRate(limits.cpuRate);
    case 'affinity':
      return limits.affinity === null ? NOT_SET : formatAffinity(limits.affinity);
    case 'priorityClass':
      return limits.priorityClass === null ? NOT_SET : PRIORITY_WORDS[limits.priorityClass];
    case 'schedulingClass':
      return limits.schedulingClass === null ? NOT_SET : String(limits.schedulingClass);
    case 'workingSet':
      return limits.workingSet === null ? NOT_SET : `min ${formatBytes(limits.workingSet.minBytes)}, max ${formatBytes(limits.workingSet.maxBytes)}`;
    case 'killOnJobClose':
    case 'dieOnUnhandledException':
    case 'breakawayOk':
    case 'silentBreakawayOk':
      return limits[field] ? 'on' : 'off';
    case 'uiRestrictions':
      return limits.uiRestrictions.length === 0 ? 'none' : [...limits.uiRestrictions].sort().map((r) => UI_WORDS[r]).join(', ');
  }
}

/**
 * One short line per limit that is set, in the editor's order, for confirmation dialogs and the audit log.
 * No limits set gives an empty list (the caller says "none" in its own words).
 */
export function describeLimits(limits: JobLimits): string[] {
  const lines: string[] = [];
  for (const field of FIELDS) {
    if (!isSet(limits, field)) continue;
    switch (field) {
      case 'killOnJobClose':
        lines.push('Kill its processes when the job is closed');
        break;
      case 'dieOnUnhandledException':
        lines.push('A process with an unhandled exception dies without the error dialog');
        break;
      case 'breakawayOk':
        lines.push('Processes may start children outside the job (CREATE_BREAKAWAY_FROM_JOB)');
        break;
      case 'silentBreakawayOk':
        lines.push('Child processes start outside the job (silent breakaway)');
        break;
      case 'uiRestrictions':
        lines.push(`UI restrictions: no ${formatLimit(limits, field)}`);
        break;
      default:
        lines.push(`${LIMIT_LABELS[field]}: ${formatLimit(limits, field)}`);
    }
  }
  return lines;
}

function isSet(limits: JobLimits, field: Field): boolean {
  const value = limits[field];
  if (Array.isArray(value)) return field === 'affinity' || value.length > 0;
  return value !== null && value !== false;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

/**
 * Problems that the contract's ranges do not catch, one per field, in the admin's words. Rules:
 * - working set: min and max both at least 1 MB, and min <= max (SetInformationJobObject needs both, min <= max);
 * - CPU rate: percentages in steps of 0.01 % (Windows counts cycles per 10,000); hard cap and max above 0;
 *   min <= max for a min/max rate;
 * - affinity: at least one processor, each below the machine's logical processor count (and below 64: the
 *   mask is one processor group);
 * - allowed on purpose: memory per process above memory for the job (the job limit simply hits first),
 *   silent breakaway with or without breakaway OK and with kill on close (children that break away are
 *   outside the job, which is what the admin asked for), realtime priority (Windows gives "high" without
 *   SeIncreaseBasePriorityPrivilege; the read-back shows it).
 */
export function limitProblems(limits: JobLimitsFormValue, logicalProcessors: number): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const ws = limits.workingSet;
  if (ws) {
    if (ws.minBytes < MB || ws.maxBytes < MB) problems.push({ field: 'workingSet', message: 'Working set minimum and maximum must both be at least 1 MB.' });
    else if (ws.minBytes > ws.maxBytes) problems.push({ field: 'workingSet', message: `Working set minimum (${formatBytes(ws.minBytes)}) is above the maximum (${formatBytes(ws.maxBytes)}).` });
  }
  const rate = limits.cpuRate;
  if (rate) {
    const percents = rate.kind === 'hardCap' ? [rate.percent] : rate.kind === 'minMax' ? [rate.minPercent, rate.maxPercent] : [];
    if (percents.some((p) => !isHundredth(p))) problems.push({ field: 'cpuRate', message: 'CPU rate percentages go in steps of 0.01 %.' });
    else if (rate.kind === 'hardCap' && rate.percent <= 0) problems.push({ field: 'cpuRate', message: 'A hard cap must be above 0 %.' });
    else if (rate.kind === 'minMax' && rate.minPercent > rate.maxPercent) problems.push({ field: 'cpuRate', message: `Minimum CPU rate (${rate.minPercent} %) is above the maximum (${rate.maxPercent} %).` });
  }
  if (limits.affinity) {
    const available = Math.min(logicalProcessors, 64);
    const beyond = limits.affinity.filter((p) => p >= available);
    if (limits.affinity.length === 0) problems.push({ field: 'affinity', message: 'Pick at least one processor, or turn affinity off.' });
    else if (beyond.length) problems.push({ field: 'affinity', message: `This machine has processors 0-${available - 1}; there is no processor ${beyond.join(', ')}.` });
  }
  return problems;
}

function isHundredth(percent: number): boolean {
  return Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-6;
}

// ---------------------------------------------------------------------------------------------------------
// Asked vs held

/** What the machine is, for the notes. */
export interface DifferenceContext {
  /** The Windows build number (Windows 10 reports 10240 and up). */
  windowsBuild: number;
  underWine: boolean;
  /** The parts readLimits could not read, each "part" or "part: why" (see fieldsOfUnreadablePart). */
  unreadable: string[];
  /** Parts this system accepts but does not report back (readBackParts' verdict); absent = none. */
  notReportedBack?: readonly LimitPart[];
}

const BASIC_AND_EXTENDED: Field[] = FIELDS.filter((f) => f !== 'cpuRate' && f !== 'uiRestrictions');

/** The information classes limits are read back by: basic/extended limits and UI restrictions (CPU rate fails loudly). */
export type LimitPart = 'extended' | 'ui';
const PART_FIELDS: Record<LimitPart, Field[]> = { extended: BASIC_AND_EXTENDED, ui: ['uiRestrictions'] };

/**
 * What one read-back says about each part after limits were applied without error: 'reported' when it shows
 * any of the part's limits set, 'notReported' when limits of the part were asked and it shows none (Wine 8
 * accepts every flag and reads all back as zero), null when it proves nothing (nothing of the part was asked).
 */
export function readBackParts(asked: JobLimits, held: JobLimits): Record<LimitPart, 'reported' | 'notReported' | null> {
  const verdict = (part: LimitPart) => {
    if (PART_FIELDS[part].some((f) => isSet(held, f))) return 'reported' as const;
    return PART_FIELDS[part].some((f) => isSet(asked, f)) ? ('notReported' as const) : null;
  };
  return { extended: verdict('extended'), ui: verdict('ui') };
}

/**
 * Limits whose held value is unknown, with why (unknown.ts): a part that could not be read ("not read back:
 * <part>: <error>"), or a part this system accepts but does not report back (under Wine, what Wine does with
 * it: kill on close and breakaway are enforced, the rest is not). Such limits are never differences.
 */
export function unreportedLimits(context: DifferenceContext): UnknownReasons<Field> {
  const reasons: UnknownReasons<Field> = {};
  for (const entry of context.unreadable) {
    const colon = entry.indexOf(':');
    for (const field of fieldsOfUnreadablePart(colon >= 0 ? entry.slice(0, colon) : entry)) reasons[field] ??= `Not read back: ${entry}`.slice(0, 512);
  }
  for (const part of context.notReportedBack ?? []) {
    for (const field of PART_FIELDS[part]) {
      if (reasons[field] !== undefined) continue;
      if (!context.underWine) reasons[field] = `${notReportedBy('this limit back', false)} (it was accepted)`;
      else if (WINE_ENFORCED.has(field)) reasons[field] = 'Wine enforces this flag but does not report it back';
      else if (field === 'uiRestrictions') reasons[field] = 'Wine accepts UI restrictions but does not enforce them or report them back';
      else reasons[field] = 'Wine accepts this limit but does not enforce it or report it back';
    }
  }
  return reasons;
}

/**
 * Which limits an unreadable part stands for. A part is the text before the first ":" of an `unreadable`
 * entry: an information class ("extended", "JobObjectExtendedLimitInformation", "basic", "limits" = all of
 * them), "cpuRate" / "JobObjectCpuRateControlInformation", "uiRestrictions" / "JobObjectBasicUIRestrictions",
 * or a JobLimits field name. Matching is case-insensitive; an unknown part stands for nothing.
 */
export function fieldsOfUnreadablePart(part: string): Field[] {
  const p = part.trim().toLowerCase();
  const field = FIELDS.find((f) => f.toLowerCase() === p);
  if (field) return [field];
  if (p === 'limits' || p === 'all') return [...FIELDS];
  if (p.includes('cpu')) return ['cpuRate'];
  if (p.includes('ui')) return ['uiRestrictions'];
  if (p.includes('extended') || p.includes('basic')) return [...BASIC_AND_EXTENDED];
  return [];
}

/** Flags Wine 8 really applies (README, "What Wine proves and what waits for Windows": kill on close, breakaway OK, silent breakaway OK) yet reads back as zero. */
const WINE_ENFORCED: ReadonlySet<Field> = new Set(['killOnJobClose', 'breakawayOk', 'silentBreakawayOk']);

/**
 * One entry per limit whose held value is known and differs from the asked one (equal -> no entry; a held
 * value that is unknown, see unreportedLimits, is no difference), with both values in words and a note: what
 * Wine does with it; why Windows refuses CPU rate control; or, when no reason is known, that the reason is
 * not known. Affinity and UI restrictions compare as sets.
 */
export function limitDifferences(asked: JobLimits, held: JobLimits, context: DifferenceContext): LimitDifferenceValue[] {
  const unknown = unreportedLimits(context);
  const differences: LimitDifferenceValue[] = [];
  for (const field of FIELDS) {
    if (unknown[field] !== undefined || sameLimit(asked, held, field)) continue;
    differences.push({
      field,
      asked: formatLimit(asked, field).slice(0, 256),
      held: formatLimit(held, field).slice(0, 256),
      note: noteFor(field, asked, context).slice(0, 1024),
    });
  }
  return differences;
}

function noteFor(field: Field, asked: JobLimits, context: DifferenceContext): string {
  if (context.underWine) {
    if (WINE_ENFORCED.has(field)) return 'Wine enforces this flag but reports every limit back as not set.';
    if (field === 'cpuRate') return 'Wine does not implement CPU rate control (SetInformationJobObject fails with error 87).';
    if (field === 'uiRestrictions') return 'Wine accepts UI restrictions but does not enforce them or report them back.';
    return 'Wine accepts this limit but does not enforce it or report it back.';
  }
  if (field === 'cpuRate') {
    if (context.windowsBuild < WINDOWS_8_BUILD) return `CPU rate control needs Windows 8 or later (this is build ${context.windowsBuild}).`;
    if (asked.cpuRate?.kind === 'minMax' && context.windowsBuild < WINDOWS_10_BUILD) return `A minimum/maximum CPU rate needs Windows 10 or later (this is build ${context.windowsBuild}).`;
    return 'CPU rate control fails while Dynamic Fair Share Scheduling is on (Remote Desktop Session Host); needs Windows 8+.';
  }
  // The reasons below are from MSDN JOBOBJECT_BASIC_LIMIT_INFORMATION.
  if (field === 'priorityClass') return 'Setting a priority class needs the SE_INC_BASE_PRIORITY_NAME privilege enabled in the console\'s token.';
  if (field === 'affinity') return 'In a nested job the affinity must be a subset of the parent job\'s; otherwise Windows keeps the parent\'s.';
  if (field === 'jobUserTimeMs') return 'Windows adds the user time the job\'s processes have already used to this limit.';
  return 'Windows holds a different value; the reason is not known.';
}

function sameLimit(a: JobLimits, b: JobLimits, field: Field): boolean {
  switch (field) {
    case 'affinity':
    case 'uiRestrictions': {
      const x: readonly unknown[] | null = a[field];
      const y: readonly unknown[] | null = b[field];
      if (x === null || y === null) return x === y;
      return sameSet(x, y);
    }
    case 'cpuRate':
      return JSON.stringify(a.cpuRate) === JSON.stringify(b.cpuRate) || (a.cpuRate !== null && b.cpuRate !== null && formatCpuRate(a.cpuRate) === formatCpuRate(b.cpuRate));
    case 'workingSet':
      return a.workingSet === null || b.workingSet === null ? a.workingSet === b.workingSet : a.workingSet.minBytes === b.workingSet.minBytes && a.workingSet.maxBytes === b.workingSet.maxBytes;
    default:
      return a[field] === b[field];
  }
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}
