/**
 * What the core needs from Windows for job objects and contained commands. The Win32 layer implements it
 * (src-main/win32/jobs/); unit tests pass doubles. Limits are in the admin's words and units (bytes, ms,
 * percent); the Win32 layer maps them to and from the JOBOBJECT_* structs.
 *
 * Errors: methods throw AppError (a Win32Error with GetLastError and its FormatMessage text): 2 / 1060-like
 * "no such job" on OpenJobObjectW -> NOT_FOUND, 5 -> ACCESS_DENIED, else WIN32 with win32Code kept.
 */
import type { PriorityClass } from '../processes/process-source';

/** JOB_OBJECT_UILIMIT_* by name. */
export type UiRestriction = 'handles' | 'readClipboard' | 'writeClipboard' | 'systemParameters' | 'displaySettings' | 'globalAtoms' | 'desktop' | 'exitWindows';

/** JOBOBJECT_CPU_RATE_CONTROL_INFORMATION (Windows 8+). */
export type CpuRate = { kind: 'hardCap'; percent: number } | { kind: 'weight'; weight: number } | { kind: 'minMax'; minPercent: number; maxPercent: number };

/** Every limit the editor offers; null / false / [] = not set. */
export interface JobLimits {
  /** JOB_OBJECT_LIMIT_PROCESS_MEMORY: committed bytes per process. */
  processMemoryBytes: number | null;
  /** JOB_OBJECT_LIMIT_JOB_MEMORY: committed bytes of all processes together. */
  jobMemoryBytes: number | null;
  /** JOB_OBJECT_LIMIT_ACTIVE_PROCESS. */
  activeProcesses: number | null;
  /** JOB_OBJECT_LIMIT_PROCESS_TIME: user-mode CPU time per process. */
  processUserTimeMs: number | null;
  /** JOB_OBJECT_LIMIT_JOB_TIME: user-mode CPU time of the whole job. */
  jobUserTimeMs: number | null;
  cpuRate: CpuRate | null;
  /** JOB_OBJECT_LIMIT_AFFINITY: logical processors 0-63. */
  affinity: number[] | null;
  /** JOB_OBJECT_LIMIT_PRIORITY_CLASS. */
  priorityClass: PriorityClass | null;
  /** JOB_OBJECT_LIMIT_SCHEDULING_CLASS, 0-9. */
  schedulingClass: number | null;
  /** JOB_OBJECT_LIMIT_WORKINGSET. */
  workingSet: { minBytes: number; maxBytes: number } | null;
  killOnJobClose: boolean;
  dieOnUnhandledException: boolean;
  breakawayOk: boolean;
  silentBreakawayOk: boolean;
  uiRestrictions: UiRestriction[];
}

/**
 * JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION + the peaks of JOBOBJECT_EXTENDED_LIMIT_INFORMATION, as
 * Windows answered them. The I/O figures are null when that class could not be read (`ioUnreadable` says
 * why); whether a 0 elsewhere is real is the core's call (accounting-unreported.ts).
 */
export interface JobAccounting {
  activeProcesses: number;
  totalProcesses: number;
  terminatedProcesses: number;
  userTimeMs: number;
  kernelTimeMs: number;
  pageFaults: number;
  readOperations: number | null;
  writeOperations: number | null;
  otherOperations: number | null;
  readBytes: number | null;
  writeBytes: number | null;
  otherBytes: number | null;
  /** Why the I/O figures are null: JobObjectBasicAndIoAccountingInformation failed (Wine 8: error 1). */
  ioUnreadable: { win32Code: number; message: string } | null;
  peakProcessMemoryBytes: number;
  peakJobMemoryBytes: number;
}

/** One completion-port message (JOB_OBJECT_MSG_*), in our words; pid where the message names a process. */
export interface JobMessage {
  kind:
    | 'newProcess'
    | 'exitProcess'
    | 'abnormalExitProcess'
    | 'activeProcessZero'
    | 'activeProcessLimit'
    | 'processMemoryLimit'
    | 'jobMemoryLimit'
    | 'endOfJobTime'
    | 'endOfProcessTime'
    | 'notificationLimit'
    | 'other';
  /** The raw JOB_OBJECT_MSG_* value. */
  code: number;
  pid: number | null;
}

