/**
 * Hosted services: ordinary programs run as Windows services by the console's service host
 * (native/service-host, its contract in native/service-host/CONTRACT.md). The definition is what the wizard's
 * "Run a program as a service" mode edits and what the main process writes to the SCM and to the service's
 * `Parameters` key; the status is the host's pipe status, unchanged. See schemas.ts for the rules every schema
 * follows (strict objects, bounded strings, ranged numbers).
 */
import { z } from 'zod';
import { HOSTED_EVENT_KINDS, HOSTED_LOG_SEARCH_MAX_MATCHES, HOSTED_LOG_TAIL_MAX_BYTES, HOSTED_PROBE_KINDS, HOSTED_RANGES, HOSTED_STATES, HOSTED_STOP_METHODS, type HostedRange } from './hosted-ranges';
import { MAX_HOSTED_EVENTS, MAX_HOSTED_POINTS } from './hosted-chart-points';
import { JobLimitsValue, TemplateName } from './job-schemas';
import { unknownReasons } from './unknown-schema';
import { ERROR_CONTROLS, MAX_SERVICE_NAME, SHOWN_VALUE_MAX, STARTUP_CHOICES, ServiceName } from './service-schemas';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN_TEXT = /^[^\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]*$/;
const NO_BIDI = /^[^\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
const PLAIN = 'no control, bidi or line-separator characters';

const Plain = (max: number) => z.string().max(max).regex(PLAIN_TEXT, PLAIN);
const inRange = (range: HostedRange) => z.number().int().min(range.min).max(range.max);
/** A Windows exit code as the host compares it: the DWORD, written in decimal. */
const ExitCode = z.number().int().min(0).max(0xffff_ffff);
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/**
 * Who the service runs as. `virtual` (the default) is the service's own virtual account `NT SERVICE\NAME`:
 * no password, its own SID for ACLs. A gMSA's name ends in `$` and has no password (Windows fetches it).
 */
export const HostedAccount = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('virtual') }),
  z.strictObject({ kind: z.literal('localSystem') }),
  z.strictObject({ kind: z.literal('localService') }),
  z.strictObject({ kind: z.literal('networkService') }),
  z.strictObject({
    kind: z.literal('user'),
    /** DOMAIN\\user, .\\user or user@domain. */
    name: z.string().min(1).max(512).regex(PLAIN_TEXT, PLAIN),
    /** Handed to the SCM only; never logged, never in the registry; when editing, absent = keep the current one. */
    password: z.string().max(512).optional(),
  }),
  z.strictObject({
    kind: z.literal('gmsa'),
    /** DOMAIN\\name$ */
    name: z
      .string()
      .min(2)
      .max(512)
      .regex(PLAIN_TEXT, PLAIN)
      .refine((n) => n.endsWith('$'), 'a group managed service account name ends in $'),
  }),
]);

/** What must answer: TCP connect or HTTP GET on 127.0.0.1, or a file touched recently enough. */
export const HostedProbe = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tcp'), port: inRange(HOSTED_RANGES.probePort) }),
  z.strictObject({
    kind: z.literal('http'),
    port: inRange(HOSTED_RANGES.probePort),
    /** Starts with '/'. */
    path: z.string().min(1).max(1024).regex(/^\/[\x21-\x7e]*$/, 'a path starting with / (printable ASCII, no spaces)'),
    expectStatus: inRange(HOSTED_RANGES.probeHttpStatus),
  }),
  z.strictObject({
    kind: z.literal('heartbeat'),
    /** Absolute path of the file the program touches. */
    file: z.string().min(1).max(SHOWN_VALUE_MAX).regex(PLAIN_TEXT, PLAIN),
    maxAgeSec: inRange(HOSTED_RANGES.probeHeartbeatMaxAgeSec),
  }),
]);

const EnvironmentEntry = z.strictObject({
  // eslint-disable-next-line no-control-regex -- matching NUL is the point
  name: z.string().min(1).max(256).regex(/^[^=\u0000]+$/, 'no = or NUL in a variable name').regex(PLAIN_TEXT, PLAIN),
  value: Plain(8192),
});

