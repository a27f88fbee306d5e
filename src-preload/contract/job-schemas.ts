/**
 * The Jobs and Run part of the contract (see schemas.ts for the rules every schema follows). A job the
 * console manages is named by its name; a run by its id.
 */
import { z } from 'zod';
import { PRIORITY_CLASSES } from './process-fields';
import { unknownReasons } from './unknown-schema';

export const UI_RESTRICTIONS = ['handles', 'readClipboard', 'writeClipboard', 'systemParameters', 'displaySettings', 'globalAtoms', 'desktop', 'exitWindows'] as const;
export const JOB_EVENT_KINDS = [
  'newProcess',
  'exitProcess',
  'abnormalExitProcess',
  'activeProcessZero',
  'activeProcessLimit',
  'processMemoryLimit',
  'jobMemoryLimit',
  'endOfJobTime',
  'endOfProcessTime',
  'notificationLimit',
  'other',
  'created',
  'opened',
  'limitsApplied',
  'processAdded',
  'launched',
  'terminated',
  'closed',
] as const;
export const RUN_STATES = ['running', 'exited', 'timedOut', 'cancelled', 'failed'] as const;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN_TEXT = /^[^\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]*$/;

/** Job names: letters, digits, space, dot, dash, underscore; no backslash (the object namespace's separator). */
export const JobName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, space, dot, dash and underscore, starting with a letter or digit');
export const TemplateName = z.string().min(1).max(80).regex(PLAIN_TEXT, 'no control, bidi or line-separator characters');

const Bytes = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const CpuRateValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hardCap'), percent: z.number().min(0.01).max(100) }),
  z.strictObject({ kind: z.literal('weight'), weight: z.number().int().min(1).max(9) }),
  z.strictObject({ kind: z.literal('minMax'), minPercent: z.number().min(0).max(100), maxPercent: z.number().min(0.01).max(100) }),
]);

/** Every job limit; null / false / [] = not set. Units are bytes, milliseconds and percent. */
export const JobLimitsValue = z.strictObject({
  processMemoryBytes: Bytes.min(1024 * 1024).nullable(),
  jobMemoryBytes: Bytes.min(1024 * 1024).nullable(),
  activeProcesses: z.number().int().min(1).max(1_000_000).nullable(),
  processUserTimeMs: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
  jobUserTimeMs: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
  cpuRate: CpuRateValue.nullable(),
  affinity: z.array(z.number().int().min(0).max(63)).min(1).max(64).refine((p) => new Set(p).size === p.length, 'processors must not repeat').nullable(),
  priorityClass: z.enum(PRIORITY_CLASSES).nullable(),
  schedulingClass: z.number().int().min(0).max(9).nullable(),
  workingSet: z.strictObject({ minBytes: Bytes, maxBytes: Bytes }).nullable(),
  killOnJobClose: z.boolean(),
  dieOnUnhandledException: z.boolean(),
  breakawayOk: z.boolean(),
  silentBreakawayOk: z.boolean(),
  uiRestrictions: z.array(z.enum(UI_RESTRICTIONS)).max(UI_RESTRICTIONS.length).refine((u) => new Set(u).size === u.length, 'restrictions must not repeat'),
});

/** Every field of JobLimitsValue (the keys an `unreported` map of limits may name). */
export const LIMIT_FIELDS = [
  'processMemoryBytes',
  'jobMemoryBytes',
  'activeProcesses',
  'processUserTimeMs',
  'jobUserTimeMs',
  'cpuRate',
  'affinity',
  'priorityClass',
  'schedulingClass',
  'workingSet',
  'killOnJobClose',
  'dieOnUnhandledException',
  'breakawayOk',
  'silentBreakawayOk',
  'uiRestrictions',
] as const satisfies readonly (keyof z.output<typeof JobLimitsValue>)[];
export type LimitField = (typeof LIMIT_FIELDS)[number];

export const JobTemplate = z.strictObject({
  name: TemplateName,
  description: z.string().max(1024).regex(PLAIN_TEXT),
  limits: JobLimitsValue,
});

/** Accounting figures a system may not fill in (Wine 8: CPU times, page faults, I/O and peaks); see unknown.ts. */
export const UNREPORTABLE_ACCOUNTING_FIELDS = [
  'userTimeMs',
  'kernelTimeMs',
  'pageFaults',
  'readOperations',
  'writeOperations',
  'otherOperations',
  'readBytes',
  'writeBytes',
  'otherBytes',
  'peakProcessMemoryBytes',
  'peakJobMemoryBytes',
] as const;
export type UnreportableAccountingField = (typeof UNREPORTABLE_ACCOUNTING_FIELDS)[number];