/** An open job object: the console's handle to it. close() is idempotent. */
export interface JobObject {
  readonly name: string;
  close(): void;
}

/** What a launch into a job hands back. */
export interface LaunchedInJob {
  pid: number;
  /** FILETIME of the process's creation (with the PID it names this process). */
  createTime: bigint;
}

/** A command started in a job with its output on pipes the console owns. */
export interface PipedProcess extends LaunchedInJob {
  /**
   * Bytes available now on stdout / stderr, read without blocking (PeekNamedPipe then ReadFile), or null once
   * that pipe is closed (every writer, grandchildren included, has gone) and drained.
   */
  readStdout(): Buffer | null;
  readStderr(): Buffer | null;
  /** The exit code once the process has ended, else null (GetExitCodeProcess; STILL_ACTIVE is null). */
  exitCode(): number | null;
  /** Closes the process handle and the pipe ends; idempotent. */
  close(): void;
}

export interface LaunchOptions {
  /**
   * The program's absolute path, as lpApplicationName: CreateProcessW then runs exactly this file and searches
   * nothing (the core resolves and confirms it first). Absent: CreateProcessW finds the program itself.
   */
  application?: string | null;
  /** The full command line, program first (quoted by the caller if it has spaces). */
  commandLine: string;
  workingDirectory: string | null;
  /** Added to (or replacing, same name case-insensitively) the console's own environment. */
  environment: { name: string; value: string }[];
}

export interface JobSystem {
  /**
   * CreateJobObjectW with this name (in the session namespace); CONFLICT when a job of that name exists.
   * null: an unnamed job no one else can open (the Run dialog's).
   */
  create(name: string | null): JobObject;
  /** OpenJobObjectW with query, set, terminate and assign access; NOT_FOUND when no such job exists. */
  open(name: string): JobObject;
  /**
   * SetInformationJobObject, one call per information class that the limits need (basic/extended, CPU rate, UI).
   * `preserveJobTime`: the job time limit is the one already set (JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME), so
   * re-applying other limits does not restart the job's CPU-time budget.
   */
  setLimits(job: JobObject, limits: JobLimits, options?: { preserveJobTime?: boolean }): void;
  /** QueryInformationJobObject per class; parts that cannot be read are listed and left at "not set". */
  readLimits(job: JobObject): { limits: JobLimits; unreadable: string[] };
  accounting(job: JobObject): JobAccounting;
  /** JobObjectBasicProcessIdList: the PIDs in the job now. */
  memberPids(job: JobObject): number[];
  /** Opens the exact process (PID + creation time, verified while open) and assigns it; 5 = already in a job that cannot nest. */
  assign(job: JobObject, pid: number, createTime: bigint): void;
  /** CreateProcessW suspended -> AssignProcessToJobObject -> ResumeThread: not one instruction runs outside the job. */
  launch(job: JobObject, options: LaunchOptions): LaunchedInJob;
  /** The same, with stdin empty and stdout / stderr on pipes only the child inherits (PROC_THREAD_ATTRIBUTE_HANDLE_LIST). */
  launchPiped(job: JobObject, options: LaunchOptions): PipedProcess;
  terminate(job: JobObject, exitCode: number): void;
  /**
   * Associates the job with the console's one completion port (JOBOBJECT_ASSOCIATE_COMPLETION_PORT) and
   * delivers its messages to `listener` on the JS thread. The port is waited on with
   * GetQueuedCompletionStatus through koffi's async mode, so the main thread never blocks.
   */
  watch(job: JobObject, listener: (message: JobMessage) => void): void;
  /** Stops the port's waiter (at shutdown). */
  stopWatching(): Promise<void>;
}
