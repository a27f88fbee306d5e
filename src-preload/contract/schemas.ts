/**
 * The IPC contract: one strict request schema and one response schema per channel, one payload schema
 * per pushed event. Main validates every request and every response against these; the renderer imports
 * the inferred types only. Strings are bounded, numbers ranged, unknown keys rejected.
 */
import { z } from 'zod';
import type { Channel, EventName } from './channels';
import { ERROR_CODES } from './errors';
import { hostedChannelSchemas, hostedEventSchemas } from './hosted-schemas';
import { jobChannelSchemas, jobEventSchemas } from './job-schemas';
import { serviceChannelSchemas, serviceEventSchemas } from './service-schemas';
import { DEFAULT_PROCESS_COLUMNS, PRIORITY_CLASSES, PROCESS_COLUMNS, PROCESS_NUMBER_FIELDS, UNREPORTABLE_PROCESS_FIELDS } from './process-fields';
import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN, DETAILS_SIZE_MAX, DETAILS_SIZE_MIN, JOB_COLUMNS, SERVICE_COLUMNS } from './table-layout';
import { SERVICE_LIST_SHOWS } from './service-view';
import { unknownReasons } from './unknown-schema';
import { UNREPORTABLE_PERFORMANCE_FIELDS } from './performance-fields';

/** A request that carries no arguments still is an object, so extra keys are rejected. */
const NoArgs = z.strictObject({});

const Bytes = z.number().int().nonnegative();
const Percent = z.number().min(0).max(100);
const Count = z.number().int().nonnegative();

export const RefreshSettings = z.strictObject({
  /** How often live data is pushed; 0.5 s to 10 s. */
  intervalMs: z.number().int().min(500).max(10_000),
  paused: z.boolean(),
});

/** A column width the admin dragged to, in whole px. */
const ColumnWidth = z.number().int().min(COLUMN_WIDTH_MIN).max(COLUMN_WIDTH_MAX);
/** The details pane's size beside or under a table, in whole px. */
const DetailsSize = z.number().int().min(DETAILS_SIZE_MIN).max(DETAILS_SIZE_MAX);

/**
 * Widths the admin set, by column id; a column not named keeps its default width. A strict object of
 * optional fields rather than a record: unknown ids (and `__proto__`) are refused, not skipped.
 */
function columnWidths<const Id extends string>(ids: readonly Id[]) {
  const shape = Object.fromEntries(ids.map((id) => [id, ColumnWidth.optional()])) as { [K in Id]: z.ZodOptional<typeof ColumnWidth> };
  return z.strictObject(shape);
}
const ProcessColumnWidths = columnWidths(PROCESS_COLUMNS);
const ServiceColumnWidths = columnWidths(SERVICE_COLUMNS);
const JobColumnWidths = columnWidths(JOB_COLUMNS);

export const ProcessViewSettings = z.strictObject({
  /** Visible columns, in order; `name` is always first and always shown. */
  columns: z.array(z.enum(PROCESS_COLUMNS)).min(1).max(PROCESS_COLUMNS.length).refine((c) => new Set(c).size === c.length, 'columns must not repeat'),
  /** Tree (parent/child) or flat list. */
  view: z.enum(['tree', 'flat']),
  /** Added with resizable columns; older settings files get none (every column at its default width). */
  widths: ProcessColumnWidths.default(() => ({})),
  /** The details pane's width; absent for the default. */
  detailsSize: DetailsSize.optional(),
});

export const DEFAULT_PROCESS_VIEW = { columns: [...DEFAULT_PROCESS_COLUMNS], view: 'tree' as const, widths: {} };

/** What the Services tab lists (the "Show" choice); also the request that changes it. */
export const ServiceViewSettings = z.strictObject({
  show: z.enum(SERVICE_LIST_SHOWS),
});

export const DEFAULT_SERVICE_VIEW = { show: 'services' as const };

/** The Services and Jobs tables' layout: column widths and the details pane's size (and Services' "Show"). */
export const ServiceLayoutSettings = z.strictObject({
  show: ServiceViewSettings.shape.show.default(DEFAULT_SERVICE_VIEW.show),
  widths: ServiceColumnWidths.default(() => ({})),
  detailsSize: DetailsSize.optional(),
});
export const JobLayoutSettings = z.strictObject({ widths: JobColumnWidths.default(() => ({})), detailsSize: DetailsSize.optional() });

