/**
 * The Services part of the contract (see schemas.ts for the rules every schema follows). A service is
 * named by its service name (the SCM's key, case-insensitive); rows change rarely, so a change pushes the
 * whole row again.
 */
import { z } from 'zod';

export const SERVICE_STATES = ['stopped', 'startPending', 'stopPending', 'running', 'continuePending', 'pausePending', 'paused'] as const;
export const SERVICE_START_TYPES = ['boot', 'system', 'automatic', 'manual', 'disabled'] as const;
/** What the install and edit forms offer: drivers' boot/system start are shown, never set here. */
export const STARTUP_CHOICES = ['automatic', 'automaticDelayed', 'manual', 'disabled'] as const;
export const ERROR_CONTROLS = ['ignore', 'normal', 'severe', 'critical'] as const;
export const SERVICE_KINDS = ['kernelDriver', 'fileSystemDriver', 'ownProcess', 'shareProcess', 'userOwnProcess', 'userShareProcess', 'other'] as const;
export const RECOVERY_ACTION_TYPES = ['none', 'restart', 'runCommand', 'reboot'] as const;
export const SERVICE_CONTROL_VERBS = ['start', 'stop', 'pause', 'continue', 'restart'] as const;
export const TIMELINE_KINDS = [
  'installed',
  'deleted',
  'started',
  'stopped',
  'crashed',
  'restarted',
  'paused',
  'continued',
  'configChanged',
  'admin',
] as const;

/** The SCM allows 256 characters; '/' and '\\' are not allowed in a name, control characters never make sense. */
export const MAX_SERVICE_NAME = 256;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f]*$/;

