/**
 * The Services table's columns (header, width, value and text of a cell) and the admin's words for the
 * SCM's values: states, start types (with "delayed" and "trigger" as services.msc shows them), error
 * control, service kinds. Pure, so labels and sorting are unit tested.
 */
import type {
  ERROR_CONTROLS,
  SERVICE_KINDS,
  SERVICE_STATES,
  STARTUP_CHOICES,
  ServiceRowValue,
} from '../../src-preload/contract/service-schemas';
import { hostedExitCodeText } from '../../src-preload/contract/hosted-ranges';
import { SERVICE_COLUMNS } from '../../src-preload/contract/table-layout';
import type { ServiceListShow } from '../../src-preload/contract/service-view';
import { NO_VALUE } from '../lib/format';
import { csvRecord } from '../processes/csv-export';
import { matchesQuery } from '../shared/filter-query';
import { NOT_REPORTED, notReportedReason, type ReportedField } from './not-reported';
// service-filter-fields reads this module's labels, and this module its fields: both only at call time.
import { serviceQuery } from './service-filter-fields';
import type { ServiceEntry } from './service-store';

type ServiceState = (typeof SERVICE_STATES)[number];
type ErrorControl = (typeof ERROR_CONTROLS)[number];
type StartupChoice = (typeof STARTUP_CHOICES)[number];
type ServiceKind = (typeof SERVICE_KINDS)[number];

/** ERROR_SERVICE_SPECIFIC_ERROR: the service-specific exit code means something only with this Win32 exit code. */
export const ERROR_SERVICE_SPECIFIC_ERROR = 1066;

/** Service states as services.msc words them. */
export const STATE_LABELS: { readonly [S in ServiceState]: string } = {
  stopped: 'Stopped',
  startPending: 'Start pending',
  stopPending: 'Stop pending',
  running: 'Running',
  continuePending: 'Continue pending',
  pausePending: 'Pause pending',
  paused: 'Paused',
};

/** True for the states a service passes through while a control is under way. */
export function isPendingState(state: ServiceState): boolean {
  return state === 'startPending' || state === 'stopPending' || state === 'continuePending' || state === 'pausePending';
}

/** Error control (what Windows does at boot when the service fails to start). */
export const ERROR_CONTROL_LABELS: { readonly [E in ErrorControl]: string } = {
  ignore: 'Ignore',
  normal: 'Normal',
  severe: 'Severe',
  critical: 'Critical',
};

/** The startup choices of the install and edit forms. */
export const STARTUP_LABELS: { readonly [S in StartupChoice]: string } = {
  automatic: 'Automatic',
  automaticDelayed: 'Automatic (delayed start)',
  manual: 'Manual',
  disabled: 'Disabled',
};

/** Service kinds (the service type's main bits). */
export const KIND_LABELS: { readonly [K in ServiceKind]: string } = {
  kernelDriver: 'Kernel driver',
  fileSystemDriver: 'File system driver',
  ownProcess: 'Own process',
  shareProcess: 'Shared process',
  userOwnProcess: 'Per-user, own process',
  userShareProcess: 'Per-user, shared process',
  other: 'Other',
};

/** The "Show" choice's words. */
export const SHOW_LABELS: { readonly [S in ServiceListShow]: string } = {
  services: 'Services',
  drivers: 'Drivers',
  all: 'All',
};

/** The noun the list's count uses for each choice ("180 services", "250 drivers", "430 services and drivers"). */
export const SHOW_NOUNS: { readonly [S in ServiceListShow]: { readonly one: string; readonly many: string } } = {
  services: { one: 'service', many: 'services' },
  drivers: { one: 'driver', many: 'drivers' },
  all: { one: 'service or driver', many: 'services and drivers' },
};

/** Kernel and file system drivers: services.msc leaves them out; `sc query type= driver` lists them. */
export function isDriver(row: Pick<ServiceRowValue, 'kind'>): boolean {
  return row.kind === 'kernelDriver' || row.kind === 'fileSystemDriver';
}

/** True when `row` belongs in the list under the "Show" choice. */
export function shownUnder(show: ServiceListShow, row: Pick<ServiceRowValue, 'kind'>): boolean {
  return show === 'all' || (show === 'drivers') === isDriver(row);
}

/**
 * The start type as an admin reads it: "Automatic (delayed)", "Automatic (trigger)", "Automatic (delayed,
 * trigger)", "Manual (trigger)", "Manual", "Disabled", "Boot", "System"; "—" until the configuration is read.
 * Delayed auto-start applies to automatic services only (SERVICE_DELAYED_AUTO_START_INFO is ignored otherwise).
 */