export const Settings = z.strictObject({
  schemaVersion: z.literal(1),
  refresh: RefreshSettings,
  /** Added with the Processes table; older settings files get the defaults. */
  processes: ProcessViewSettings.default(() => ({ ...DEFAULT_PROCESS_VIEW, columns: [...DEFAULT_PROCESS_VIEW.columns], widths: {} })),
  /** Added with resizable columns and the "Show" choice; older settings files get the defaults (services only). */
  services: ServiceLayoutSettings.default(() => ({ ...DEFAULT_SERVICE_VIEW, widths: {} })),
  jobs: JobLayoutSettings.default(() => ({ widths: {} })),
});

/**
 * One table's layout change: the whole width map (replacing the saved one) and/or the details size.
 * Column ids are checked per table, so a Services id sent for Processes is a bad request.
 */
const layoutChange = <T extends string, W extends z.ZodType>(table: T, widths: W) =>
  z.strictObject({ table: z.literal(table), widths: widths.optional(), detailsSize: DetailsSize.optional() });
export const TableLayoutChange = z
  .discriminatedUnion('table', [
    layoutChange('processes', ProcessColumnWidths),
    layoutChange('services', ServiceColumnWidths),
    layoutChange('jobs', JobColumnWidths),
  ])
  .refine((r) => r.widths !== undefined || r.detailsSize !== undefined, 'give widths or detailsSize');

export const SystemInfo = z.strictObject({
  computerName: z.string().max(256),
  windowsVersion: z.strictObject({ major: z.number().int(), minor: z.number().int(), build: z.number().int() }),
  logicalProcessors: z.number().int().positive().max(4096),
  totalPhysicalBytes: Bytes,
  /** Set when the Win32 layer runs under Wine (ntdll exports wine_get_version); null on Windows. */
  wineVersion: z.string().max(64).nullable(),
  /** The admin-only folder holding settings and logs. */
  dataFolder: z.string().max(1024),
  /**
   * The console's own processes: Electron's main process and the helpers Electron lists as its own (renderer,
   * GPU, utility), kept current; the headless host's own process. Never a process the console started for the
   * admin (Run, jobs, services). Marked in pickers as "this console".
   */
  consolePids: z.array(z.number().int().nonnegative().max(0xffff_ffff)).max(64),
});

export const MemorySample = z.strictObject({
  loadPercent: Percent,
  totalPhysicalBytes: Bytes,
  availablePhysicalBytes: Bytes,
  /** Committed bytes (commit charge) and the commit limit, from GlobalMemoryStatusEx's page-file fields. */
  committedBytes: Bytes,
  commitLimitBytes: Bytes,
});

export const PerformanceSample = z.strictObject({
  /** Wall clock of the sample, ms since the epoch. */
  time: z.number().nonnegative(),
  /** Total CPU busy %, null on the first sample (a rate needs two readings). */
  cpuPercent: Percent.nullable(),
  /** Busy % per logical processor, empty on the first sample or when the per-core query is unavailable. */
  cpuPerCore: z.array(Percent).max(4096),
  memory: MemorySample,
  /** Milliseconds since the system started (GetTickCount64). */
  uptimeMs: z.number().int().nonnegative(),
  /** Totals over the same tick's process snapshot; null before the first one (or, for handles, where unreported). */
  processCount: Count.nullable(),
  threadCount: Count.nullable(),
  handleCount: Count.nullable(),
  /** Bytes per second over the last interval, all physical disks (IOCTL_DISK_PERFORMANCE); null on the first sample or where unreported. */
  diskReadBytesPerSec: Bytes.nullable(),
  diskWriteBytesPerSec: Bytes.nullable(),
  /** Bytes per second over the last interval, every interface but loopback and filters (GetIfTable2); null likewise. */
  networkReceivedBytesPerSec: Bytes.nullable(),
  networkSentBytesPerSec: Bytes.nullable(),
  /**
   * Why a figure above is null when the system does not report it: the whole map ({} when every figure is
   * reported). The reasons rarely change, so a pushed sample carries them only when they differ from the
   * previous push (the first push always does), and in a history answer only the newest sample does. Absent
   * means "the same as the sample before": the renderer carries them forward (performance/history.ts).
   */
  unreported: unknownReasons(UNREPORTABLE_PERFORMANCE_FIELDS).optional(),
});