/** A program run as a service by the console's host: every field of the wizard's "Run a program as a service". */
export const HostedDefinition = z.strictObject({
  name: ServiceName.regex(PLAIN_TEXT, 'no bidi or line-separator characters'),
  displayName: z.string().min(1).max(MAX_SERVICE_NAME).regex(PLAIN_TEXT, PLAIN),
  description: z.string().max(8192).regex(NO_BIDI, 'no bidi control characters'),
  /** Absolute path of the program (.exe, or .bat/.cmd, which the host runs through %ComSpec%). */
  program: z.string().min(1).max(SHOWN_VALUE_MAX).regex(PLAIN_TEXT, PLAIN),
  /** One argv element each; the host quotes them (CommandLineToArgvW rules). */
  arguments: z.array(Plain(SHOWN_VALUE_MAX)).max(64),
  /** Absolute; null = the program's folder. */
  workingFolder: z.string().min(1).max(SHOWN_VALUE_MAX).regex(PLAIN_TEXT, PLAIN).nullable(),
  /** Added to (or replacing in) the host's environment. Values are shown in the plan, so no secrets here. */
  environment: z.array(EnvironmentEntry).max(64).refine((e) => unique(e.map((v) => v.name.toUpperCase())), 'variable names must not repeat'),
  account: HostedAccount,
  startup: z.enum(STARTUP_CHOICES),
  errorControl: z.enum(ERROR_CONTROLS),
  stop: z.strictObject({
    /** Tried in this fixed order (Ctrl+C, Ctrl+Break, WM_CLOSE); ending the job always comes last. */
    methods: z.array(z.enum(HOSTED_STOP_METHODS)).max(HOSTED_STOP_METHODS.length).refine(unique, 'methods must not repeat'),
    /** The whole stop, every step included. */
    budgetMs: inRange(HOSTED_RANGES.stopBudgetMs),
  }),
  restart: z.strictObject({
    baseMs: inRange(HOSTED_RANGES.restartBaseMs),
    factorPercent: inRange(HOSTED_RANGES.restartFactorPercent),
    capMs: inRange(HOSTED_RANGES.restartCapMs),
    jitterPercent: inRange(HOSTED_RANGES.restartJitterPercent),
    /** Restarts allowed within the window, then give up; 0 = never restart. */
    maxCount: inRange(HOSTED_RANGES.restartMaxCount),
    windowSec: inRange(HOSTED_RANGES.restartWindowSec),
    /** Running healthy this long starts the count over. */
    resetSec: inRange(HOSTED_RANGES.restartResetSec),
    /** The program ended on purpose: the service stops with no error. */
    exitCodesNoRestart: z.array(ExitCode).max(64).refine(unique, 'codes must not repeat'),
    /** The service stops with the code as its error, so Windows' recovery actions run. */
    exitCodesStopService: z.array(ExitCode).max(64).refine(unique, 'codes must not repeat'),
  }),
  readiness: z.strictObject({
    /** null = RUNNING as soon as the program runs. */
    probe: HostedProbe.nullable(),
    timeoutSec: inRange(HOSTED_RANGES.readinessTimeoutSec),
  }),
  liveness: z.strictObject({
    /** null = only "the job still has processes" (always checked). */
    probe: HostedProbe.nullable(),
    intervalSec: inRange(HOSTED_RANGES.livenessIntervalSec),
    failuresToRestart: inRange(HOSTED_RANGES.livenessFailuresToRestart),
  }),
  probeTimeoutMs: inRange(HOSTED_RANGES.probeTimeoutMs),
  log: z.strictObject({
    maxFileBytes: inRange(HOSTED_RANGES.logMaxFileBytes),
    /** Per stream, the current file included. */
    maxFiles: inRange(HOSTED_RANGES.logMaxFiles),
    /** Hard cap on the whole log folder; null = maxFileBytes x maxFiles per stream. */
    totalCapBytes: z.number().int().min(HOSTED_RANGES.logMaxFileBytes.min).max(Number.MAX_SAFE_INTEGER).nullable(),
    /** stdout.log and stderr.log instead of one output.log. */
    split: z.boolean(),
  }),
  job: z.strictObject({
    /** The Jobs tab's template the limits came from (a label; the limits below are what is written). */
    template: TemplateName.nullable(),
    /**
     * The Jobs tab's limits. The host applies process and job memory, active processes, a hard CPU cap in whole
     * percent, affinity, priority class (not realtime) and breakaway; the plan lists any other limit set as a problem.
     */
    limits: JobLimitsValue,
  }),
});

