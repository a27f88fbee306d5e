/**
 * What the core needs from the Service Control Manager. The Win32 layer implements it
 * (src-main/win32/services/); unit tests pass doubles. Values are in the admin's words ('automatic',
 * 'startPending'); the Win32 layer maps them to and from the SERVICE_* constants.
 *
 * Errors: every method throws AppError (a Win32Error carrying GetLastError and its FormatMessage text),
 * with these codes for the SCM's usual answers so the core can word them:
 *   1060 ERROR_SERVICE_DOES_NOT_EXIST -> NOT_FOUND; 5 -> ACCESS_DENIED; everything else -> WIN32
 *   (1056 already running, 1062 not active, 1052 control not valid, 1058 disabled, 1072 marked for delete,
 *   1073 exists, 1061 cannot accept control now, 1053 did not respond, 1059 circular dependency,
 *   1078 display name taken, 1057 account name invalid, 1069 logon failure) keep their win32Code.
 */

export type ServiceState = 'stopped' | 'startPending' | 'stopPending' | 'running' | 'continuePending' | 'pausePending' | 'paused';

/** SERVICE_*_START. Boot and system start apply to drivers only. */
export type StartType = 'boot' | 'system' | 'automatic' | 'manual' | 'disabled';

/** SERVICE_ERROR_*: what Windows does at boot when the service fails to start. */
export type ErrorControl = 'ignore' | 'normal' | 'severe' | 'critical';

/** The service type's main kind (SERVICE_KERNEL_DRIVER, ..., SERVICE_USER_OWN_PROCESS); typeBits keeps the raw value. */
export type ServiceKind = 'kernelDriver' | 'fileSystemDriver' | 'ownProcess' | 'shareProcess' | 'userOwnProcess' | 'userShareProcess' | 'other';

/** One service as EnumServicesStatusExW(SC_ENUM_PROCESS_INFO) or QueryServiceStatusEx reports it. */
export interface ServiceStatus {
  name: string;
  /** Empty from QueryServiceStatusEx (it does not report it); EnumServicesStatusExW does. */
  displayName: string;
  kind: ServiceKind;
  typeBits: number;
  state: ServiceState;
  /** SERVICE_ACCEPT_* bits, raw. */
  controlsAccepted: number;
  win32ExitCode: number;
  serviceSpecificExitCode: number;
  checkPoint: number;
  /** Milliseconds the service promises before its next checkpoint or state change. */
  waitHint: number;
  /** 0 when the service is not running. */
  pid: number;
  /** SERVICE_RUNS_IN_SYSTEM_PROCESS. */
  runsInSystemProcess: boolean;
}

/** One recovery action of SERVICE_FAILURE_ACTIONSW (SC_ACTION). */
export interface RecoveryAction {
  type: 'none' | 'restart' | 'runCommand' | 'reboot';
  delayMs: number;
}

/** SERVICE_FAILURE_ACTIONSW, in our words. */
export interface RecoveryPolicy {
  /** Seconds without failure after which the failure count resets; null = INFINITE (never). */
  resetPeriodSeconds: number | null;
  rebootMessage: string;
  /** The program run by a runCommand action. */
  command: string;
  /** First failure, second failure, ...; the last repeats for every later failure. */
  actions: RecoveryAction[];
}