export const PerformanceHistory = z.strictObject({
  intervalMs: z.number().int().min(500).max(10_000),
  /** Oldest first; at most ten minutes' worth. */
  samples: z.array(PerformanceSample).max(1200),
});

const Pid = z.number().int().nonnegative().max(0xffff_ffff);
/** Process creation time: FILETIME (100-ns units since 1601) as decimal digits; with the PID it names one process. */
const CreateTime = z.string().max(20).regex(/^\d{1,20}$/, 'createTime must be the decimal FILETIME');

/** One process, exactly: a PID alone can be reused by a new process. */
export const ProcessKey = z.strictObject({ pid: Pid, createTime: CreateTime });

const Ms = z.number().nonnegative();

/** One row of the Processes table. Strings are read once per process lifetime; numbers every tick. */
export const ProcessRow = z.strictObject({
  pid: Pid,
  parentPid: Pid,
  createTime: CreateTime,
  /** Creation time as ms since the Unix epoch, for display (0 for the Idle and System processes). */
  startTime: z.number(),
  name: z.string().max(520),
  sessionId: z.number().int().nonnegative(),
  cpuPercent: Percent.nullable(),
  workingSetBytes: Bytes,
  /** Null when the system does not report it (the snapshot's `unreported` says why), as for every field below that may be null. */
  privateBytes: Bytes.nullable(),
  pagefileBytes: Bytes,
  threadCount: Count,
  handleCount: Count,
  userTimeMs: Ms,
  kernelTimeMs: Ms,
  basePriority: z.number().int().nullable(),
  ioReadBytes: Bytes.nullable(),
  ioWriteBytes: Bytes.nullable(),
  ioOtherBytes: Bytes.nullable(),
  /** Disk bytes read and written, from the Windows 10 RS3+ process extension; null where Windows has none. */
  diskReadBytes: Bytes.nullable(),
  diskWriteBytes: Bytes.nullable(),
  /** The kernel's id of the job the process is in (0 = none), from the same extension; null where absent. */
  jobObjectId: z.number().int().nonnegative().nullable(),
  /**
   * Threads waiting with reason Suspended (SYSTEM_THREAD_INFORMATION); equal to threadCount (and nonzero)
   * when the process is suspended. Null where the system leaves thread states empty (Wine).
   */
  suspendedThreads: Count.nullable(),
  /**
   * Visible, unowned top-level windows of the process that are hung (IsHungAppWindow): nonzero is Task
   * Manager's "Not responding"; 0 also for a process with no such window. Null when the windows could not be listed.
   */
  hungWindows: Count.nullable(),
  /** Full image path (QueryFullProcessImageNameW); null when the process could not be opened (see detailsError). */
  imagePath: z.string().max(32_768).nullable(),
  commandLine: z.string().max(32_768).nullable(),
  /** DOMAIN\\user of the process token. */
  user: z.string().max(520).nullable(),
  /** IsProcessInJob(process, NULL): in any job at all. */
  inJob: z.boolean().nullable(),
  /** Why image path, command line, user or job could not be read (e.g. access denied), else null. */
  detailsError: z.string().max(1024).nullable(),
  /** A process whose termination or suspension takes Windows (or this console) down; actions need an override. */
  critical: z.boolean(),
});

/** Why a process number is null in every row: the system does not fill it in (see unknown.ts). */
export const ProcessUnreported = unknownReasons(UNREPORTABLE_PROCESS_FIELDS);

export const ProcessSnapshot = z.strictObject({
  /** Increases by one per tick; a delta applies only to the snapshot it names as its base. */
  seq: z.number().int().nonnegative(),
  time: z.number().nonnegative(),
  logicalProcessors: z.number().int().positive(),
  processes: z.array(ProcessRow).max(100_000),
  /** Fields this system does not report, with why: those are null in every row. */
  unreported: ProcessUnreported,
});

