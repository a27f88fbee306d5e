/**
 * Limits in words: each limit as one line ("Memory of the job: 8 GB"), and the asked-vs-held rows the
 * details pane and the Edit limits dialog show. Pure, so it is unit tested.
 */
import type { JobLimitsFormValue } from '../../src-preload/contract/job-schemas';
import { formatBytes, NO_VALUE } from '../lib/format';
import { PRIORITY_LABELS } from '../processes/process-actions';
import type { UiRestriction } from './limit-form';

/** The UI restrictions' labels (JOB_OBJECT_UILIMIT_*), as the editor's checkboxes show them. */
export const UI_RESTRICTION_LABELS: { readonly [U in UiRestriction]: string } = {
  handles: 'Use USER handles of processes outside the job',
  readClipboard: 'Read the clipboard',
  writeClipboard: 'Write the clipboard',
  systemParameters: 'Change system parameters (SystemParametersInfo)',
  displaySettings: 'Change display settings',
  globalAtoms: 'Use the global atom table',
  desktop: 'Create or switch desktops',
  exitWindows: 'Log off, shut down or restart Windows',
};

/** One limit as a row: its label and its value in words for what was asked and what is held. */
export interface LimitRow {
  readonly key: keyof JobLimitsFormValue;
  readonly label: string;
  readonly asked: string;
  readonly held: string;
  /** The two read differently (and both are known). */
  readonly differs: boolean;
}

/** Labels in the editor's order. */
export const LIMIT_LABELS: { readonly [K in keyof JobLimitsFormValue]: string } = {
  processMemoryBytes: 'Memory per process',
  jobMemoryBytes: 'Memory of the job',
  activeProcesses: 'Active processes',
  processUserTimeMs: 'User CPU time per process',
  jobUserTimeMs: 'User CPU time of the job',
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

const NOT_SET = 'not set';

/** A CPU time in the largest whole unit: "30 min", "1.5 s", "2 h". */
export function formatLimitTime(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

/** "0-3, 6" for processors 0,1,2,3,6. */
export function formatProcessors(list: readonly number[]): string {
  const sorted = [...list].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (let i = 1; i <= sorted.length; i++) {
    const c = sorted[i];
    if (c !== undefined && prev !== undefined && c === prev + 1) {
      prev = c;
      continue;
    }
    if (start !== undefined && prev !== undefined) parts.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = c;
    prev = c;
  }
  return parts.join(', ');
}

/** One limit's value in words ("not set" when it is not). */
export function limitValueText(limits: JobLimitsFormValue, key: keyof JobLimitsFormValue): string {
  switch (key) {
    case 'processMemoryBytes':
    case 'jobMemoryBytes': {
      const v = limits[key];
      return v === null ? NOT_SET : formatBytes(v);
    }
    case 'activeProcesses':
      return limits.activeProcesses === null ? NOT_SET : String(limits.activeProcesses);
    case 'processUserTimeMs':
    case 'jobUserTimeMs': {
      const v = limits[key];
      return v === null ? NOT_SET : formatLimitTime(v);
    }
    case 'cpuRate': {
      const r = limits.cpuRate;
      if (!r) return NOT_SET;
      if (r.kind === 'hardCap') return `hard cap ${r.percent}%`;
      if (r.kind === 'weight') return `weight ${r.weight} of 9`;
      return `min ${r.minPercent}%, max ${r.maxPercent}%`;
    }
    case 'affinity':
      return limits.affinity === null ? NOT_SET : `CPU ${formatProcessors(limits.affinity)}`;
    case 'priorityClass':
      return limits.priorityClass === null ? NOT_SET : PRIORITY_LABELS[limits.priorityClass];
    case 'schedulingClass':
      return limits.schedulingClass === null ? NOT_SET : String(limits.schedulingClass);
    case 'workingSet': {
      const ws = limits.workingSet;
      return ws === null ? NOT_SET : `${formatBytes(ws.minBytes)} to ${formatBytes(ws.maxBytes)}`;
    }
    case 'killOnJobClose':
    case 'dieOnUnhandledException':
    case 'breakawayOk':
    case 'silentBreakawayOk':
      return limits[key] ? 'yes' : 'no';
    case 'uiRestrictions':
      return limits.uiRestrictions.length === 0 ? 'none' : `${limits.uiRestrictions.length} of 8 restricted`;
  }
}

/** The limits that are set, as "label: value" lines (a template's summary). */
export function describeLimits(limits: JobLimitsFormValue): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(LIMIT_LABELS) as (keyof JobLimitsFormValue)[]) {
    const text = limitValueText(limits, key);
    if (text === NOT_SET || text === 'no' || text === 'none') continue;
    lines.push(`${LIMIT_LABELS[key]}: ${text}`);
  }
  return lines;
}

/** Every limit with what was asked and what Windows holds ("—" where one side is unknown). */
export function limitRows(asked: JobLimitsFormValue | null, held: JobLimitsFormValue | null): LimitRow[] {
  return (Object.keys(LIMIT_LABELS) as (keyof JobLimitsFormValue)[]).map((key) => {
    const a = asked ? limitValueText(asked, key) : NO_VALUE;
    const h = held ? limitValueText(held, key) : NO_VALUE;
    return { key, label: LIMIT_LABELS[key], asked: a, held: h, differs: asked !== null && held !== null && a !== h };
  });
}
