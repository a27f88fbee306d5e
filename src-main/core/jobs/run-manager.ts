import { randomBytes } from 'node:crypto';
import type { RunOutputChunkValue, RunSummaryValue } from '../../../src-preload/contract/job-schemas';
import { AppError } from '../app-error';
import { outcomeOf, type Audit } from '../audit/audit-record';
import type { DesktopPort } from '../desktop/desktop-port';
import { argumentLines, promptValue } from '../dialog-text';
import type { EmitEvent } from '../events';
import type { JobLimits, JobObject, JobSystem, PipedProcess } from './job-system';
import type { JobTemplateStore } from './job-templates';
import { describeLimits, limitProblems, noLimits } from './limit-differences';
import { batchFileNote, batchFileProblem, resolveProgram } from './program-path';
import { OutputBuffer } from './output-buffer';
import type { RunHistoryStore } from './run-history';

/** How often the pipes are drained and the process checked: output appears in the dialog within this. */
export const PUMP_MS = 100;
/** The exit code processes get when a run times out or is cancelled (ERROR_TIMEOUT / ERROR_CANCELLED). */
export const TIMEOUT_EXIT_CODE = 1460;
export const CANCEL_EXIT_CODE = 1223;

export interface RunTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: RunTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface RunRequest {
  commandLine: string;
  workingDirectory: string | null;
  environment: { name: string; value: string }[];
  timeoutSeconds: number;
  template: string | null;
}

interface LiveRun {
  summary: RunSummaryValue;
  job: JobObject;
  process: PipedProcess;
  output: OutputBuffer;
  timeout: unknown;
  /** Set when the console ended it (timeout, cancel): the state it ends in. */
  stopping: 'timedOut' | 'cancelled' | null;
  stdoutOpen: boolean;
  stderrOpen: boolean;
}

export interface RunManagerOptions {
  logicalProcessors: number;
  timers?: RunTimers;
  outputCapBytes?: number;
  /** Resolves the program the command line names to the file that will run (program-path.ts). */
  resolve?: (commandLine: string, workingDirectory: string | null, environment: readonly { name: string; value: string }[]) => { program: string; arguments: string[] };
}

/** PATH as the command will see it: an addition wins over the console's own. */
function pathOf(environment: readonly { name: string; value: string }[]): string | undefined {
  return environment.find((e) => e.name.toUpperCase() === 'PATH')?.value ?? process.env.PATH ?? process.env.Path;
}

/**
 * Bytes read from one pipe per pump at most: past it a flood waits in the pipe (the child blocks in WriteFile)
 * instead of in memory. It sets how fast a flooding command can go: at 256 KiB per 100 ms pump a command
 * writing 10 MB as fast as it could was held back for 4 s, and its end shown that late (issue 11). 8 MiB per
 * pump (80 MB/s) keeps up with what a console program writes, and one pump's text is still bounded: only
 * the newest 1 MiB of it is pushed, as the buffer keeps.
 */
export const MAX_READ_PER_PUMP = 8 * 1024 * 1024;
/** And at most this long per pipe per pump, so a child refilling the pipe as fast as we read cannot hold the event loop. */
export const MAX_DRAIN_MS = 25;

/** The audit seam as runs use it (run.start, run.end; run.cancel is recorded by the request). */
export type RunAudit = Audit;

/** What a run's audit records of its request: environment names only, never their values. */
function startDetail(request: RunRequest) {
  return {
    commandLine: request.commandLine,
    workingDirectory: request.workingDirectory,
    environmentNames: request.environment.map((e) => e.name),
    timeoutSeconds: request.timeoutSeconds,
    template: request.template,
  };
}

/**
 * The Run dialog's engine: each command runs in a new job with kill-on-close (plus a template's limits),
 * its stdout and stderr on pipes the console owns, drained without blocking a few times a second into a
 * bounded buffer and pushed as it arrives. A wall-clock timeout or a cancel terminates the whole job,
 * grandchildren included; closing the console closes the job, which kills them too. Finished runs go to the
 * saved history with their output.
 */