/** `[pid, mask, ...values]`, see PROCESS_NUMBER_FIELDS. */
const ChangedNumbers = z
  .array(z.number().nullable())
  .min(2)
  .max(2 + PROCESS_NUMBER_FIELDS.length);

export const ProcessDelta = z.strictObject({
  seq: z.number().int().positive(),
  /** The seq this delta applies to; a renderer holding another seq asks for a full snapshot. */
  baseSeq: z.number().int().nonnegative(),
  time: z.number().nonnegative(),
  /**
   * Rows new since baseSeq; also a row the renderer holds, sent again whole when more than its numbers
   * changed (a process found to be this console's own is critical now): the renderer updates it in place.
   */
  added: z.array(ProcessRow).max(100_000),
  removed: z.array(ProcessKey).max(100_000),
  changed: z.array(ChangedNumbers).max(100_000),
  /** Present only when the fields this system does not report changed since baseSeq: the whole new map. */
  unreported: ProcessUnreported.optional(),
});

/** One tick of a watched process's charts, kept in main; null is a gap (no reading yet, or not reported). */
export const ProcessChartSample = z.strictObject({
  time: z.number().nonnegative(),
  cpuPercent: Percent.nullable(),
  workingSetBytes: Bytes,
  privateBytes: Bytes.nullable(),
});

const Targets = z.array(ProcessKey).min(1).max(256);
const ProcessAction = z.strictObject({
  targets: Targets,
  /** Asked for explicitly when a target is critical; the main process still confirms it in its own dialog. */
  allowCritical: z.boolean().optional(),
});

export const ApiErrorValue = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string().max(4096),
  win32Code: z.number().int().optional(),
});

/** Each target's priority class (GetPriorityClass), or why it could not be read; in the order asked. */
export const PriorityClasses = z.strictObject({
  classes: z
    .array(
      z.strictObject({
        pid: Pid,
        createTime: CreateTime,
        priorityClass: z.enum(PRIORITY_CLASSES).nullable(),
        error: ApiErrorValue.optional(),
      }),
    )
    .max(256),
});

/** Per-target outcome: actions on several processes can partly succeed. */
export const ActionResults = z.strictObject({
  results: z
    .array(
      z.strictObject({
        pid: Pid,
        createTime: CreateTime,
        name: z.string().max(520),
        ok: z.boolean(),
        error: ApiErrorValue.optional(),
        /** Left alone because it is critical and the request carried no override (only then is an override worth offering). */
        refusedAsCritical: z.boolean().optional(),
      }),
    )
    .max(4096),
});

export const ModuleList = z.strictObject({
  modules: z
    .array(
      z.strictObject({
        name: z.string().max(520),
        path: z.string().max(32_768),
        /** Load address as hex (0x...), kept as text: 64-bit addresses exceed JS numbers. */
        baseAddress: z.string().regex(/^0x[0-9a-f]{1,16}$/),
        sizeBytes: Bytes,
      }),
    )
    .max(10_000),
});