/**
 * Text typed into the install and edit forms: also no bidi or line-separator characters, so what the
 * main process's confirmation shows is exactly what the SCM will store.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN_TEXT = /^[^\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]*$/;
/** Free text (description, reboot message): line breaks allowed, bidi controls not. */
const NO_BIDI = /^[^\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;

/**
 * The longest program path or single argument a request may carry: what a confirmation can show whole, with
 * room for the rest of the prompt (the main process also refuses any prompt too long to show; nothing is cut).
 */
export const SHOWN_VALUE_MAX = 2048;

/** A name of an existing service, as given to start/stop/edit (the install form validates new names further). */
export const ServiceName = z.string().min(1).max(MAX_SERVICE_NAME).regex(NO_CONTROL_CHARS, 'no control characters');
/**
 * A name as the SCM reports it: CreateServiceW refuses only '/' and '\\', so a listed name may hold any other
 * character; the console shows it (dialogs strip what could mislead) rather than dropping the whole table.
 */
export const ScmName = z.string().min(1).max(MAX_SERVICE_NAME);

const Millis = z.number().int().nonnegative();
const ExitCode = z.number().int().nonnegative().max(0xffff_ffff);

export const RecoveryActionRow = z.strictObject({
  type: z.enum(RECOVERY_ACTION_TYPES),
  delayMs: Millis,
});

export const RecoveryPolicyValue = z.strictObject({
  /** null = never reset the failure count. */
  resetPeriodSeconds: z.number().int().nonnegative().nullable(),
  rebootMessage: z.string().max(32_768),
  command: z.string().max(32_768),
  actions: z.array(RecoveryActionRow).max(64),
});

/** One row of the Services table: status every poll, configuration read on first sight and after changes. */
export const ServiceRow = z.strictObject({
  name: ScmName,
  displayName: z.string().max(MAX_SERVICE_NAME),
  kind: z.enum(SERVICE_KINDS),
  typeBits: z.number().int().nonnegative(),
  state: z.enum(SERVICE_STATES),
  canStop: z.boolean(),
  canPauseContinue: z.boolean(),
  /** The process hosting the service while it runs (links to the Processes table); null when stopped. */
  pid: z.number().int().positive().max(0xffff_ffff).nullable(),
  win32ExitCode: ExitCode,
  serviceSpecificExitCode: ExitCode,
  checkPoint: z.number().int().nonnegative(),
  waitHint: Millis,
  /** Configuration; null until read (or when it could not be read: see configError). */
  startType: z.enum(SERVICE_START_TYPES).nullable(),
  delayedAutoStart: z.boolean().nullable(),
  triggered: z.boolean().nullable(),
  errorControl: z.enum(ERROR_CONTROLS).nullable(),
  account: z.string().max(1024).nullable(),
  binaryPath: z.string().max(32_768).nullable(),
  description: z.string().max(32_768).nullable(),
  loadOrderGroup: z.string().max(1024).nullable(),
  /** null when not known: not read yet, or not reported (see notReported) - never an empty list for "unknown". */
  dependencies: z.array(z.string().max(MAX_SERVICE_NAME + 1)).max(1024).nullable(),
  /** Services whose dependencies name this one (from the configurations already read). */
  dependents: z.array(ScmName).max(4096),
  recovery: RecoveryPolicyValue.nullable(),
  recoveryOnNonCrashFailures: z.boolean().nullable(),
  /** Why the configuration (or a part of it not listed in notReported) could not be read, else null. */
  configError: z.string().max(4096).nullable(),
  /**
   * Parts of the configuration this system did not report, each null in the row, with the reason ("not readable
   * on this system (error 124)"): a platform limit shown muted on its field, never an error.
   */
  notReported: z
    .array(z.strictObject({ field: z.enum(['description', 'delayedAutoStart', 'triggered', 'recovery', 'recoveryOnNonCrashFailures', 'dependencies']), reason: z.string().max(1024) }))
    .max(6),
  /** CWE-428: the binary path has a space before its program ends and no quotes; `services:fixUnquotedPath` fixes it. */
  unquotedPath: z.boolean(),
  /**
   * Run by the console's service host (the binary path is our `service-host.exe --service NAME`): the details
   * show the host's live status and the program's log, and edit opens the "Run a program as a service" form.
   */
  hosted: z.boolean(),
});

export const TimelineEntry = z.strictObject({
  /** Increases by one per entry. */
  id: z.number().int().nonnegative(),
  time: z.number().nonnegative(),
  service: ScmName,
  kind: z.enum(TIMELINE_KINDS),
  /** One sentence, e.g. "Stopped with exit code 1066 (service-specific 3)". */
  text: z.string().max(4096),
  /** Done by an admin through this console (also written to the audit log), rather than observed. */
  byAdmin: z.boolean(),
  /** For admin entries: whether it succeeded. */
  ok: z.boolean().optional(),
});

export const ServiceSnapshot = z.strictObject({
  seq: z.number().int().nonnegative(),
  time: z.number().nonnegative(),
  pollIntervalMs: z.number().int().positive(),
  services: z.array(ServiceRow).max(20_000),
  /** Oldest first; the most recent entries only (bounded). */
  timeline: z.array(TimelineEntry).max(2000),
});

/** Pushed only when something changed since the previous poll. */
export const ServiceDelta = z.strictObject({
  seq: z.number().int().positive(),
  baseSeq: z.number().int().nonnegative(),
  time: z.number().nonnegative(),
  upserted: z.array(ServiceRow).max(20_000),
  removed: z.array(ScmName).max(20_000),
  timeline: z.array(TimelineEntry).max(2000),
});

/** Pushed while a control the admin asked for waits on a pending service (several times a second). */
export const ServiceProgress = z.strictObject({
  name: ScmName,
  verb: z.enum(SERVICE_CONTROL_VERBS),
  state: z.enum(SERVICE_STATES),
  checkPoint: z.number().int().nonnegative(),
  waitHint: Millis,
  /** Since the checkpoint last advanced (or the state changed); TIMEOUT once this passes the wait hint. */
  msSinceProgress: Millis,
  elapsedMs: Millis,
  finished: z.boolean(),
});

const Names = z.array(ServiceName).min(1).max(64);

export const ServiceAccount = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('localSystem') }),
  z.strictObject({ kind: z.literal('localService') }),
  z.strictObject({ kind: z.literal('networkService') }),
  z.strictObject({
    kind: z.literal('user'),
    /** DOMAIN\\user, .\\user or user@domain; a gMSA ends in $ and has no password. */
    name: z.string().min(1).max(512).regex(PLAIN_TEXT, 'no control, bidi or line-separator characters'),
    /** Passed straight to the SCM, never logged or stored; when editing, absent = keep the current password. */
    password: z.string().max(512).optional(),
  }),
]);

/** A service as the install and edit forms describe it. */
export const ServiceDefinition = z.strictObject({
  name: ServiceName.regex(PLAIN_TEXT, 'no bidi or line-separator characters'),
  displayName: z.string().min(1).max(MAX_SERVICE_NAME).regex(PLAIN_TEXT, 'no control, bidi or line-separator characters'),
  /** The program, unquoted: the console quotes it (and each argument) when it builds the command line. */
  program: z.string().min(1).max(SHOWN_VALUE_MAX).regex(PLAIN_TEXT, 'no control, bidi or line-separator characters'),
  arguments: z.array(z.string().max(SHOWN_VALUE_MAX).regex(PLAIN_TEXT, 'no control, bidi or line-separator characters')).max(64),
  startup: z.enum(STARTUP_CHOICES),
  errorControl: z.enum(ERROR_CONTROLS),
  account: ServiceAccount,
  dependencies: z.array(ServiceName).max(64),
  description: z.string().max(8192).regex(NO_BIDI, 'no bidi control characters'),
  recovery: z.strictObject({
    actions: z
      .array(z.strictObject({ type: z.enum(RECOVERY_ACTION_TYPES), delaySeconds: z.number().int().min(0).max(7 * 86_400) }))
      .max(16),
    /** null = never reset the failure count. */
    resetPeriodSeconds: z.number().int().min(0).max(365 * 86_400).nullable(),
    /** The program a runCommand action runs (a command line, as sc failure command= takes it). */
    command: z.string().max(8191).regex(PLAIN_TEXT, 'no control, bidi or line-separator characters'),
    rebootMessage: z.string().max(1024).regex(NO_BIDI, 'no bidi control characters'),
    /** "Enable actions for stops with errors" (SERVICE_CONFIG_FAILURE_ACTIONS_FLAG). */
    onNonCrashFailures: z.boolean(),
  }),
});