/** The edit form's starting point, read back from the SCM and the `Parameters` key. */
export const HostedDefinitionRead = z.strictObject({
  definition: HostedDefinition,
  /**
   * Registry values the form could not show as stored (wrong type, out of range): each replaced by its default
   * in `definition`, named here so the admin sees it before saving.
   */
  problems: z.array(z.strictObject({ field: z.string().max(64), message: z.string().max(1024) })).max(128),
});

export const HostedChangeRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('install'), definition: HostedDefinition }),
  z.strictObject({ kind: z.literal('edit'), name: ServiceName, definition: HostedDefinition }),
]);

/** The restart delays the policy gives (before jitter), as the wizard previews them. */
export const RestartSchedule = z.strictObject({
  /** The nominal delay of restart 1, 2, ... (at most maxCount, at most 50 listed). */
  delaysMs: z.array(z.number().int().nonnegative()).max(50),
  /** Each delay is drawn from [d x (1 - j), d x (1 + j)], then capped. */
  jitterPercent: z.number().int().min(0).max(100),
  /** "1 s, 2 s, 4 s, 8 s, 16 s (±20%), then give up after 5 restarts in 10 min". */
  text: z.string().max(2048),
});

const PlanLine = z.string().max(70_000);
/** What an install or edit of a hosted service would do, computed by the same code that applies it. */
export const HostedPlan = z.strictObject({
  /** To the SCM: the equivalent sc.exe lines (passwords as ********). */
  commands: z.array(PlanLine).max(16),
  /** To the registry: one `reg add` line per value of `Services\NAME\Parameters` (or `reg delete` for a value removed). */
  registry: z.array(PlanLine).max(128),
  /** For an edit only what differs, for an install every field. */
  changes: z.array(z.strictObject({ field: z.string().max(64), label: z.string().max(128), before: PlanLine, after: PlanLine })).max(128),
  /** Why it cannot be applied as it is, per field of the definition (dotted path); empty when it can. */
  problems: z.array(z.strictObject({ field: z.string().max(64), message: z.string().max(1024) })).max(128),
  /** The command line the SCM will run: the quoted host and `--service NAME`. */
  binaryPath: z.string().max(70_000),
  /** Where the host writes the program's output (kept after an uninstall). */
  logFolder: z.string().max(32_768),
  schedule: RestartSchedule,
  /** How it is applied, in sentences ("written to Parameters.new, then swapped in", "the log folder stays"). */
  notes: z.array(z.string().max(1024)).max(16),
});

/** One probe's latest result, as the host reports it. */
const ProbeResult = z.strictObject({
  kind: z.enum(HOSTED_PROBE_KINDS),
  ok: z.boolean(),
  at: z.string().max(64),
  detail: z.string().max(4096),
});
const Pid = z.number().int().nonnegative().max(0xffff_ffff);
const Count = z.number().int().nonnegative();
const NullableCount = z.number().nonnegative().nullable();

/** One of the host's events (restarting, probe-failed, limit-hit, ...) as its status line carries it. */
const HostedEventLine = z.strictObject({ at: z.string().max(64), kind: z.enum(HOSTED_EVENT_KINDS), detail: z.string().max(4096) });

/** The host's status line on its pipe (CONTRACT.md, "Status pipe"), exactly; null = not reported, never 0. */
export const HostedStatus = z.strictObject({
  type: z.literal('status'),
  version: z.literal(1),
  service: ServiceName,
  hostPid: Pid,
  state: z.enum(HOSTED_STATES),
  programPid: Pid.nullable(),
  pids: z.array(Pid).max(10_000),
  restarts: Count,
  restartsInWindow: Count,
  nextRestartAt: z.string().max(64).nullable(),
  lastExits: z.array(z.strictObject({ pid: Pid, code: z.number().int().min(0).max(0xffff_ffff), at: z.string().max(64) })).max(20),
  readiness: ProbeResult.nullable(),
  liveness: ProbeResult.extend({ consecutiveFailures: Count }).nullable(),
  job: z
    .strictObject({
      activeProcesses: NullableCount,
      totalProcesses: NullableCount,
      userTimeMs: NullableCount,
      kernelTimeMs: NullableCount,
      peakProcessMemoryBytes: NullableCount,
      peakJobMemoryBytes: NullableCount,
    })
    .nullable(),
  limitHits: z.array(z.strictObject({ limit: z.string().max(64), at: z.string().max(64) })).max(20),
  events: z.array(HostedEventLine).max(20),
  logFolder: z.string().max(32_768),
});