export function startTypeLabel(row: Pick<ServiceRowValue, 'startType' | 'delayedAutoStart' | 'triggered'>): string {
  if (row.startType === null) return NO_VALUE;
  const base = { boot: 'Boot', system: 'System', automatic: 'Automatic', manual: 'Manual', disabled: 'Disabled' }[row.startType];
  const notes: string[] = [];
  if (row.startType === 'automatic' && row.delayedAutoStart === true) notes.push('delayed');
  if ((row.startType === 'automatic' || row.startType === 'manual') && row.triggered === true) notes.push('trigger');
  return notes.length > 0 ? `${base} (${notes.join(', ')})` : base;
}

/** The service-specific exit code, shown only when the Win32 exit code says it carries meaning. */
export function serviceExitCodeText(row: Pick<ServiceRowValue, 'win32ExitCode' | 'serviceSpecificExitCode'>): string {
  return row.win32ExitCode === ERROR_SERVICE_SPECIFIC_ERROR ? String(row.serviceSpecificExitCode) : NO_VALUE;
}

/**
 * What the service-specific exit code means, for a hosted service whose host set one (the host's own codes,
 * or the program's code it passed on; CONTRACT.md); null for any other service, whose codes only it knows.
 */
export function serviceExitCodeMeaning(row: Pick<ServiceRowValue, 'win32ExitCode' | 'serviceSpecificExitCode' | 'hosted'>): string | null {
  return row.hosted && row.win32ExitCode === ERROR_SERVICE_SPECIFIC_ERROR ? hostedExitCodeText(row.serviceSpecificExitCode) : null;
}

/** The table's columns, in order (the ids live in the contract: settings keep their widths). */
export { SERVICE_COLUMNS };

/** One column id. */
export type ServiceColumn = (typeof SERVICE_COLUMNS)[number];

/** A raw cell value, what sorting compares. */
export type ServiceCellValue = string | number | null;

/** How one column looks and reads. */
export interface ServiceColumnSpec {
  readonly id: ServiceColumn;
  readonly label: string;
  readonly kind: 'text' | 'number';
  /** Width in px; the grid lays columns out on these. */
  readonly width: number;
  value(row: ServiceRowValue): ServiceCellValue;
  text(row: ServiceRowValue): string;
  /** Why the cell is not reported (shown on hover, the cell muted), or null when it is. */
  unknownReason?(row: ServiceRowValue): string | null;
  /** The value in words (the cell's hover text, and what the details show), or null when the text says it all. */
  meaning?(row: ServiceRowValue): string | null;
}

const RECOVERY_ACTION_WORDS = { none: 'None', restart: 'Restart', runCommand: 'Run a program', reboot: 'Reboot' } as const;

/** The recovery actions in order ("Restart, Restart, None"), or "No actions"; null when not known. */
export function recoverySummary(recovery: ServiceRowValue['recovery']): string | null {
  if (recovery === null) return null;
  return recovery.actions.length ? recovery.actions.map((a) => RECOVERY_ACTION_WORDS[a.type]).join(', ') : 'No actions';
}

/** A cell of a part the system may not report: its value, "not reported" (reason on hover) or "—" before it is read. */
function mayBeUnreported(id: ServiceColumn, label: string, width: number, field: ReportedField, value: (row: ServiceRowValue) => string | null): ServiceColumnSpec {
  return {
    id,
    label,
    kind: 'text',
    width,
    value,
    text: (row) => value(row) ?? (notReportedReason(row, field) ? NOT_REPORTED : NO_VALUE),
    unknownReason: (row) => (value(row) === null ? notReportedReason(row, field) : null),
  };
}

function textOrDash(value: string | null): string {
  return value === null || value === '' ? NO_VALUE : value;
}

function spec(
  id: ServiceColumn,
  label: string,
  kind: 'text' | 'number',
  width: number,
  value: (row: ServiceRowValue) => ServiceCellValue,
  text: (row: ServiceRowValue) => string = (row) => {
    const v = value(row);
    return v === null ? NO_VALUE : String(v);
  },
): ServiceColumnSpec {
  return { id, label, kind, width, value, text };
}

