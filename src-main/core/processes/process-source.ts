import type { AppError } from '../app-error';

/**
 * What the core needs from Windows to show and act on processes. The Win32 layer implements these
 * (src-main/win32/processes/); unit tests pass doubles.
 */

/** One process as one NtQuerySystemInformation(SystemProcessInformation) call reports it. */
export interface RawProcess {
  pid: number;
  parentPid: number;
  /** UniqueProcessId's image name ("System Idle Process" for PID 0 where the kernel gives none). */
  name: string;
  /** FILETIME, 100-ns units since 1601 (0 for Idle and System). With the PID it names one process. */
  createTime: bigint;
  sessionId: number;
  basePriority: number;
  threadCount: number;
  /** Threads waiting with reason Suspended (ThreadState 5 / WaitReason 5 in SYSTEM_THREAD_INFORMATION). */
  suspendedThreads: number;
  /** Some thread's ThreadState or WaitReason is nonzero: the system fills them in (Wine 8 does not). */
  threadStateSeen: boolean;
  handleCount: number;
  workingSetBytes: number;
  privateBytes: number;
  pagefileBytes: number;
  /** Cumulative CPU in 100-ns units. */
  userTime: bigint;
  kernelTime: bigint;
  ioReadBytes: number;
  ioWriteBytes: number;
  ioOtherBytes: number;
  /**
   * From the Windows 10 RS3+ extension after each entry's thread array (absent on older Windows and under
   * Wine): bytes read from and written to disk, and the id of the job the process is in (0 = none).
   */
  extension?: { diskReadBytes: number; diskWriteBytes: number; jobObjectId: number };
}

/** Read once per process lifetime; a field is null when it could not be read, and `error` says why. */
export interface ProcessDetails {
  imagePath: string | null;
  commandLine: string | null;
  /** DOMAIN\user of the process token. */
  user: string | null;
  inJob: boolean | null;
  /** The kernel marks the process critical (ProcessBreakOnTermination): ending it stops Windows. */
  breakOnTermination: boolean | null;
  error: string | null;
  /**
   * The process is still starting (its parameters are not written yet): read again on a later tick rather
   * than caching a half-read process.
   */
  incomplete: boolean;
}

export interface ModuleInfo {
  name: string;
  path: string;
  baseAddress: bigint;
  sizeBytes: number;
}

export interface ProcessSource {
  /** Every process, from exactly one NtQuerySystemInformation call (buffer size reused between calls). */
  snapshot(): RawProcess[];
  /** Image path, command line, user and job membership of one process. Never throws. */
  details(pid: number, createTime: bigint): ProcessDetails;
  /** Loaded modules of one process; throws AppError (CONFLICT when (pid, createTime) no longer match). */
  modules(pid: number, createTime: bigint): ModuleInfo[];
  /** The priority class of each target, in order (GetPriorityClass, on demand); never throws for a single target. */
  priorityClasses(targets: readonly ProcessTarget[]): PriorityReading[];
  /** Hung visible top-level windows per process (one EnumWindows per tick); never throws for a failed listing. */
  hungWindows(): WindowReading;
}

/**
 * Which processes have hung windows: PID -> count of its visible, unowned top-level windows that are hung
 * (absent: none, or no such window); or why it could not be told (the listing failed, with its code).
 */
export type WindowReading = { ok: true; hungWindows: ReadonlyMap<number, number> } | { ok: false; reason: string };

/** One target's priority class, or the AppError that kept it from being read. */
export type PriorityReading = { ok: true; priorityClass: PriorityClass } | { ok: false; error: AppError };

/** SetPriorityClass values by name. */
export type PriorityClass = 'idle' | 'belowNormal' | 'normal' | 'aboveNormal' | 'high' | 'realtime';

export type ProcessAction =
  | { kind: 'terminate'; exitCode: number }
  | { kind: 'suspend' }
  | { kind: 'resume' }
  | { kind: 'setPriority'; priorityClass: PriorityClass }
  | { kind: 'setAffinity'; mask: bigint };

export interface ProcessTarget {
  pid: number;
  createTime: bigint;
}

/** Outcome per target, in the order given: ok, or the AppError that stopped it. */
export type ActionOutcome = { ok: true } | { ok: false; error: AppError };

export interface ProcessControl {
  /**
   * Acts on each target in the given order. Each target is opened with just the access the action needs and
   * verified while its handle is open (a handle pins the process, so a verified PID cannot be reused under
   * us): a PID that is gone gives NOT_FOUND, a PID now naming another process (creation time differs) gives
   * CONFLICT, access denied gives ACCESS_DENIED naming the process. Never throws for a single target.
   */
  act(targets: readonly ProcessTarget[], action: ProcessAction): ActionOutcome[];
}