/**
 * The job figures of a hosted status that may be unknown although the host sent a number: the system leaves
 * them 0 (Wine's job accounting), as the Jobs tab's accounting (core/jobs/accounting-unreported.ts).
 */
export const HOSTED_UNREPORTABLE_JOB_FIELDS = ['userTimeMs', 'kernelTimeMs', 'peakProcessMemoryBytes', 'peakJobMemoryBytes'] as const;
export type HostedUnreportableJobField = (typeof HOSTED_UNREPORTABLE_JOB_FIELDS)[number];

/**
 * Pushed while the renderer watches a hosted service: the host's latest status, or why there is none
 * (`status` null and `unavailable` set: "host not running", "no answer on the pipe", ...; unknown, never zeros).
 * A job figure the system does not fill in (a 0 while the members visibly use CPU or memory) is null in
 * `status.job`, with why in `unreported` (unknown.ts); `unreported` is empty when `status` is null.
 */
export const HostedStatusChanged = z.strictObject({
  name: ServiceName,
  time: z.number().nonnegative(),
  status: HostedStatus.nullable(),
  unavailable: z.string().max(1024).nullable(),
  unreported: unknownReasons(HOSTED_UNREPORTABLE_JOB_FIELDS),
});

const ChartFigure = z.number().nonnegative().nullable();

/** One point of a hosted service's charts as main keeps it (hosted-chart-points.ts); all null on a gap. */
export const HostedChartPoint = z.strictObject({
  time: z.number().nonnegative(),
  cpuPercent: ChartFigure,
  peakJobMemoryBytes: ChartFigure,
  activeProcesses: ChartFigure,
  restarts: ChartFigure,
  probeFailures: ChartFigure,
  limitHits: ChartFigure,
  cpuTimeMs: ChartFigure,
});

/** What main kept of a hosted service's charts and events: oldest first, bounded; empty when it keeps none. */
export const HostedHistory = z.strictObject({
  points: z.array(HostedChartPoint).max(MAX_HOSTED_POINTS),
  events: z.array(HostedEventLine).max(MAX_HOSTED_EVENTS),
});

export const HOSTED_LOG_STREAMS = ['output', 'stdout', 'stderr'] as const;

/** One kept log file of a hosted service (`output.log`, `output.1.log`, ...; higher number = older). */
export const HostedLogFile = z.strictObject({
  file: z.string().max(64).regex(/^(output|stdout|stderr)(\.\d{1,3})?\.log$/),
  bytes: z.number().int().nonnegative(),
  modifiedAt: z.number().nonnegative(),
});

/** The newest bytes of each current log file (the start cut at a line break). */
export const HostedLogTail = z.strictObject({
  name: ServiceName,
  logFolder: z.string().max(32_768),
  files: z.array(HostedLogFile).max(256),
  tails: z.array(z.strictObject({ stream: z.enum(HOSTED_LOG_STREAMS), text: z.string().max(HOSTED_LOG_TAIL_MAX_BYTES), truncated: z.boolean() })).max(3),
});

/** Lines appended to a current log file since the last push, while the renderer watches the service. */
export const HostedLogAppended = z.strictObject({
  name: ServiceName,
  stream: z.enum(HOSTED_LOG_STREAMS),
  text: z.string().max(HOSTED_LOG_TAIL_MAX_BYTES),
  /** Bytes skipped because more arrived between two pushes than one push carries (or the file rotated). */
  skippedBytes: z.number().int().nonnegative(),
});