/** A file name with no folder, no characters Windows forbids in names, no control characters, ending in .csv. */
function isPlainCsvFileName(name: string): boolean {
  if (!name.toLowerCase().endsWith('.csv') || name.length <= 4) return false;
  for (const ch of name) if ('\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 0x20) return false;
  return true;
}

/** Every channel: name -> request and response schema. */
export const channelSchemas = {
  'system:getInfo': { request: NoArgs, response: SystemInfo },
  'performance:getHistory': { request: NoArgs, response: PerformanceHistory },
  'settings:get': { request: NoArgs, response: Settings },
  'settings:setRefresh': {
    request: z
      .strictObject({ intervalMs: RefreshSettings.shape.intervalMs.optional(), paused: z.boolean().optional() })
      .refine((r) => r.intervalMs !== undefined || r.paused !== undefined, 'give intervalMs or paused'),
    response: Settings,
  },
  'settings:setProcessView': {
    request: z
      .strictObject({ columns: ProcessViewSettings.shape.columns.optional(), view: ProcessViewSettings.shape.view.optional() })
      .refine((r) => r.columns !== undefined || r.view !== undefined, 'give columns or view'),
    response: Settings,
  },
  /** Column widths and the details pane's size of one table (a drag or a key on a resize handle or splitter). */
  'settings:setTableLayout': { request: TableLayoutChange, response: Settings },
  'settings:setServiceView': { request: ServiceViewSettings, response: Settings },
  'processes:getSnapshot': { request: NoArgs, response: ProcessSnapshot },
  'processes:getModules': { request: z.strictObject({ target: ProcessKey }), response: ModuleList },
  /** What main kept of a process's charts (empty the first time), and from now on it keeps them (core/processes/process-chart-history.ts). */
  'processes:history': { request: z.strictObject({ target: ProcessKey }), response: z.strictObject({ samples: z.array(ProcessChartSample).max(1200) }) },
  'processes:terminate': { request: ProcessAction, response: ActionResults },
  'processes:terminateTree': { request: ProcessAction, response: ActionResults },
  'processes:suspend': { request: ProcessAction, response: ActionResults },
  'processes:resume': { request: ProcessAction, response: ActionResults },
  'processes:getPriorityClasses': { request: z.strictObject({ targets: Targets }), response: PriorityClasses },
  'processes:setPriority': { request: ProcessAction.extend({ priorityClass: z.enum(PRIORITY_CLASSES) }), response: ActionResults },
  'processes:setAffinity': {
    request: ProcessAction.extend({
      /** Logical processors (0-63, one processor group) the processes may run on. */
      processors: z.array(z.number().int().min(0).max(63)).min(1).max(64).refine((p) => new Set(p).size === p.length, 'processors must not repeat'),
    }),
    response: ActionResults,
  },
  /** Text onto the clipboard (cells, rows, a command line); the renderer has no clipboard permission. */
  'desktop:copyText': { request: z.strictObject({ text: z.string().max(1_000_000) }), response: z.strictObject({}) },
  /** A CSV export, saved where the admin chooses in a dialog the main process owns; null when cancelled. */
  'desktop:saveCsv': {
    request: z.strictObject({
      suggestedName: z.string().min(1).max(120).refine(isPlainCsvFileName, 'a plain file name ending in .csv'),
      content: z.string().max(32 * 1024 * 1024),
    }),
    response: z.strictObject({ savedTo: z.string().max(32_768).nullable() }),
  },
  ...serviceChannelSchemas,
  ...hostedChannelSchemas,
  ...jobChannelSchemas,
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

/** Every pushed event: name -> payload schema. */
export const eventSchemas = {
  'performance:changed': PerformanceSample,
  'settings:changed': Settings,
  'processes:changed': ProcessDelta,
  ...serviceEventSchemas,
  ...hostedEventSchemas,
  ...jobEventSchemas,
} as const satisfies Record<EventName, z.ZodType>;

export const ApiErrorSchema = ApiErrorValue;

export type RequestOf<C extends Channel> = z.input<(typeof channelSchemas)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof channelSchemas)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

export type SettingsValue = z.output<typeof Settings>;
export type SystemInfoValue = z.output<typeof SystemInfo>;
export type PerformanceSampleValue = z.output<typeof PerformanceSample>;
export type PerformanceHistoryValue = z.output<typeof PerformanceHistory>;
export type ProcessChartSampleValue = z.output<typeof ProcessChartSample>;
export type ProcessKeyValue = z.output<typeof ProcessKey>;
export type ProcessRowValue = z.output<typeof ProcessRow>;
export type ProcessSnapshotValue = z.output<typeof ProcessSnapshot>;
export type ProcessDeltaValue = z.output<typeof ProcessDelta>;
export type ActionResultsValue = z.output<typeof ActionResults>;
export type ModuleListValue = z.output<typeof ModuleList>;
export type ProcessUnreportedValue = z.output<typeof ProcessUnreported>;
export type ProcessViewSettingsValue = z.output<typeof ProcessViewSettings>;
export type TableLayoutChangeValue = z.output<typeof TableLayoutChange>;
