/**
 * The Processes table's columns: header, width, how a value reads on screen and in a CSV export, and the
 * column-set rules the chooser follows (`name` always first and always shown; known ids only, no repeats).
 */
import {
  DEFAULT_PROCESS_COLUMNS,
  PROCESS_COLUMNS,
  PROCESS_NUMBER_FIELDS,
  UNREPORTABLE_PROCESS_FIELDS,
  type ProcessColumn,
  type UnreportableProcessField,
} from '../../src-preload/contract/process-fields';
import type { ProcessRowValue, ProcessUnreportedValue } from '../../src-preload/contract/schemas';
import { reasonFor } from '../../src-preload/contract/unknown';
import { formatBytes, formatCpuTime, formatDateTime, formatPercent, NO_VALUE } from '../lib/format';
import { jobMembership, jobNames, type ConsoleJobMembers, type JobFields } from '../jobs/console-job-members';
import { statusText } from './process-status';

/** A raw cell value: what sorting compares and a CSV export writes. */
export type CellValue = string | number | boolean | null;

/** How one column looks and reads. */
export interface ColumnSpec {
  readonly id: ProcessColumn;
  /** Header text, in the words Task Manager and System Informer use. */
  readonly label: string;
  /** CSV header: raw values, so units are named ("Working set (bytes)"). */
  readonly csvLabel: string;
  readonly kind: 'text' | 'number';
  /** Width in px; the grid lays columns out on these. */
  readonly width: number;
  /** True when the value changes tick to tick (a sort on it must be redone every tick). */
  readonly dynamic: boolean;
  /** The raw value (sorting, CSV). */
  value(row: ProcessRowValue): CellValue;
  /**
   * The text shown in the cell (also what "Copy" puts on the clipboard). `jobs` (the console's job
   * members, null while not known) names the job in the "In a job" column; the other columns ignore it.
   */
  text(row: ProcessRowValue, jobs?: ConsoleJobMembers | null): string;
}

// The status reads suspendedThreads and hungWindows, which change tick to tick.
const DYNAMIC = new Set<string>([...PROCESS_NUMBER_FIELDS, 'cpuTimeMs', 'status']);

/**
 * The "In a job" cell: which of the console's jobs holds the process, or that a job the console did not
 * create does ("Yes (not this console's)"); plain "Yes" while the console's job list is not known.
 */
export function inJobText(row: JobFields, jobs: ConsoleJobMembers | null): string {
  const membership = jobMembership(row, jobs);
  switch (membership.kind) {
    case 'console':
      return `Yes: ${jobNames(membership.jobs)}`;
    case 'external':
      return "Yes (not this console's)";
    case 'inJob':
      return 'Yes';
    case 'none':
      return 'No';
    case 'unknown':
      return NO_VALUE;
  }
}

function textOrDash(value: string | null): string {
  return value === null || value === '' ? NO_VALUE : value;
}

function spec(
  id: ProcessColumn,
  label: string,
  kind: 'text' | 'number',
  width: number,
  value: (row: ProcessRowValue) => CellValue,
  text: (row: ProcessRowValue, jobs?: ConsoleJobMembers | null) => string,
  csvLabel = label,
): ColumnSpec {
  return { id, label, csvLabel, kind, width, dynamic: DYNAMIC.has(id), value, text };
}

function bytes(id: 'workingSetBytes' | 'privateBytes' | 'pagefileBytes' | 'ioReadBytes' | 'ioWriteBytes' | 'ioOtherBytes' | 'diskReadBytes' | 'diskWriteBytes', label: string) {
  return spec(id, label, 'number', 116, (r) => r[id], (r) => formatBytes(r[id]), `${label} (bytes)`);
}

function count(id: 'pid' | 'parentPid' | 'threadCount' | 'handleCount' | 'basePriority' | 'sessionId', label: string, width = 80) {
  return spec(id, label, 'number', width, (r) => r[id], (r) => {
    const value = r[id];
    return value === null ? NO_VALUE : String(value);
  });
}

const UNREPORTABLE: ReadonlySet<string> = new Set(UNREPORTABLE_PROCESS_FIELDS);

/**
 * Why a cell is unknown: the reason main gave (the snapshot's `unreported`) when this column's value is
 * null because the system does not report it; null for a known value or a column that cannot be unknown.
 */
export function unreportedReason(id: ProcessColumn, row: ProcessRowValue, unreported: ProcessUnreportedValue | null | undefined): string | null {
  if (!UNREPORTABLE.has(id) || COLUMN_SPECS[id].value(row) !== null) return null;
  return reasonFor(unreported, id as UnreportableProcessField);
}

function cpuTime(id: 'userTimeMs' | 'kernelTimeMs', label: string) {
  return spec(id, label, 'number', 100, (r) => r[id], (r) => formatCpuTime(r[id]), `${label} (ms)`);
}

