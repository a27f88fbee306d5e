/**
 * The Jobs table's columns (header, width, value and text of a cell), the sort, and the admin's words
 * for a job's origin and its events. Pure, so labels and sorting are unit tested.
 */
import type { JobEventValue, JobRowValue } from '../../src-preload/contract/job-schemas';
import { JOB_COLUMNS } from '../../src-preload/contract/table-layout';
import { formatBytes, formatCpuTime, NO_VALUE } from '../lib/format';
import type { TableColumnSpec, TableSort } from '../shared/VirtualTable';

/** The table's columns, in order (the ids live in the contract: settings keep their widths). */
export { JOB_COLUMNS };
/** One column. */
export type JobColumn = (typeof JOB_COLUMNS)[number];
/** The table's sort; null keeps the order by name. */
export type JobSort = TableSort<JobColumn>;

/** A column's spec: the header, then how a cell reads. */
export interface JobColumnSpec extends TableColumnSpec {
  value(row: JobRowValue): string | number | null;
  text(row: JobRowValue): string;
  /** Why the cell is unknown (the accounting's `unreported`), else null or absent. */
  unreported?(row: JobRowValue): string | null;
}

/** User + kernel time; null when there is no accounting or the system does not report CPU times. */
const cpuMs = (r: JobRowValue) => {
  const a = r.accounting;
  return a && a.userTimeMs !== null && a.kernelTimeMs !== null ? a.userTimeMs + a.kernelTimeMs : null;
};

/** Every column's spec. */
export const JOB_COLUMN_SPECS: { readonly [C in JobColumn]: JobColumnSpec } = {
  name: { label: 'Name', kind: 'text', width: 200, value: (r) => r.name.toLowerCase(), text: (r) => r.name },
  origin: { label: 'Origin', kind: 'text', width: 110, value: (r) => r.origin, text: (r) => ORIGIN_LABELS[r.origin] },
  open: { label: 'Open', kind: 'text', width: 70, value: (r) => (r.open ? 1 : 0), text: (r) => (r.open ? 'Yes' : 'Saved only') },
  members: { label: 'Members', kind: 'number', width: 80, value: (r) => r.members.length, text: (r) => String(r.members.length) },
  active: {
    label: 'Active',
    kind: 'number',
    width: 70,
    value: (r) => r.accounting?.activeProcesses ?? null,
    text: (r) => (r.accounting ? String(r.accounting.activeProcesses) : NO_VALUE),
  },
  cpuTime: {
    label: 'CPU time',
    kind: 'number',
    width: 90,
    value: cpuMs,
    text: (r) => formatCpuTime(cpuMs(r)),
    unreported: (r) => r.accounting?.unreported.userTimeMs ?? r.accounting?.unreported.kernelTimeMs ?? null,
  },
  peakJobMemory: {
    label: 'Peak job memory',
    kind: 'number',
    width: 120,
    value: (r) => r.accounting?.peakJobMemoryBytes ?? null,
    text: (r) => formatBytes(r.accounting?.peakJobMemoryBytes),
    unreported: (r) => r.accounting?.unreported.peakJobMemoryBytes ?? null,
  },
  template: { label: 'Template', kind: 'text', width: 160, value: (r) => r.template?.toLowerCase() ?? null, text: (r) => r.template ?? NO_VALUE },
};

/** Where a job comes from, in words. */
export const ORIGIN_LABELS: { readonly [O in JobRowValue['origin']]: string } = {
  console: 'This console',
  opened: 'Opened by name',
};

/** A column id from the DOM, checked. */
export function isJobColumn(id: string): id is JobColumn {
  return (JOB_COLUMNS as readonly string[]).includes(id);
}


function byName(a: JobRowValue, b: JobRowValue): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The jobs in shown order: sorted by the column (missing values last, ties by name), else by name. */
export function sortJobs(jobs: readonly JobRowValue[], sort: JobSort | null): JobRowValue[] {
  const rows = [...jobs];
  if (!sort) return rows.sort(byName);
  const spec = JOB_COLUMN_SPECS[sort.column];
  const dir = sort.desc ? -1 : 1;
  return rows.sort((a, b) => {
    const x = spec.value(a);
    const y = spec.value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    if (x === y) return byName(a, b);
    return (x < y ? -1 : 1) * dir;
  });
}

/** Event kinds in words. */
export const EVENT_LABELS: { readonly [K in JobEventValue['kind']]: string } = {
  newProcess: 'New process',
  exitProcess: 'Process exited',
  abnormalExitProcess: 'Abnormal exit',
  activeProcessZero: 'No active processes',
  activeProcessLimit: 'Active-process limit hit',
  processMemoryLimit: 'Process memory limit hit',
  jobMemoryLimit: 'Job memory limit hit',
  endOfJobTime: 'Job CPU time ended',
  endOfProcessTime: 'Process CPU time ended',
  notificationLimit: 'Notification limit',
  other: 'Other',
  created: 'Created',
  opened: 'Opened',
  limitsApplied: 'Limits applied',
  processAdded: 'Process added',
  launched: 'Launched',
  terminated: 'Terminated',
  closed: 'Closed',
};

/** Event kinds worth an alert that stays until dismissed (a limit hit, a crash); other important events are polite. */
const ALERT_KINDS: ReadonlySet<JobEventValue['kind']> = new Set([
  'abnormalExitProcess',
  'activeProcessLimit',
  'processMemoryLimit',
  'jobMemoryLimit',
  'endOfJobTime',
  'endOfProcessTime',
  'notificationLimit',
]);

/** The toast for an important event as it arrives: "build: Job memory limit hit" and main's text. */
export function eventToast(event: JobEventValue): { tone: 'error' | 'info'; title: string; message: string } {
  const pid = event.pid !== null ? ` (PID ${event.pid})` : '';
  return {
    tone: ALERT_KINDS.has(event.kind) ? 'error' : 'info',
    title: `Job ${event.job}: ${EVENT_LABELS[event.kind]}${pid}`,
    message: event.text.trim() || EVENT_LABELS[event.kind],
  };
}

/** Rows as tab-separated text of what the cells show (Ctrl+C), one line per job. */
export function jobRowsAsText(rows: readonly JobRowValue[]): string {
  return rows.map((r) => JOB_COLUMNS.map((c) => JOB_COLUMN_SPECS[c].text(r).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n');
}