/** What QueryServiceConfigW and QueryServiceConfig2W report; read on first sight and after changes only. */
export interface ServiceConfig {
  kind: ServiceKind;
  typeBits: number;
  startType: StartType;
  errorControl: ErrorControl;
  /** The command line the SCM runs, exactly as stored (lpBinaryPathName). */
  binaryPath: string;
  loadOrderGroup: string;
  /** Services this one needs started first; load-order groups are prefixed with '+' (SC_GROUP_IDENTIFIER). */
  dependencies: string[];
  /**
   * The same list as the SCM stored it in the service's registry key (DependOnService, then DependOnGroup with
   * '+'); null when the key could not be read. Compared with `dependencies` because Wine 8 reads them back
   * empty (see not-reported.ts).
   */
  registryDependencies: string[] | null;
  /** lpServiceStartName: LocalSystem, NT AUTHORITY\LocalService, .\user, ... */
  account: string;
  displayName: string;
  /** SERVICE_CONFIG_DESCRIPTION; null when it could not be read (see `unreadable`). */
  description: string | null;
  /** SERVICE_CONFIG_DELAYED_AUTO_START_INFO. */
  delayedAutoStart: boolean | null;
  /** SERVICE_CONFIG_TRIGGER_INFO has at least one trigger. */
  triggered: boolean | null;
  /** SERVICE_CONFIG_FAILURE_ACTIONS (Wine cannot read these back: error 124). */
  recovery: RecoveryPolicy | null;
  /** SERVICE_CONFIG_FAILURE_ACTIONS_FLAG: apply recovery also when the service stops itself with an error. */
  recoveryOnNonCrashFailures: boolean | null;
  /** One line per part that could not be read, e.g. "recovery: (124) The system call level is not correct." */
  unreadable: string[];
}

/** A service account: null name = LocalSystem. The password goes to the SCM only; never logged or stored. */
export interface ServiceLogon {
  account: string | null;
  password: string | null;
}

/** CreateServiceW's arguments (SERVICE_WIN32_OWN_PROCESS), then ChangeServiceConfig2W for the rest. */
export interface NewService extends ServiceLogon {
  name: string;
  displayName: string;
  /** The full command line, already quoted (see binary-path.ts). */
  binaryPath: string;
  startType: 'automatic' | 'manual' | 'disabled';
  errorControl: ErrorControl;
  dependencies: string[];
}

/**
 * What to change; absent = SERVICE_NO_CHANGE. ChangeServiceConfigW takes the first group in one call,
 * ChangeServiceConfig2W one call per info level given.
 */
export interface ServiceConfigChange {
  displayName?: string;
  binaryPath?: string;
  startType?: 'automatic' | 'manual' | 'disabled';
  errorControl?: ErrorControl;
  /**
   * Account and password change together (the password alone may change when account is the same name);
   * a user account with password null keeps the stored password.
   */
  logon?: ServiceLogon;
  dependencies?: string[];
  description?: string;
  delayedAutoStart?: boolean;
  recovery?: RecoveryPolicy;
  recoveryOnNonCrashFailures?: boolean;
  /**
   * SERVICE_CONFIG_PRESHUTDOWN_INFO: how long Windows waits at shutdown for a service that accepts
   * SERVICE_CONTROL_PRESHUTDOWN (a hosted service: its stop budget plus a margin).
   */
  preshutdownTimeoutMs?: number;
}

export type ServiceControl = 'stop' | 'pause' | 'continue' | 'interrogate';

export interface ServiceManager {
  /** Every Win32 service and driver with its status: one EnumServicesStatusExW call (a second only if the list grew). */
  enumerate(): ServiceStatus[];
  /** QueryServiceStatusEx on one service; `name` in the result is the name as given. */
  status(name: string): ServiceStatus;
  /** QueryServiceConfigW + QueryServiceConfig2W; parts that fail are null and listed in `unreadable`. */
  config(name: string): ServiceConfig;
  /** StartServiceW with arguments (argv[1..] of the service's ServiceMain). Returns at once; the state is then startPending. */
  start(name: string, args: readonly string[]): void;
  /**
   * ControlService; returns the status queried right after it on the same handle (ControlService's own
   * SERVICE_STATUS has no PID).
   */
  control(name: string, control: ServiceControl): ServiceStatus;
  /**
   * EnumDependentServicesW(SERVICE_ACTIVE): services that are not stopped and depend on `name`, directly or
   * through others or a load-order group, in the order to stop them. (Wine answers none.)
   */
  runningDependents(name: string): string[];
  /** CreateServiceW, then nothing else: the core applies description, delayed start and recovery with change(). */
  create(service: NewService): void;
  change(name: string, change: ServiceConfigChange): void;
  /** DeleteService. The service goes once every handle to it is closed (and it has stopped). */
  remove(name: string): void;
  /** Win32 calls made so far (for the bench: calls per poll). */
  callCount(): number;
}