export const ServiceChangeRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('install'), definition: ServiceDefinition }),
  z.strictObject({ kind: z.literal('edit'), name: ServiceName, definition: ServiceDefinition }),
]);

/** What an install or edit would do, computed by the same code that applies it. */
export const ServicePlan = z.strictObject({
  /** The equivalent sc.exe command lines (passwords shown as ********). */
  commands: z.array(z.string().max(70_000)).max(16),
  /** For an edit: only what differs. For an install: every field. */
  changes: z
    .array(z.strictObject({ field: z.string().max(64), label: z.string().max(128), before: z.string().max(70_000), after: z.string().max(70_000) }))
    .max(64),
  /** Why it cannot be applied as it is; empty when it can. */
  problems: z.array(z.strictObject({ field: z.string().max(64), message: z.string().max(1024) })).max(64),
  /** The command line the SCM will run. */
  binaryPath: z.string().max(70_000),
});

export const ServiceActionResults = z.strictObject({
  results: z
    .array(
      z.strictObject({
        name: ScmName,
        ok: z.boolean(),
        /** The state the service ended in (or was last seen in). */
        state: z.enum(SERVICE_STATES).nullable(),
        error: z
          .strictObject({ code: z.string().max(32), message: z.string().max(4096), win32Code: z.number().int().optional() })
          .optional(),
      }),
    )
    // 64 services, each with its dependents stopped and started again.
    .max(4096),
});

export const serviceChannelSchemas = {
  'services:getSnapshot': { request: z.strictObject({}), response: ServiceSnapshot },
  'services:start': {
    /** With arguments, confirmed in a main-process dialog listing each one. */
    request: z.strictObject({ names: Names, arguments: z.array(z.string().max(SHOWN_VALUE_MAX).regex(PLAIN_TEXT, 'no control, bidi or line-separator characters')).max(32).optional() }),
    response: ServiceActionResults,
  },
  /** Running dependents are listed in a main-process dialog and stopped first when the admin agrees. */
  'services:stop': { request: z.strictObject({ names: Names }), response: ServiceActionResults },
  'services:pause': { request: z.strictObject({ names: Names }), response: ServiceActionResults },
  'services:continue': { request: z.strictObject({ names: Names }), response: ServiceActionResults },
  'services:restart': { request: z.strictObject({ names: Names }), response: ServiceActionResults },
  /** The edit form's starting point; the password is never returned. */
  'services:getDefinition': { request: z.strictObject({ name: ServiceName }), response: ServiceDefinition },
  'services:plan': { request: ServiceChangeRequest, response: ServicePlan },
  /** Confirmed in a main-process dialog showing the sc.exe equivalent. */
  'services:install': { request: z.strictObject({ definition: ServiceDefinition }), response: z.strictObject({ name: ServiceName }) },
  'services:edit': {
    request: z.strictObject({ name: ServiceName, definition: ServiceDefinition }),
    response: z.strictObject({ changed: z.array(z.string().max(64)).max(64) }),
  },
  /** Stops it first (with its dependents, after asking), confirms, deletes. */
  'services:uninstall': {
    request: z.strictObject({ name: ServiceName }),
    response: z.strictObject({ deleted: z.boolean(), markedForDelete: z.boolean() }),
  },
  /** CWE-428: quotes the program part of an unquoted binary path with spaces, after a main-process confirmation. */
  'services:fixUnquotedPath': {
    request: z.strictObject({ name: ServiceName }),
    response: z.strictObject({ before: z.string().max(70_000), after: z.string().max(70_000) }),
  },
} as const;

export const serviceEventSchemas = {
  'services:changed': ServiceDelta,
  'services:progress': ServiceProgress,
} as const;

export type ServiceRowValue = z.output<typeof ServiceRow>;
export type TimelineEntryValue = z.output<typeof TimelineEntry>;
export type ServiceSnapshotValue = z.output<typeof ServiceSnapshot>;
export type ServiceDeltaValue = z.output<typeof ServiceDelta>;
export type ServiceProgressValue = z.output<typeof ServiceProgress>;
export type ServiceDefinitionValue = z.output<typeof ServiceDefinition>;
export type ServiceAccountValue = z.output<typeof ServiceAccount>;
export type ServicePlanValue = z.output<typeof ServicePlan>;
export type ServiceChangeRequestValue = z.output<typeof ServiceChangeRequest>;
export type ServiceActionResultsValue = z.output<typeof ServiceActionResults>;