export class RunManager {
  private readonly live = new Map<string, LiveRun>();
  /** History writes still in flight (awaited at shutdown). */
  private readonly saving = new Set<Promise<void>>();
  private pump: unknown;

  constructor(
    private readonly system: JobSystem,
    private readonly templates: JobTemplateStore,
    private readonly store: RunHistoryStore,
    private readonly emit: EmitEvent,
    private readonly audit: RunAudit,
    options: RunManagerOptions,
  ) {
    this.timers = options.timers ?? realTimers;
    this.outputCapBytes = options.outputCapBytes;
    this.logicalProcessors = options.logicalProcessors;
    this.resolve = options.resolve ?? ((commandLine, workingDirectory, environment) => resolveProgram(commandLine, workingDirectory, pathOf(environment)));
  }

  private readonly timers: RunTimers;
  private readonly outputCapBytes: number | undefined;
  private readonly logicalProcessors: number;
  private readonly resolve: (commandLine: string, workingDirectory: string | null, environment: readonly { name: string; value: string }[]) => { program: string; arguments: string[] };

  async start(request: RunRequest, desktop: DesktopPort): Promise<RunSummaryValue> {
    const template = request.template === null ? null : this.templates.get(request.template);
    if (request.template !== null && !template) throw new AppError('NOT_FOUND', `There is no template named '${request.template}'.`);
    // Kill on close always: closing the job (timeout, cancel, the console exiting) must take the whole tree.
    const limits: JobLimits = { ...(template?.limits ?? noLimits()), killOnJobClose: true, breakawayOk: false, silentBreakawayOk: false };
    const problems = limitProblems(limits, this.logicalProcessors);
    if (problems.length) throw new AppError('BAD_REQUEST', `The template's limits cannot be applied: ${problems.map((p) => p.message).join(' ')}`);
    const { program, arguments: args } = this.resolve(request.commandLine, request.workingDirectory, request.environment);
    const batch = batchFileProblem(program, args);
    if (batch) throw new AppError('BAD_REQUEST', batch);
    const confirmed = await desktop.confirm({
      title: 'Run a command',
      message: 'Run this program with this console\'s rights (administrator)?',
      detail: [
        `Program: ${promptValue(program)}`,
        batchFileNote(program),
        `Arguments:\n${argumentLines(args)}`,
        `Working folder: ${promptValue(request.workingDirectory ?? "(the console's)")}`,
        request.environment.length ? `Environment additions:\n${request.environment.map((e) => `  ${promptValue(e.name)}=${promptValue(e.value)}`).join('\n')}` : '',
        `Stopped after ${request.timeoutSeconds} s, with everything it started.`,
        `Job limits: ${describeLimits(limits).join('; ')}`,
      ]
        .filter(Boolean)
        .join('\n'),
      confirmLabel: 'Run',
      destructive: false,
    });
    if (!confirmed) throw new AppError('CANCELLED', 'The run was cancelled; nothing was started.');

    const id = randomBytes(8).toString('hex');
    // Unnamed: nothing, not even the console's own Jobs view, can open a second handle that would keep the
    // job (and so the command's tree) alive after the run closes it.
    const job = this.system.create(null);
    let process: PipedProcess;
    let limitsNote: string | null = null;
    try {
      // Kill on close first, on its own: it must hold (a failure here ends the run before it starts). The
      // template's limits follow as best effort: Windows refuses a CPU rate under DFSS (Wine always), and the
      // classes are applied in order with kill on close in the first, so it stays set whatever fails later.
      this.system.setLimits(job, { ...noLimits(), killOnJobClose: true });
      try {
        this.system.setLimits(job, limits);
      } catch (err) {
        limitsNote = `Some limits were not applied: ${(err as Error).message}`;
      }
      process = this.system.launchPiped(job, { application: program, commandLine: request.commandLine, workingDirectory: request.workingDirectory, environment: request.environment });
    } catch (err) {
      job.close();
      this.audit({ action: 'run.start', target: { run: id }, after: startDetail(request), ...outcomeOf(err) });
      throw err;
    }
    const summary: RunSummaryValue = {
      id,
      commandLine: request.commandLine,
      workingDirectory: request.workingDirectory,
      template: request.template,
      timeoutSeconds: request.timeoutSeconds,
      state: 'running',
      pid: process.pid,
      exitCode: null,
      startedAt: this.timers.now(),
      endedAt: null,
      truncatedBytes: 0,
      outputBytes: 0,
      message: limitsNote,
    };
    const run: LiveRun = {
      summary,
      job,
      process,
      output: new OutputBuffer(this.outputCapBytes),
      timeout: this.timers.setTimeout(() => this.stop(id, 'timedOut'), request.timeoutSeconds * 1000),
      stopping: null,
      stdoutOpen: true,
      stderrOpen: true,
    };
    this.live.set(id, run);
    this.audit({ action: 'run.start', target: { run: id, pid: process.pid }, after: startDetail(request), outcome: 'ok', message: `Started (PID ${process.pid}).` });
    this.emit('run:changed', { ...summary });
    this.pump ??= this.timers.setInterval(() => this.pumpAll(), PUMP_MS);
    return { ...summary };
  }