/** A job's accounting. A figure the system does not report is null, with why in `unreported` (never 0). */
export const JobAccountingValue = z.strictObject({
  activeProcesses: z.number().int().nonnegative(),
  totalProcesses: z.number().int().nonnegative(),
  terminatedProcesses: z.number().int().nonnegative(),
  userTimeMs: z.number().nonnegative().nullable(),
  kernelTimeMs: z.number().nonnegative().nullable(),
  pageFaults: z.number().int().nonnegative().nullable(),
  readOperations: Bytes.nullable(),
  writeOperations: Bytes.nullable(),
  otherOperations: Bytes.nullable(),
  readBytes: Bytes.nullable(),
  writeBytes: Bytes.nullable(),
  otherBytes: Bytes.nullable(),
  peakProcessMemoryBytes: Bytes.nullable(),
  peakJobMemoryBytes: Bytes.nullable(),
  unreported: unknownReasons(UNREPORTABLE_ACCOUNTING_FIELDS),
});

const Pid = z.number().int().nonnegative().max(0xffff_ffff);
const CreateTime = z.string().max(20).regex(/^\d{1,20}$/);

/** One limit that Windows holds differently from what was asked, with why when known. */
export const LimitDifference = z.strictObject({
  field: z.string().max(64),
  asked: z.string().max(256),
  held: z.string().max(256),
  note: z.string().max(1024),
});

export const JobRow = z.strictObject({
  name: JobName,
  /** Created by this console (recreated after a restart from its saved definition), or opened by name. */
  origin: z.enum(['console', 'opened']),
  /** The console holds a handle now (false for a saved definition not yet recreated). */
  open: z.boolean(),
  template: TemplateName.nullable(),
  members: z.array(z.strictObject({ pid: Pid, createTime: CreateTime.nullable(), name: z.string().max(520), cpuPercent: z.number().min(0).max(100).nullable(), workingSetBytes: Bytes.nullable() })).max(10_000),
  /** Null when it could not be read at all; `accountingUnreadable` says why. */
  accounting: JobAccountingValue.nullable(),
  accountingUnreadable: z.string().max(1024).nullable(),
  /** What the admin last applied (null for an opened job the console never changed). */
  limitsAsked: JobLimitsValue.nullable(),
  /** What Windows reports it holds now. */
  limitsHeld: JobLimitsValue.nullable(),
  limitsUnreadable: z.string().max(4096).nullable(),
  /**
   * Limits whose held value is unknown, with why (see unknown.ts): a class that could not be read, or a
   * system that accepts limits but reads them back as not set (Wine). Their `limitsHeld` value means nothing
   * and they are never listed as differences.
   */
  limitsUnreported: unknownReasons(LIMIT_FIELDS),
  differences: z.array(LimitDifference).max(32),
});

export const JobEvent = z.strictObject({
  id: z.number().int().nonnegative(),
  time: z.number().nonnegative(),
  job: JobName,
  kind: z.enum(JOB_EVENT_KINDS),
  pid: Pid.nullable(),
  text: z.string().max(4096),
  /** Worth a toast (limits hit, abnormal exits, the job emptied). */
  important: z.boolean(),
});

/**
 * A running Run's job (unnamed, kill on close, not in the Jobs list) and its members, so the Processes view
 * can tell them apart from processes in jobs the console did not create.
 */
export const RunJob = z.strictObject({
  runId: z.string().max(16).regex(/^[0-9a-f]{16}$/),
  commandLine: z.string().max(32_767),
  members: z.array(z.strictObject({ pid: Pid, createTime: CreateTime.nullable() })).max(10_000),
});

export const JobsSnapshot = z.strictObject({
  time: z.number().nonnegative(),
  jobs: z.array(JobRow).max(256),
  /** The jobs of the runs going now; absent when none is. */
  runs: z.array(RunJob).max(256).optional(),
  /** Oldest first, bounded. */
  events: z.array(JobEvent).max(2000),
  templates: z.array(JobTemplate).max(256),
});

/** Pushed every refresh tick while any job exists (jobs are few: the whole list), with the events since the last. */
export const JobsChanged = z.strictObject({
  time: z.number().nonnegative(),
  jobs: z.array(JobRow).max(256),
  /** The jobs of the runs going now; absent when none is (and on the tick after the last one ended: empty). */
  runs: z.array(RunJob).max(256).optional(),
  events: z.array(JobEvent).max(2000),
});

export const RunSummary = z.strictObject({
  id: z.string().max(16).regex(/^[0-9a-f]{16}$/),
  commandLine: z.string().max(32_767),
  workingDirectory: z.string().max(32_767).nullable(),
  template: TemplateName.nullable(),
  timeoutSeconds: z.number().int().min(1).max(86_400),
  state: z.enum(RUN_STATES),
  pid: Pid.nullable(),
  exitCode: z.number().int().nullable(),
  startedAt: z.number().nonnegative(),
  endedAt: z.number().nonnegative().nullable(),
  /** Bytes of output dropped from the start of the kept buffer (oldest first). */
  truncatedBytes: z.number().int().nonnegative(),
  outputBytes: z.number().int().nonnegative(),
  /** Why it failed or was stopped. */
  message: z.string().max(4096).nullable(),
});

export const RunOutputChunk = z.strictObject({
  runId: RunSummary.shape.id,
  stream: z.enum(['stdout', 'stderr']),
  text: z.string().max(1024 * 1024),
});

