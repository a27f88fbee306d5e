/**
 * Job objects for unit tests only: jobs and their processes held in memory, limits stored as given (or
 * refused per class), piped processes whose output the test scripts.
 */
import { AppError } from '../app-error';
import type { JobAccounting, JobLimits, JobMessage, JobObject, JobSystem, LaunchOptions, LaunchedInJob, PipedProcess } from './job-system';

export interface FakeJob extends JobObject {
  closed: boolean;
  limits: JobLimits | null;
  pids: number[];
  terminatedWith: number | null;
  listener: ((m: JobMessage) => void) | null;
}

/** A piped process the test drives: push output, end the pipes, set the exit code. */
export class FakePiped implements PipedProcess {
  readonly stdout: Buffer[] = [];
  readonly stderr: Buffer[] = [];
  stdoutOpen = true;
  stderrOpen = true;
  code: number | null = null;
  closed = false;

  constructor(
    readonly pid: number,
    readonly createTime: bigint,
    readonly job: JobObject,
  ) {}

  readStdout(): Buffer | null {
    return this.take(this.stdout, this.stdoutOpen);
  }

  readStderr(): Buffer | null {
    return this.take(this.stderr, this.stderrOpen);
  }

  private take(queue: Buffer[], open: boolean): Buffer | null {
    if (queue.length) return queue.shift()!;
    return open ? Buffer.alloc(0) : null;
  }

  exitCode(): number | null {
    return this.code;
  }

  close(): void {
    this.closed = true;
  }

  /** The process and every writer of its pipes ended with `code`. */
  exit(code: number): void {
    this.code = code;
    this.stdoutOpen = false;
    this.stderrOpen = false;
  }
}

const emptyAccounting = (pids: number): JobAccounting => ({
  activeProcesses: pids,
  totalProcesses: pids,
  terminatedProcesses: 0,
  userTimeMs: 0,
  kernelTimeMs: 0,
  pageFaults: 0,
  readOperations: 0,
  writeOperations: 0,
  otherOperations: 0,
  readBytes: 0,
  writeBytes: 0,
  otherBytes: 0,
  ioUnreadable: null,
  peakProcessMemoryBytes: 0,
  peakJobMemoryBytes: 0,
});

export class FakeJobSystem implements JobSystem {
  readonly jobs = new Map<string, FakeJob>();
  readonly launched: { job: string; options: LaunchOptions }[] = [];
  readonly piped: FakePiped[] = [];
  /** Limits the fake refuses to hold (as Wine refuses CPU rate with 87). */
  refuseCpuRate = false;
  /** What a limit read-back reports instead of what was set (Wine: everything zero). */
  readsBackNothing = false;
  /** With readsBackNothing: the flags read back unset too, as Wine 8 reads every limit back. */
  dropsFlagsOnReadBack = false;
  private nextPid = 5000;

  create(requested: string | null): JobObject {
    const name = requested ?? '(unnamed)';
    const existing = requested === null ? undefined : this.jobs.get(name.toLowerCase());
    if (existing && !existing.closed) throw new AppError('CONFLICT', `CreateJobObjectW(${name}): a job of that name exists (183)`, 183);
    const job: FakeJob = {
      name,
      closed: false,
      limits: null,
      pids: [],
      terminatedWith: null,
      listener: null,
      close() {
        if (this.closed) return;
        this.closed = true;
        if (this.limits?.killOnJobClose) this.pids = [];
      },
    };
    this.jobs.set(requested === null ? `(unnamed ${this.jobs.size})` : name.toLowerCase(), job);
    return job;
  }

  open(name: string): JobObject {
    const job = this.jobs.get(name.toLowerCase());
    if (!job) throw new AppError('NOT_FOUND', `OpenJobObjectW(${name}) failed (2)`, 2);
    job.closed = false;
    return job;
  }

  private fake(job: JobObject): FakeJob {
    return job as FakeJob;
  }

  /** The options of each setLimits call, in order. */
  readonly setLimitsOptions: { preserveJobTime?: boolean }[] = [];

  setLimits(job: JobObject, limits: JobLimits, options: { preserveJobTime?: boolean } = {}): void {
    this.setLimitsOptions.push(options);
    this.fake(job).limits = { ...limits, cpuRate: this.refuseCpuRate ? null : limits.cpuRate };
    if (this.refuseCpuRate && limits.cpuRate) throw new AppError('WIN32', 'SetInformationJobObject[CPU rate] failed: The parameter is incorrect. (87)', 87);
  }

  readLimits(job: JobObject): { limits: JobLimits; unreadable: string[] } {
    const held = this.fake(job).limits;
    if (this.readsBackNothing || !held) {
      return {
        limits: { processMemoryBytes: null, jobMemoryBytes: null, activeProcesses: null, processUserTimeMs: null, jobUserTimeMs: null, cpuRate: null, affinity: null, priorityClass: null, schedulingClass: null, workingSet: null, killOnJobClose: !this.dropsFlagsOnReadBack && (held?.killOnJobClose ?? false), dieOnUnhandledException: false, breakawayOk: !this.dropsFlagsOnReadBack && (held?.breakawayOk ?? false), silentBreakawayOk: !this.dropsFlagsOnReadBack && (held?.silentBreakawayOk ?? false), uiRestrictions: [] },
        unreadable: [],
      };
    }
    return { limits: structuredClone(held), unreadable: [] };
  }

  /** User CPU time the accounting reports, per job name (lower case). */
  readonly userTimeMs = new Map<string, number>();

  /** Figures every job's accounting answers with (e.g. what Wine 8 leaves empty), over the defaults. */
  accountingAnswer: Partial<JobAccounting> = {};

  accounting(job: JobObject): JobAccounting {
    return { ...emptyAccounting(this.fake(job).pids.length), userTimeMs: this.userTimeMs.get(job.name.toLowerCase()) ?? 0, ...this.accountingAnswer };
  }

  memberPids(job: JobObject): number[] {
    return [...this.fake(job).pids];
  }

  assign(job: JobObject, pid: number): void {
    this.fake(job).pids.push(pid);
  }

  launch(job: JobObject, options: LaunchOptions): LaunchedInJob {
    const pid = this.nextPid++;
    this.fake(job).pids.push(pid);
    this.launched.push({ job: job.name, options });
    this.fake(job).listener?.({ kind: 'newProcess', code: 6, pid });
    return { pid, createTime: 133_000_000_000_000_000n + BigInt(pid) };
  }

  launchPiped(job: JobObject, options: LaunchOptions): PipedProcess {
    const launched = this.launch(job, options);
    const piped = new FakePiped(launched.pid, launched.createTime, job);
    this.piped.push(piped);
    return piped;
  }

  terminate(job: JobObject, exitCode: number): void {
    const fake = this.fake(job);
    fake.terminatedWith = exitCode;
    fake.pids = [];
    for (const p of this.piped) if (p.job === job && p.code === null) p.exit(exitCode);
  }

  watch(job: JobObject, listener: (message: JobMessage) => void): void {
    this.fake(job).listener = listener;
  }

  async stopWatching(): Promise<void> {}
}
