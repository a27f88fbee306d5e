/**
 * The ranges and defaults of a hosted program's settings, exactly as native/service-host/CONTRACT.md gives
 * them for the registry values under `Services\NAME\Parameters`. No zod here: the renderer's form imports
 * these values, the contract's schemas and the main process's validation use the same ones, so the three can
 * never disagree with each other (and a unit test checks them against CONTRACT.md's table).
 */

/** One setting's inclusive range and its default (what the host uses when the value is absent). */
export interface HostedRange {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export const HOSTED_RANGES = {
  stopBudgetMs: { min: 1000, max: 600_000, default: 15_000 },
  restartBaseMs: { min: 100, max: 3_600_000, default: 1000 },
  restartFactorPercent: { min: 100, max: 1000, default: 200 },
  /** Also at least the base (a cross-field rule, checked by the main process). */
  restartCapMs: { min: 100, max: 3_600_000, default: 60_000 },
  restartJitterPercent: { min: 0, max: 100, default: 20 },
  restartMaxCount: { min: 0, max: 1000, default: 5 },
  restartWindowSec: { min: 1, max: 86_400, default: 600 },
  restartResetSec: { min: 1, max: 86_400, default: 300 },
  probePort: { min: 1, max: 65_535, default: 80 },
  probeHttpStatus: { min: 100, max: 599, default: 200 },
  probeHeartbeatMaxAgeSec: { min: 1, max: 86_400, default: 30 },
  readinessTimeoutSec: { min: 1, max: 3600, default: 60 },
  livenessIntervalSec: { min: 1, max: 3600, default: 10 },
  livenessFailuresToRestart: { min: 1, max: 100, default: 3 },
  probeTimeoutMs: { min: 100, max: 60_000, default: 2000 },
  logMaxFileBytes: { min: 65_536, max: 1_073_741_824, default: 10_485_760 },
  logMaxFiles: { min: 1, max: 100, default: 5 },
  jobCpuRatePercent: { min: 1, max: 100, default: 0 },
} as const satisfies Record<string, HostedRange>;

export type HostedRangeName = keyof typeof HOSTED_RANGES;

/** The registry schema version the console writes and the host accepts (`SchemaVersion`). */
export const HOSTED_SCHEMA_VERSION = 1;

/** The stop steps the host tries in order before TerminateJobObject, which always comes last. */
export const HOSTED_STOP_METHODS = ['ctrlC', 'ctrlBreak', 'closeWindows'] as const;

/** What a probe checks: a TCP connect to 127.0.0.1, an HTTP GET there, or a file's age. */
export const HOSTED_PROBE_KINDS = ['tcp', 'http', 'heartbeat'] as const;

/** The host's states, as its status pipe names them. */
export const HOSTED_STATES = ['starting', 'running', 'backoff', 'stopping', 'stopped', 'gave-up'] as const;

/** The kinds of the host's own events (its status `events` and its event-log entries). */
export const HOSTED_EVENT_KINDS = [
  'started',
  'exited',
  'restarting',
  'gave-up',
  'probe-failed',
  'limit-hit',
  'config-error',
  'start-failed',
  'stopping',
  'stopped',
  'log-dropped',
] as const;

/** The pipe every hosted service's host serves its status on. */
export function hostedPipePath(serviceName: string): string {
  return `\\\\.\\pipe\\admin-console-host-${serviceName}`;
}

/** The largest log tail one request returns, and the most search matches. */
export const HOSTED_LOG_TAIL_MAX_BYTES = 1024 * 1024;
export const HOSTED_LOG_SEARCH_MAX_MATCHES = 1000;

/**
 * The host's own service-specific exit codes (CONTRACT.md, "Lifecycle and exit codes"): bit 29 set (the
 * "customer" bit of Win32 error codes), so none collides with a Win32 code or, in practice, a program's.
 * Each says what happened and where the details are.
 */
export const HOST_EXIT_CODES: { readonly [code: number]: string } = {
  0x2000_0001: "the service's configuration is missing or unreadable - see the Application log (it names the value)",
  0x2000_0002: 'a configuration value is invalid - see the Application log (it names the value and why)',
  0x2000_0003: "the program could not be started - see the Application log (it has the Windows error) and the service's log",
  0x2000_0004: "the program's job object could not be created or configured - see the Application log",
  0x2000_0005: "the service's log folder could not be created - see the Application log",
  0x2000_0006: 'the service host was not started by the Service Control Manager, or its --service name does not match the service',
  0x2000_0007: "the host gave up restarting the program, whose last exit code was 0 - see the service's log",
  0x2000_0008: "the host's status pipe could not be created (another process holds its name) - see the Application log",
};

/**
 * A hosted service's service-specific exit code in words: "536870914 (0x20000002): a configuration value is
 * invalid - see …". Any other code is the program's own exit code, which the host passes on when it gave up
 * restarting the program or the code is one of those set to stop the service.
 */
export function hostedExitCodeText(code: number): string {
  const hex = `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
  const meaning =
    HOST_EXIT_CODES[code] ??
    "the program's own exit code: the host gave up restarting it (too many restarts in the window, or restarts are off), or the code is one set to stop the service - see the service's log";
  return `${code} (${hex}): ${meaning}`;
}