export const HostedLogMatches = z.strictObject({
  matches: z.array(z.strictObject({ file: HostedLogFile.shape.file, line: z.number().int().positive(), text: z.string().max(4096) })).max(HOSTED_LOG_SEARCH_MAX_MATCHES),
  /** More lines matched than are listed. */
  truncated: z.boolean(),
  filesSearched: z.number().int().nonnegative(),
});

export const hostedChannelSchemas = {
  /** The edit form's starting point: the SCM's configuration plus `Parameters`; never a password. */
  'services:getHostedDefinition': { request: z.strictObject({ name: ServiceName }), response: HostedDefinitionRead },
  /** What install or edit would run: sc.exe lines, one reg line per value, the changes, problems per field, the schedule. */
  'services:planHosted': { request: HostedChangeRequest, response: HostedPlan },
  /** Confirmed in a main-process dialog showing the whole plan; audited. */
  'services:installHosted': { request: z.strictObject({ definition: HostedDefinition }), response: z.strictObject({ name: ServiceName }) },
  /** Only what differs; confirmed and audited like an install. */
  'services:editHosted': {
    request: z.strictObject({ name: ServiceName, definition: HostedDefinition }),
    response: z.strictObject({ changed: z.array(z.string().max(64)).max(128) }),
  },
  /** Connects to the service's host pipe and pushes `services:hostedStatus` (and `services:hostedLog`) until unwatched; idempotent, at most 16 services. */
  'services:watchHosted': { request: z.strictObject({ name: ServiceName }), response: z.strictObject({}) },
  'services:unwatchHosted': { request: z.strictObject({ name: ServiceName }), response: z.strictObject({}) },
  /** The charts' points and the host's events main kept for the service (the last 4 whose details were opened). */
  'services:hostedHistory': { request: z.strictObject({ name: ServiceName }), response: HostedHistory },
  /** The newest bytes of the current log file(s); the main process decides the folder from the name. */
  'services:getHostedLog': {
    request: z.strictObject({ name: ServiceName, maxBytes: z.number().int().min(1024).max(HOSTED_LOG_TAIL_MAX_BYTES) }),
    response: HostedLogTail,
  },
  /** Lines containing the text (case-insensitive) in every kept log file, newest file first. */
  'services:searchHostedLog': {
    request: z.strictObject({ name: ServiceName, text: z.string().min(1).max(256).regex(PLAIN_TEXT, PLAIN), maxMatches: z.number().int().min(1).max(HOSTED_LOG_SEARCH_MAX_MATCHES) }),
    response: HostedLogMatches,
  },
  /** Asks the host to restart the program now (not counted as a crash); confirmed by the main process, audited. */
  'services:restartProgram': { request: z.strictObject({ name: ServiceName }), response: z.strictObject({}) },
  /** Opens `<ProgramData>\Admin Console\services\NAME` in Explorer; the path is decided by the main process. */
  'services:openLogFolder': { request: z.strictObject({ name: ServiceName }), response: z.strictObject({ path: z.string().max(32_768) }) },
} as const;

export const hostedEventSchemas = {
  'services:hostedStatus': HostedStatusChanged,
  'services:hostedLog': HostedLogAppended,
} as const;

export type HostedAccountValue = z.output<typeof HostedAccount>;
export type HostedProbeValue = z.output<typeof HostedProbe>;
export type HostedDefinitionValue = z.output<typeof HostedDefinition>;
export type HostedDefinitionReadValue = z.output<typeof HostedDefinitionRead>;
export type HostedChangeRequestValue = z.output<typeof HostedChangeRequest>;
export type HostedPlanValue = z.output<typeof HostedPlan>;
export type RestartScheduleValue = z.output<typeof RestartSchedule>;
export type HostedStatusValue = z.output<typeof HostedStatus>;
export type HostedStatusChangedValue = z.output<typeof HostedStatusChanged>;
export type HostedLogTailValue = z.output<typeof HostedLogTail>;
export type HostedLogAppendedValue = z.output<typeof HostedLogAppended>;
export type HostedLogMatchesValue = z.output<typeof HostedLogMatches>;
export type HostedLogFileValue = z.output<typeof HostedLogFile>;
export type HostedChartPointValue = z.output<typeof HostedChartPoint>;
export type HostedHistoryValue = z.output<typeof HostedHistory>;
export type HostedEventLineValue = z.output<typeof HostedEventLine>;