  cancel(id: string): Record<string, never> {
    if (!this.live.has(id)) throw new AppError('NOT_FOUND', `No run ${id} is running.`);
    this.stop(id, 'cancelled');
    return {};
  }

  history(): { runs: RunSummaryValue[] } {
    const live = [...this.live.values()].map((r) => ({ ...r.summary }));
    return { runs: [...live, ...this.historyList()].slice(0, 500) };
  }

  output(id: string): { run: RunSummaryValue; chunks: Omit<RunOutputChunkValue, 'runId'>[] } {
    const live = this.live.get(id);
    if (live) return { run: { ...live.summary }, chunks: live.output.chunks() };
    const saved = this.store.load(id);
    if (!saved) throw new AppError('NOT_FOUND', `There is no run ${id} in the history.`);
    return saved;
  }

  /**
   * The job of each run still going, with its member PIDs (JobObjectBasicProcessIdList): a run's job is the
   * console's own, though it is not in the Jobs list. A job that cannot be listed just now lists no members.
   */
  liveJobs(): { runId: string; commandLine: string; pids: number[] }[] {
    return [...this.live.values()].map((run) => {
      let pids: number[] = [];
      try {
        pids = this.system.memberPids(run.job);
      } catch {
        // Ending between the check and the read: its members are gone or going; the next tick says so.
      }
      return { runId: run.summary.id, commandLine: run.summary.commandLine, pids };
    });
  }

  /** Number of runs still going (tests, and the leak check). */
  running(): number {
    return this.live.size;
  }

  /** At shutdown: every live run is cancelled (kill on close would end them anyway) and saved. */
  async stopAll(): Promise<void> {
    for (const id of [...this.live.keys()]) this.stop(id, 'cancelled');
    // TerminateJobObject takes effect as the processes' threads exit: give them up to 2 s to be seen gone,
    // then finish (and save) what is left anyway, so every handle is closed before the console exits.
    for (let i = 0; i < 40 && this.live.size; i++) {
      this.pumpAll();
      if (this.live.size) await new Promise((r) => setTimeout(r, 50));
    }
    for (const run of [...this.live.values()]) this.finish(run, run.process.exitCode(), 'cancelled');
    await this.idle();
  }

  /** Resolves once every finished run is saved to the history. */
  async idle(): Promise<void> {
    while (this.saving.size) await Promise.all([...this.saving]);
  }

  private historyList(): RunSummaryValue[] {
    try {
      return this.store.list();
    } catch {
      return [];
    }
  }