/** Every column, by id. */
export const SERVICE_COLUMN_SPECS: { readonly [C in ServiceColumn]: ServiceColumnSpec } = {
  name: spec('name', 'Name', 'text', 200, (r) => r.name),
  displayName: spec('displayName', 'Display name', 'text', 240, (r) => r.displayName, (r) => textOrDash(r.displayName)),
  state: spec('state', 'State', 'text', 150, (r) => STATE_LABELS[r.state]),
  startType: spec('startType', 'Start type', 'text', 170, (r) => (r.startType === null ? null : startTypeLabel(r))),
  account: spec('account', 'Account', 'text', 200, (r) => r.account, (r) => textOrDash(r.account)),
  pid: spec('pid', 'PID', 'number', 72, (r) => r.pid),
  binaryPath: spec('binaryPath', 'Binary path', 'text', 380, (r) => r.binaryPath, (r) => textOrDash(r.binaryPath)),
  description: spec('description', 'Description', 'text', 360, (r) => r.description, (r) => textOrDash(r.description)),
  errorControl: spec('errorControl', 'Error control', 'text', 100, (r) => (r.errorControl === null ? null : ERROR_CONTROL_LABELS[r.errorControl])),
  win32ExitCode: spec('win32ExitCode', 'Win32 exit code', 'number', 118, (r) => r.win32ExitCode),
  serviceExitCode: {
    ...spec('serviceExitCode', 'Service exit code', 'number', 126, (r) => (r.win32ExitCode === ERROR_SERVICE_SPECIFIC_ERROR ? r.serviceSpecificExitCode : null), serviceExitCodeText),
    meaning: serviceExitCodeMeaning,
  },
  dependencies: mayBeUnreported('dependencies', 'Depends on', 220, 'dependencies', (r) =>
    r.dependencies === null ? null : r.dependencies.length ? r.dependencies.map((d) => (d.startsWith('+') ? `${d.slice(1)} (group)` : d)).join(', ') : '(none)',
  ),
  recovery: mayBeUnreported('recovery', 'Recovery', 200, 'recovery', (r) => recoverySummary(r.recovery)),
};

/** True for a known column id. */
export function isServiceColumn(id: string): id is ServiceColumn {
  return (SERVICE_COLUMNS as readonly string[]).includes(id);
}


/** One column, one direction; null keeps the natural order (by name). */
export interface ServiceSort {
  readonly column: ServiceColumn;
  readonly desc: boolean;
}

function byName(a: ServiceEntry, b: ServiceEntry): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The comparator for a sort: missing values last in both directions; ties by name, so rows do not jump. */
export function serviceComparator(sort: ServiceSort | null): (a: ServiceEntry, b: ServiceEntry) => number {
  if (!sort || sort.column === 'name') {
    const dir = sort?.desc ? -1 : 1;
    return (a, b) => byName(a, b) * dir;
  }
  const s = SERVICE_COLUMN_SPECS[sort.column];
  const dir = sort.desc ? -1 : 1;
  return (a, b) => {
    const x = s.value(a.row);
    const y = s.value(b.row);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).toLowerCase().localeCompare(String(y).toLowerCase());
    return c * dir || byName(a, b);
  };
}

/**
 * The rows to show, in order: those matching every filter term (a plain word: name, display name, account,
 * path, description, PID; or a structured term, service-filter-fields.ts), of the kind `show` lists (services,
 * drivers or all), and with `onlyHosted` only programs run by the console's service host; sorted.
 */
export function deriveServiceRows(entries: Iterable<ServiceEntry>, filter: string, sort: ServiceSort | null, onlyHosted = false, show: ServiceListShow = 'all'): ServiceEntry[] {
  const query = serviceQuery(filter);
  const shown: ServiceEntry[] = [];
  for (const e of entries) if (shownUnder(show, e.row) && (!onlyHosted || e.row.hosted) && matchesQuery(query, e, e.search)) shown.push(e);
  return shown.sort(serviceComparator(sort));
}

/** Rows as tab-separated text of what the cells show (Ctrl+C, "Copy rows"), one line per row. */
export function serviceRowsAsText(entries: readonly ServiceEntry[]): string {
  return entries
    .map((e) => SERVICE_COLUMNS.map((c) => SERVICE_COLUMN_SPECS[c].text(e.row).replace(/[\t\r\n]+/g, ' ')).join('\t'))
    .join('\r\n');
}

/**
 * The shown rows as CSV (RFC 4180, formula-safe fields as the Processes export writes them): every column's
 * value; a value the system did not report is an empty cell, never "none" or 0.
 */
export function servicesCsv(entries: readonly ServiceEntry[]): string {
  const lines = [csvRecord(SERVICE_COLUMNS.map((c) => SERVICE_COLUMN_SPECS[c].label))];
  for (const e of entries) lines.push(csvRecord(SERVICE_COLUMNS.map((c) => SERVICE_COLUMN_SPECS[c].value(e.row))));
  return `${lines.join('\r\n')}\r\n`;
}

/** "services-2024-05-01-140309.csv" in local time. */
export function servicesCsvFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `services-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.csv`;
}