const EnvironmentEntry = z.strictObject({
  // eslint-disable-next-line no-control-regex -- matching NUL is the point
  name: z.string().min(1).max(256).regex(/^[^=\u0000]+$/, 'no = or NUL in a variable name').regex(PLAIN_TEXT),
  value: z.string().max(32_767).regex(PLAIN_TEXT),
});

/** One tick of one job's charts, kept in main (core/jobs/job-chart-history.ts); null is a gap, never 0. */
export const JobChartSample = z.strictObject({
  time: z.number().nonnegative(),
  /** User + kernel CPU time so far: the renderer draws the rate between two samples. */
  cpuTimeMs: z.number().nonnegative().nullable(),
  workingSetBytes: Bytes.nullable(),
  peakJobMemoryBytes: Bytes.nullable(),
});

export const jobChannelSchemas = {
  'jobs:getSnapshot': { request: z.strictObject({}), response: JobsSnapshot },
  /** A job's chart history, the last ten minutes oldest first, for charts that mount after it began. */
  'jobs:history': { request: z.strictObject({ job: JobName }), response: z.strictObject({ samples: z.array(JobChartSample).max(1200) }) },
  /** Creates a job (limits from a template, or given), saved so the console can recreate it after a restart. */
  'jobs:create': {
    request: z.strictObject({ name: JobName, template: TemplateName.nullable(), limits: JobLimitsValue.nullable() }),
    response: z.strictObject({ name: JobName }),
  },
  /** Opens a job another program created, by name, to inspect it. */
  'jobs:open': { request: z.strictObject({ name: JobName }), response: z.strictObject({ name: JobName }) },
  /** Launches a command into the job; the main process confirms it showing the command line. */
  'jobs:launch': {
    request: z.strictObject({ job: JobName, commandLine: z.string().min(1).max(32_767).regex(PLAIN_TEXT), workingDirectory: z.string().max(32_767).regex(PLAIN_TEXT).nullable() }),
    response: z.strictObject({ pid: Pid, createTime: CreateTime }),
  },
  'jobs:addProcess': { request: z.strictObject({ job: JobName, target: z.strictObject({ pid: Pid, createTime: CreateTime }) }), response: z.strictObject({}) },
  /** Applies limits to the live job, then reads them back: what Windows holds and how it differs. */
  'jobs:setLimits': { request: z.strictObject({ job: JobName, limits: JobLimitsValue }), response: JobRow },
  /** Ends every process in the job (confirmed by the main process). */
  'jobs:terminate': { request: z.strictObject({ job: JobName }), response: z.strictObject({}) },
  /** Closes the console's handle and forgets the saved definition (confirmed when that kills members). */
  'jobs:close': { request: z.strictObject({ job: JobName }), response: z.strictObject({}) },
  'jobs:saveTemplate': { request: z.strictObject({ template: JobTemplate }), response: z.strictObject({ templates: z.array(JobTemplate).max(256) }) },
  'jobs:deleteTemplate': { request: z.strictObject({ name: TemplateName }), response: z.strictObject({ templates: z.array(JobTemplate).max(256) }) },
  /** Runs a command in a new kill-on-close job with a wall-clock timeout; confirmed by the main process. */
  'run:start': {
    request: z.strictObject({
      commandLine: z.string().min(1).max(32_767).regex(PLAIN_TEXT),
      workingDirectory: z.string().max(32_767).regex(PLAIN_TEXT).nullable(),
      environment: z.array(EnvironmentEntry).max(64),
      timeoutSeconds: z.number().int().min(1).max(86_400),
      template: TemplateName.nullable(),
    }),
    response: RunSummary,
  },
  'run:cancel': { request: z.strictObject({ id: RunSummary.shape.id }), response: z.strictObject({}) },
  'run:getHistory': { request: z.strictObject({}), response: z.strictObject({ runs: z.array(RunSummary).max(500) }) },
  /** The kept output of one run (live or from the saved history), oldest first. */
  'run:getOutput': {
    request: z.strictObject({ id: RunSummary.shape.id }),
    response: z.strictObject({ run: RunSummary, chunks: z.array(RunOutputChunk.omit({ runId: true })).max(100_000) }),
  },
} as const;

export const jobEventSchemas = {
  'jobs:changed': JobsChanged,
  /** Output as it arrives (batched per refresh of the pipes, a few times a second). */
  'run:output': RunOutputChunk,
  /** A run started, ended, timed out or was cancelled. */
  'run:changed': RunSummary,
} as const;

export type JobLimitsFormValue = z.output<typeof JobLimitsValue>;
export type JobTemplateValue = z.output<typeof JobTemplate>;
export type JobRowValue = z.output<typeof JobRow>;
export type JobChartSampleValue = z.output<typeof JobChartSample>;
export type JobEventValue = z.output<typeof JobEvent>;
export type JobsSnapshotValue = z.output<typeof JobsSnapshot>;
export type JobsChangedValue = z.output<typeof JobsChanged>;
export type JobAccountingFormValue = z.output<typeof JobAccountingValue>;
export type RunSummaryValue = z.output<typeof RunSummary>;
export type RunOutputChunkValue = z.output<typeof RunOutputChunk>;
export type LimitDifferenceValue = z.output<typeof LimitDifference>;