  private stop(id: string, why: 'timedOut' | 'cancelled'): void {
    const run = this.live.get(id);
    if (!run || run.stopping) return;
    // A command that already finished on its own is reported as exited, not as timed out or cancelled.
    this.pumpOne(run);
    if (!this.live.has(id)) return;
    run.stopping = why;
    try {
      this.system.terminate(run.job, why === 'timedOut' ? TIMEOUT_EXIT_CODE : CANCEL_EXIT_CODE);
    } catch (err) {
      run.summary.message = `Could not terminate the job: ${(err as Error).message}`;
    }
    this.pumpOne(run);
  }

  private pumpAll(): void {
    for (const run of [...this.live.values()]) this.pumpOne(run);
    if (this.live.size === 0 && this.pump !== undefined) {
      this.timers.clearInterval(this.pump);
      this.pump = undefined;
    }
  }

  private pumpOne(run: LiveRun): void {
    try {
      if (run.stdoutOpen) run.stdoutOpen = this.drain(run, 'stdout');
      if (run.stderrOpen) run.stderrOpen = this.drain(run, 'stderr');
      // Live figures, so run:getOutput and the history list show them while it runs.
      run.summary.truncatedBytes = run.output.truncatedBytes;
      run.summary.outputBytes = run.output.totalBytes;
      const exitCode = run.process.exitCode();
      // Done when the command has exited and nothing holds its output pipes any more (a grandchild still
      // writing keeps the run going until it exits or the timeout ends the whole job).
      const pipesClosed = !run.stdoutOpen && !run.stderrOpen;
      if (exitCode !== null && (pipesClosed || run.stopping)) this.finish(run, exitCode);
    } catch (err) {
      run.summary.message = (err as Error).message;
      this.finish(run, null, 'failed');
    }
  }

  /**
   * Reads what is there now on one pipe (at most MAX_READ_PER_PUMP, for at most MAX_DRAIN_MS) and pushes it as one event; false once the
   * pipe is closed and drained.
   */
  private drain(run: LiveRun, stream: 'stdout' | 'stderr'): boolean {
    let text = '';
    let read = 0;
    let open = true;
    const until = performance.now() + MAX_DRAIN_MS;
    while (read < MAX_READ_PER_PUMP && performance.now() < until) {
      const bytes = stream === 'stdout' ? run.process.readStdout() : run.process.readStderr();
      if (bytes === null) {
        text += run.output.end(stream);
        open = false;
        break;
      }
      if (bytes.length === 0) break;
      read += bytes.length;
      text += run.output.append(stream, bytes);
    }
    if (text) this.emit('run:output', { runId: run.summary.id, stream, text: text.length > 1024 * 1024 ? text.slice(-1024 * 1024) : text });
    return open;
  }

  private finish(run: LiveRun, exitCode: number | null, state?: RunSummaryValue['state']): void {
    this.timers.clearTimeout(run.timeout);
    this.live.delete(run.summary.id);
    run.process.close();
    run.job.close();
    const summary = run.summary;
    summary.state = state ?? run.stopping ?? 'exited';
    summary.exitCode = exitCode;
    summary.endedAt = this.timers.now();
    summary.truncatedBytes = run.output.truncatedBytes;
    summary.outputBytes = run.output.totalBytes;
    if (summary.state === 'timedOut') summary.message ??= `Stopped after ${summary.timeoutSeconds} s: the whole job was terminated.`;
    if (summary.state === 'cancelled') summary.message ??= 'Cancelled: the whole job was terminated.';
    this.emit('run:changed', { ...summary });
    this.audit({
      action: 'run.end',
      target: { run: summary.id, ...(summary.pid === null ? {} : { pid: summary.pid }) },
      after: { state: summary.state, exitCode, durationMs: summary.endedAt - summary.startedAt },
      outcome: summary.state === 'timedOut' ? 'failed' : 'ok',
      message: summary.message ?? `Exited with ${exitCode}.`,
    });
    const saving = this.store
      .save({ ...summary }, run.output.chunks())
      .catch(() => {
        // The history is a convenience; a full disk must not fail the run (the audit line has the outcome).
      })
      .finally(() => this.saving.delete(saving));
    this.saving.add(saving);
  }
}