/** Every column, by id. */
export const COLUMN_SPECS: { readonly [C in ProcessColumn]: ColumnSpec } = {
  name: spec('name', 'Name', 'text', 240, (r) => r.name, (r) => r.name),
  pid: count('pid', 'PID'),
  parentPid: count('parentPid', 'Parent PID', 92),
  cpuPercent: spec('cpuPercent', 'CPU', 'number', 68, (r) => r.cpuPercent, (r) => formatPercent(r.cpuPercent), 'CPU (%)'),
  cpuTimeMs: spec(
    'cpuTimeMs',
    'CPU time',
    'number',
    100,
    (r) => r.userTimeMs + r.kernelTimeMs,
    (r) => formatCpuTime(r.userTimeMs + r.kernelTimeMs),
    'CPU time (ms)',
  ),
  userTimeMs: cpuTime('userTimeMs', 'User time'),
  kernelTimeMs: cpuTime('kernelTimeMs', 'Kernel time'),
  workingSetBytes: bytes('workingSetBytes', 'Working set'),
  privateBytes: bytes('privateBytes', 'Private bytes'),
  pagefileBytes: bytes('pagefileBytes', 'Page file'),
  threadCount: count('threadCount', 'Threads'),
  handleCount: count('handleCount', 'Handles'),
  basePriority: count('basePriority', 'Base priority', 104),
  ioReadBytes: bytes('ioReadBytes', 'I/O read'),
  ioWriteBytes: bytes('ioWriteBytes', 'I/O write'),
  ioOtherBytes: bytes('ioOtherBytes', 'I/O other'),
  // From the Windows 10 process extension: blank where Windows has none (older builds, Wine).
  diskReadBytes: bytes('diskReadBytes', 'Disk read'),
  diskWriteBytes: bytes('diskWriteBytes', 'Disk write'),
  sessionId: count('sessionId', 'Session'),
  startTime: spec(
    'startTime',
    'Started',
    'number',
    150,
    (r) => (r.startTime > 0 ? r.startTime : null),
    (r) => formatDateTime(r.startTime),
  ),
  user: spec('user', 'User', 'text', 170, (r) => r.user, (r) => textOrDash(r.user)),
  inJob: spec('inJob', 'In a job', 'text', 170, (r) => r.inJob, (r, jobs) => inJobText(r, jobs ?? null)),
  // The value ignores which job (sorting needs no job list): suspended ones sort together, then in-job ones.
  status: spec('status', 'Status', 'text', 200, (r) => statusText(r, null), (r, jobs) => statusText(r, jobs ?? null) ?? NO_VALUE),
  imagePath: spec('imagePath', 'Image path', 'text', 320, (r) => r.imagePath, (r) => textOrDash(r.imagePath)),
  commandLine: spec('commandLine', 'Command line', 'text', 420, (r) => r.commandLine, (r) => textOrDash(r.commandLine)),
};

/** The spec of one column. */
export function columnSpec(id: ProcessColumn): ColumnSpec {
  return COLUMN_SPECS[id];
}

/** True for a known column id. */
export function isProcessColumn(id: string): id is ProcessColumn {
  return (PROCESS_COLUMNS as readonly string[]).includes(id);
}

/**
 * A column list made valid: known ids only, each once, `name` first. Settings come from a file an older
 * or newer console may have written, so the view never trusts them blindly. Empty input -> defaults.
 */
export function normalizeColumns(columns: readonly string[] | undefined): ProcessColumn[] {
  const seen = new Set<ProcessColumn>();
  for (const id of columns ?? []) if (isProcessColumn(id) && id !== 'name') seen.add(id);
  if (seen.size === 0 && (columns === undefined || columns.length === 0)) return [...DEFAULT_PROCESS_COLUMNS];
  return ['name', ...seen];
}

/** Shows or hides a column. Shown columns go at the end; `name` cannot be hidden. */
export function toggleColumn(columns: readonly ProcessColumn[], id: ProcessColumn, visible: boolean): ProcessColumn[] {
  const current = normalizeColumns(columns);
  if (id === 'name') return current;
  const without = current.filter((c) => c !== id);
  return visible ? [...without, id] : without;
}

/** Moves a shown column one place left (-1) or right (+1); `name` stays first. No-op at the ends. */
export function moveColumn(columns: readonly ProcessColumn[], id: ProcessColumn, by: -1 | 1): ProcessColumn[] {
  const current = normalizeColumns(columns);
  const from = current.indexOf(id);
  const to = from + by;
  if (id === 'name' || from < 0 || to < 1 || to >= current.length) return current;
  const next = [...current];
  next[from] = next[to] as ProcessColumn;
  next[to] = id;
  return next;
}

/** True when two column lists are the same, in the same order. */
export function sameColumns(a: readonly ProcessColumn[], b: readonly ProcessColumn[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}


/** Base priority (KPRIORITY) to the priority class it comes from (SetPriorityClass), null when none matches or it is unknown. */
export function priorityClassOf(basePriority: number | null): 'idle' | 'belowNormal' | 'normal' | 'aboveNormal' | 'high' | 'realtime' | null {
  switch (basePriority) {
    case 4:
      return 'idle';
    case 6:
      return 'belowNormal';
    case 8:
      return 'normal';
    case 10:
      return 'aboveNormal';
    case 13:
      return 'high';
    case 24:
      return 'realtime';
    default:
      return null;
  }
}
