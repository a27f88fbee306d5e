import type { JobAccountingFormValue, JobEventValue, JobLimitsFormValue, JobRowValue, JobsChangedValue, JobsSnapshotValue } from '../../../src-preload/contract/job-schemas';
import { AppError } from '../app-error';
import { outcomeOf, type Audit } from '../audit/audit-record';
import type { DesktopPort } from '../desktop/desktop-port';
import { argumentLines, promptValue } from '../dialog-text';
import type { ProcessCollector } from '../processes/process-collector';
import type { JobDefinitionStore } from './job-definitions';
import { limitsBelowUsage, usageWarningLines, type MemberUsage } from '../../../src-preload/contract/limit-usage';
import { AccountingReader } from './accounting-unreported';
import type { JobLimits, JobObject, JobSystem } from './job-system';
import type { JobTemplateStore } from './job-templates';
import { eventForMessage, type JobTimeline } from './job-timeline';
import { describeLimits, limitDifferences, limitProblems, noLimits, readBackParts, unreportedLimits, type DifferenceContext, type LimitPart } from './limit-differences';
import { batchFileNote, batchFileProblem, resolveProgram } from './program-path';

/** What the manager knows of the machine, for the notes next to limits Windows holds differently. */
export interface JobContext {
  windowsBuild: number;
  underWine: boolean;
  logicalProcessors: number;
}

/** Resolves a command line's program to the absolute file that will run (program-path.ts). */
export type ResolveProgram = (commandLine: string, workingDirectory: string | null) => { program: string; arguments: string[] };

/** The contract's bound on jobs in one push. */
export const MAX_JOBS = 256;
/** Members listed per job (the accounting still counts them all). */
export const MAX_MEMBERS_LISTED = 10_000;

/** One audit line (the console's audit trail): what an admin did to a job, and how it ended. */
export type JobAudit = Audit;

interface ManagedJob {
  name: string;
  origin: 'console' | 'opened';
  object: JobObject | null;
  template: string | null;
  asked: JobLimits | null;
  held: JobLimits | null;
  unreadable: string[];
  /** Why the last apply failed for some class (e.g. CPU rate under DFSS), shown with the differences. */
  applyError: string | null;
  /** As shown: figures the system does not report are null with why (accounting-unreported.ts). */
  accounting: JobAccountingFormValue | null;
  /** Why the accounting could not be read at all, else null. */
  accountingUnreadable: string | null;
  /** Processes added to the job after they started (pid:createTime): their earlier CPU time is not the job's. */
  addedLater: Set<string>;
}

const key = (name: string) => name.toLowerCase();

/** What in a change of limits can end, starve or free the job's processes: said in the confirmation. */
export function riskyChange(was: JobLimits, next: JobLimits): string[] {
  const risks: string[] = [];
  if (was.killOnJobClose && !next.killOnJobClose) risks.push('Kill on close is removed: its processes will outlive the job.');
  if ((!was.breakawayOk && next.breakawayOk) || (!was.silentBreakawayOk && next.silentBreakawayOk)) risks.push('Breakaway is allowed: children may leave the job and its limits.');
  if (next.jobUserTimeMs !== null && next.jobUserTimeMs !== was.jobUserTimeMs) risks.push('A job CPU-time limit ends every process when reached.');
  if (next.processUserTimeMs !== null && next.processUserTimeMs !== was.processUserTimeMs) risks.push('A per-process CPU-time limit ends a process when reached.');
  if ((next.jobMemoryBytes !== null && next.jobMemoryBytes !== was.jobMemoryBytes) || (next.processMemoryBytes !== null && next.processMemoryBytes !== was.processMemoryBytes)) {
    risks.push('A memory limit makes allocations fail past it.');
  }
  if (next.activeProcesses !== null && next.activeProcesses !== was.activeProcesses) risks.push('An active-process limit makes new processes fail past it.');
  if (next.priorityClass === 'realtime' && was.priorityClass !== 'realtime') risks.push('Realtime priority can starve the whole machine.');
  return risks;
}

/** Exit code given to processes when the admin terminates a job (as Task Manager uses for End task). */
export const JOB_TERMINATED_EXIT_CODE = 1;

/**
 * The jobs the console manages: created (and recreated after a restart from their saved definitions) or
 * opened by name. Applies limits and reads them back, lists members with live CPU and memory from the
 * process table, turns completion-port messages into a timeline, and confirms in the main process's own
 * dialog whatever starts programs, ends them, or lets them die.
 */
export class JobManager {
  private readonly jobs = new Map<string, ManagedJob>();

  constructor(
    private readonly system: JobSystem,
    private readonly processes: ProcessCollector,
    private readonly definitions: JobDefinitionStore,
    private readonly templates: JobTemplateStore,
    private readonly timeline: JobTimeline,
    private readonly audit: JobAudit,
    private readonly context: JobContext,
    private readonly now: () => number = Date.now,
    private readonly resolve: ResolveProgram = (commandLine, workingDirectory) => resolveProgram(commandLine, workingDirectory, process.env.PATH ?? process.env.Path),
  ) {
    this.accountingReader = new AccountingReader({ underWine: context.underWine });
  }

  private readonly accountingReader: AccountingReader;
  /**
   * Whether this system reports each part of the limits back, learned from applies that raised no error
   * (readBackParts): Wine 8 accepts every limit and reads them all back as not set. Unknown until learned.
   */
  private readonly reportsBack: Record<LimitPart, 'reported' | 'notReported' | null> = { extended: null, ui: null };

  /**
   * Recreates the jobs saved by an earlier run. A job whose members outlived the console (no kill on close)
   * still exists under its name: it is opened again instead.
   */
  async restore(): Promise<void> {
    for (const def of this.definitions.list()) {
      const job: ManagedJob = { name: def.name, origin: 'console', object: null, template: def.template, asked: def.limits, held: null, unreadable: [], applyError: null, accounting: null, accountingUnreadable: null, addedLater: new Set() };
      this.jobs.set(key(def.name), job);
      try {
        job.object = this.system.create(def.name);
        this.apply(job, def.limits);
        this.watch(job);
        this.event(def.name, 'created', null, `Recreated from its saved definition${def.template ? ` (template ${def.template})` : ''}.`, false);
      } catch (err) {
        if (err instanceof AppError && err.code === 'CONFLICT') {
          // A job of that name exists: its members may have outlived the console, or another program (any
          // process of this session can use the name) made it. It is not trusted as the console's own: shown
          // as opened, its limits read, nothing applied or launched into it without the admin acting.
          try {
            job.object = this.system.open(def.name);
            job.origin = 'opened';
            this.readBack(job);
            this.event(def.name, 'opened', null, 'A job of this name already existed: opened for inspection, not trusted as the console\'s own.', true);
            continue;
          } catch {
            // fall through: shown as a saved definition only
          }
        }
        this.event(def.name, 'other', null, `Could not be recreated: ${(err as Error).message}. Close it to forget the saved definition.`, true);
      }
    }
  }

  snapshot(): JobsSnapshotValue {
    return { time: this.now(), jobs: this.rows(), events: this.timeline.all(), templates: this.templates.list() };
  }

  /** The push for one refresh tick: every job with fresh accounting, and the events since the last push. */
  tick(now: number): JobsChangedValue | null {
    for (const job of this.jobs.values()) {
      if (!job.object) continue;
      this.readAccounting(job);
    }
    const events = this.timeline.drain();
    if (this.jobs.size === 0 && events.length === 0) return null;
    return { time: now, jobs: this.rows(), events };
  }

  async create(name: string, templateName: string | null, limits: JobLimitsFormValue | null): Promise<{ name: string }> {
    if (this.jobs.has(key(name))) throw new AppError('CONFLICT', `The console already manages a job named '${name}'.`);
    if (this.jobs.size >= MAX_JOBS) throw new AppError('CONFLICT', `The console manages ${MAX_JOBS} jobs already; close one first.`);
    const template = templateName === null ? null : this.templates.get(templateName);
    if (templateName !== null && !template) throw new AppError('NOT_FOUND', `There is no template named '${templateName}'.`);
    const asked: JobLimits = limits ?? template?.limits ?? noLimits();
    this.refuseProblems(asked);
    const object = this.system.create(name);
    const job: ManagedJob = { name, origin: 'console', object, template: templateName, asked, held: null, unreadable: [], applyError: null, accounting: null, accountingUnreadable: null, addedLater: new Set() };
    this.jobs.set(key(name), job);
    this.apply(job, asked);
    this.watch(job);
    await this.definitions.put({ name, template: templateName, limits: asked, createdAt: this.now() });
    this.event(name, 'created', null, `Created${templateName ? ` from template ${templateName}` : ''}: ${describeLimits(asked).join('; ') || 'no limits'}.`, false);
    this.audit({ action: 'job.create', target: { job: name }, after: { template: templateName, limits: describeLimits(asked) }, outcome: 'ok', message: 'Created.' });
    return { name };
  }

  open(name: string): { name: string } {
    if (this.jobs.has(key(name))) throw new AppError('CONFLICT', `The console already has a job named '${name}' open.`);
    if (this.jobs.size >= MAX_JOBS) throw new AppError('CONFLICT', `The console has ${MAX_JOBS} jobs open already; close one first.`);
    const object = this.system.open(name);
    const job: ManagedJob = { name, origin: 'opened', object, template: null, asked: null, held: null, unreadable: [], applyError: null, accounting: null, accountingUnreadable: null, addedLater: new Set() };
    this.jobs.set(key(name), job);
    this.readBack(job);
    // Not watched: a job has one completion port, and taking it would silence the program that made the job.
    this.event(name, 'opened', null, 'Opened by name for inspection (its completion-port messages stay with the program that made it).', false);
    return { name };
  }

  async launch(name: string, commandLine: string, workingDirectory: string | null, desktop: DesktopPort): Promise<{ pid: number; createTime: string }> {
    const job = this.require(name);
    const { program, arguments: args } = this.resolve(commandLine, workingDirectory);
    const batch = batchFileProblem(program, args);
    if (batch) throw new AppError('BAD_REQUEST', batch);
    const limits = this.currentLimits(job);
    const confirmed = await desktop.confirm({
      title: 'Launch a command in a job',
      message: `Run this program inside the job '${promptValue(job.name)}'?`,
      detail: `Program: ${promptValue(program)}\n${batchFileNote(program) ? `${batchFileNote(program)}\n` : ''}Arguments:\n${argumentLines(args)}\nWorking folder: ${promptValue(workingDirectory ?? "(the console's)")}\n\nIt runs with this console's rights (administrator). Job limits:\n${describeLimits(limits).join('\n') || 'none'}`,
      confirmLabel: 'Run',
      destructive: false,
    });
    if (!confirmed) throw new AppError('CANCELLED', 'Launching the command was cancelled; nothing was started.');
    try {
      const launched = this.system.launch(this.handle(job), { application: program, commandLine, workingDirectory, environment: [] });
      this.event(job.name, 'launched', launched.pid, `Launched (PID ${launched.pid}): ${commandLine}`, false);
      this.audit({ action: 'job.launch', target: { job: job.name }, after: { commandLine, workingDirectory, pid: launched.pid, createTime: launched.createTime.toString() }, outcome: 'ok', message: 'Launched.' });
      return { pid: launched.pid, createTime: launched.createTime.toString() };
    } catch (err) {
      this.audit({ action: 'job.launch', target: { job: job.name }, after: { commandLine, workingDirectory }, ...outcomeOf(err) });
      throw err;
    }
  }

  async addProcess(name: string, target: { pid: number; createTime: string }, desktop: DesktopPort): Promise<Record<string, never>> {
    const job = this.require(name);
    const row = this.processes.find(target.pid, target.createTime);
    if (!row) throw new AppError('CONFLICT', `Process ${target.pid} has exited or its PID now names another process.`);
    // A process cannot leave a job: a critical one (or this console) in a kill-on-close job dies with it.
    // Checked now, not only as of the last tick (ProcessCollector.isCritical).
    if (this.processes.isCritical(row)) throw new AppError('ACCESS_DENIED', `${row.name} (PID ${row.pid}) is a critical process (or this console); it is not put into a job.`);
    const limits = this.currentLimits(job);
    const confirmed = await desktop.confirm({
      title: 'Add a process to a job',
      message: `Put ${promptValue(row.name)} (PID ${row.pid}) into the job '${promptValue(job.name)}'?`,
      detail: `A process cannot leave a job once in it.${limits.killOnJobClose ? ' This job kills its processes when it is closed or the console exits.' : ''}\n\nJob limits:\n${describeLimits(limits).join('\n') || 'none'}`,
      confirmLabel: 'Add to job',
      destructive: limits.killOnJobClose,
    });
    if (!confirmed) throw new AppError('CANCELLED', 'Adding the process was cancelled; nothing was changed.');
    try {
      this.system.assign(this.handle(job), target.pid, BigInt(target.createTime));
      job.addedLater.add(`${target.pid}:${target.createTime}`);
    } catch (err) {
      this.audit({ action: 'job.addProcess', target: { job: job.name, ...target, name: row.name }, ...outcomeOf(err) });
      throw err;
    }
    this.event(job.name, 'processAdded', target.pid, `Added ${row.name} (PID ${target.pid}).`, false);
    this.audit({ action: 'job.addProcess', target: { job: job.name, ...target, name: row.name }, outcome: 'ok', message: `Added ${row.name}.` });
    return {};
  }

  /** Applies the limits to the live job, reads back what Windows holds, and returns the row with the differences. */
  async setLimits(name: string, limits: JobLimitsFormValue, desktop: DesktopPort): Promise<JobRowValue> {
    const job = this.require(name);
    this.handle(job);
    this.refuseProblems(limits);
    const was = this.currentLimits(job);
    const risky = riskyChange(was, limits);
    // The same words the limit editor showed beside its fields: limits already below the members' use.
    const belowUsage = usageWarningLines(limitsBelowUsage(limits, this.memberUsage(job), job.accounting?.activeProcesses ?? null));
    const confirmed = await desktop.confirm({
      title: 'Change job limits',
      message: `Apply these limits to the job '${promptValue(job.name)}'${job.origin === 'opened' ? ' (made by another program)' : ''}?`,
      detail: `Now:\n${describeLimits(was).join('\n') || 'no limits'}\n\nAfter:\n${describeLimits(limits).join('\n') || 'no limits'}${risky.length ? `\n\nWARNING: ${risky.join(' ')}` : ''}${
        belowUsage.length ? `\n\nALREADY BELOW WHAT THE MEMBERS USE:\n${belowUsage.map((l) => `• ${promptValue(l)}`).join('\n')}` : ''
      }`,
      confirmLabel: 'Apply',
      destructive: risky.length > 0 || belowUsage.length > 0 || job.origin === 'opened',
    });
    if (!confirmed) throw new AppError('CANCELLED', 'Changing the limits was cancelled; nothing was changed.');
    const before = job.held;
    const previousJobTime = job.asked?.jobUserTimeMs ?? null;
    job.asked = limits;
    this.apply(job, limits, { preserveJobTime: previousJobTime !== null && previousJobTime === limits.jobUserTimeMs });
    if (job.origin === 'console') await this.definitions.put({ name: job.name, template: job.template, limits, createdAt: this.now() });
    this.event(job.name, 'limitsApplied', null, job.applyError ? `Limits applied in part: ${job.applyError}` : `Limits applied: ${describeLimits(limits).join('; ') || 'none'}.`, job.applyError !== null);
    this.audit({
      action: 'job.setLimits',
      target: { job: job.name },
      before: before ? describeLimits(before) : null,
      after: describeLimits(limits),
      outcome: job.applyError === null ? 'ok' : 'failed',
      message: job.applyError ?? 'Applied.',
    });
    return this.row(job);
  }

  async terminate(name: string, desktop: DesktopPort): Promise<Record<string, never>> {
    const job = this.require(name);
    const members = this.members(job);
    const confirmed = await desktop.confirm({
      title: 'Terminate job',
      message: `End every process in the job '${promptValue(job.name)}'?`,
      // Every member by name, never "and N more"; a list too long to show is refused by the prompt guard.
      detail: `${members.length ? members.map((m) => `• ${promptValue(m.name)} (PID ${m.pid})`).join('\n') : 'It has no processes now.'}\n\nUnsaved data in these processes will be lost.`,
      confirmLabel: 'Terminate',
      destructive: true,
    });
    if (!confirmed) throw new AppError('CANCELLED', 'Terminating the job was cancelled; nothing was changed.');
    try {
      this.system.terminate(this.handle(job), JOB_TERMINATED_EXIT_CODE);
    } catch (err) {
      this.audit({ action: 'job.terminate', target: { job: job.name }, ...outcomeOf(err) });
      throw err;
    }
    this.event(job.name, 'terminated', null, `Terminated (${members.length} process${members.length === 1 ? '' : 'es'}).`, true);
    this.audit({ action: 'job.terminate', target: { job: job.name }, before: { members: members.map((m) => m.pid) }, outcome: 'ok', message: 'Terminated.' });
    return {};
  }

  /** Closes the console's handle and forgets the job. With kill on close that ends its processes: confirmed first. */
  async close(name: string, desktop: DesktopPort): Promise<Record<string, never>> {
    const job = this.require(name);
    const members = job.object ? this.members(job) : [];
    if (job.object) this.readBack(job);
    // Either says so: Wine enforces kill on close but reads it back unset, and asked can be stale for an opened job.
    const killOnClose = job.held?.killOnJobClose === true || job.asked?.killOnJobClose === true;
    const kills = killOnClose && members.length > 0;
    const forgets = job.origin === 'console' ? ' Its saved definition is deleted.' : '';
    const confirmed = await desktop.confirm({
      title: 'Close job',
      message: `Close the job '${promptValue(job.name)}'?`,
      detail: kills
        ? `It kills its processes when closed: ${members.length} process${members.length === 1 ? '' : 'es'} will end now (if no other program holds the job).`
        : members.length === 0
          ? `It has no processes now, so closing it ends none; the job goes when the last handle to it closes.${forgets}`
          : `Its processes keep running outside the console's view; the job goes when its last process exits.${forgets}`,
      confirmLabel: 'Close job',
      destructive: kills,
    });
    if (!confirmed) throw new AppError('CANCELLED', 'Closing the job was cancelled; nothing was changed.');
    job.object?.close();
    this.jobs.delete(key(job.name));
    if (job.origin === 'console') await this.definitions.remove(job.name);
    this.event(job.name, 'closed', null, kills ? `Closed; its ${members.length} process(es) were killed (kill on close).` : 'Closed.', kills);
    this.audit({ action: 'job.close', target: { job: job.name }, outcome: 'ok', message: kills ? 'Closed (members killed).' : 'Closed.' });
    return {};
  }

  /** Closes every handle at shutdown (kill-on-close jobs end their processes: that is what they are for). */
  closeAll(): void {
    for (const job of this.jobs.values()) job.object?.close();
  }

  /** The limits in force as best known: read back now (an opened job's may have changed), else what was asked. */
  private currentLimits(job: ManagedJob): JobLimits {
    if (job.object) this.readBack(job);
    const held = job.held;
    const asked = job.asked;
    if (!held) return asked ?? noLimits();
    // Kill on close as asked when the read-back cannot show it (Wine reads every limit back unset).
    return asked?.killOnJobClose && !held.killOnJobClose ? { ...held, killOnJobClose: true } : held;
  }

  private refuseProblems(limits: JobLimits): void {
    const problems = limitProblems(limits, this.context.logicalProcessors);
    if (problems.length) throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join(' '));
  }

  /** SetInformationJobObject, then reads back; a class Windows refuses is noted, not fatal (the rest applied). */
  private apply(job: ManagedJob, limits: JobLimits, options: { preserveJobTime?: boolean } = {}): void {
    job.applyError = null;
    try {
      this.system.setLimits(this.handle(job), limits, options);
    } catch (err) {
      job.applyError = (err as Error).message;
    }
    this.readBack(job);
    if (!job.held) return;
    // Only a part that applied without error can tell whether the system reports it back.
    const verdicts = readBackParts(limits, job.held);
    const failed: Record<LimitPart, boolean> = { extended: job.applyError?.includes('extended limits') ?? false, ui: job.applyError?.includes('UI restrictions') ?? false };
    for (const part of ['extended', 'ui'] as const) {
      const verdict = verdicts[part];
      if (verdict === 'reported' || (verdict === 'notReported' && !failed[part])) this.reportsBack[part] = verdict;
    }
  }

  /** What the notes and the unknown limits of a job are judged against. */
  private differenceContext(job: ManagedJob): DifferenceContext {
    const held = job.held;
    // A part that shows a limit set now is reported, whatever was learned.
    const shown = held ? readBackParts(noLimits(), held) : { extended: null, ui: null };
    const notReportedBack = (['extended', 'ui'] as const).filter((part) => this.reportsBack[part] === 'notReported' && shown[part] !== 'reported');
    return { windowsBuild: this.context.windowsBuild, underWine: this.context.underWine, unreadable: job.unreadable, notReportedBack };
  }

  private readBack(job: ManagedJob): void {
    try {
      const { limits, unreadable } = this.system.readLimits(this.handle(job));
      job.held = limits;
      job.unreadable = unreadable;
    } catch (err) {
      job.held = null;
      job.unreadable = [`limits: ${(err as Error).message}`];
    }
  }

  private watch(job: ManagedJob): void {
    if (!job.object) return;
    try {
      this.system.watch(job.object, (message) => {
        const entry = eventForMessage(job.name, message, this.now());
        this.timeline.add(entry);
        if (message.kind === 'activeProcessZero') this.noteJobTimeEnd(job);
      });
    } catch (err) {
      this.event(job.name, 'other', null, `Notifications unavailable: ${(err as Error).message}`, false);
    }
  }

  /**
   * With Windows' default end-of-job-time action the job's processes are ended without a completion-port
   * message (END_OF_JOB_TIME is posted only with JOB_OBJECT_POST_AT_END_OF_JOB, which would leave the limit
   * unenforced whenever the console is not running). So when the job empties, its accounting tells: user CPU
   * time at or past the job limit means Windows ended them for it.
   */
  private noteJobTimeEnd(job: ManagedJob): void {
    const limit = job.asked?.jobUserTimeMs ?? job.held?.jobUserTimeMs ?? null;
    if (limit === null || !job.object) return;
    const accounting = this.readAccounting(job);
    // No accounting, or CPU times this system does not report: nothing can be said.
    if (accounting?.userTimeMs != null && accounting.userTimeMs >= limit) {
      this.event(job.name, 'endOfJobTime', null, `Job CPU-time limit reached (${Math.round(accounting.userTimeMs / 1000)} s of ${Math.round(limit / 1000)} s): Windows ended every process in the job.`, true);
    }
  }

  /** Reads the job's accounting as shown (unknown figures null with why), keeping it on the job. */
  private readAccounting(job: ManagedJob): JobAccountingFormValue | null {
    if (!job.object) return null;
    try {
      const raw = this.system.accounting(job.object);
      const members = this.safeMemberPids(job).map((pid) => {
        const row = this.processes.findByPid(pid);
        return {
          cpuPercent: row?.cpuPercent ?? null,
          workingSetBytes: row?.workingSetBytes ?? null,
          cpuTimeMs: row ? row.userTimeMs + row.kernelTimeMs : null,
          // In a console job and not added later: launched into it (or a child of such), so all its CPU time is the job's.
          bornInJob: row !== undefined && job.origin === 'console' && !job.addedLater.has(`${row.pid}:${row.createTime}`),
        };
      });
      job.accounting = this.accountingReader.shown(raw, members);
      job.accountingUnreadable = null;
    } catch (err) {
      job.accounting = null;
      job.accountingUnreadable = (err as Error).message.slice(0, 1024);
    }
    return job.accounting;
  }

  private require(name: string): ManagedJob {
    const job = this.jobs.get(key(name));
    if (!job) throw new AppError('NOT_FOUND', `The console has no job named '${name}'.`);
    return job;
  }

  private handle(job: ManagedJob): JobObject {
    if (!job.object) throw new AppError('CONFLICT', `The job '${job.name}' is not open.`);
    return job.object;
  }

  private safeMemberPids(job: ManagedJob): number[] {
    try {
      return job.object ? this.system.memberPids(job.object) : [];
    } catch {
      return [];
    }
  }

  /** The members' memory and CPU time from the process table (null where it is not reported or not yet listed). */
  private memberUsage(job: ManagedJob): MemberUsage[] {
    if (!job.object) return [];
    return this.safeMemberPids(job).map((pid) => {
      const row = this.processes.findByPid(pid);
      return { pid, name: row?.name ?? '(not yet listed)', privateBytes: row?.privateBytes ?? null, workingSetBytes: row?.workingSetBytes ?? null, userTimeMs: row?.userTimeMs ?? null };
    });
  }

  private members(job: ManagedJob): JobRowValue['members'] {
    return this.safeMemberPids(job).slice(0, MAX_MEMBERS_LISTED).map((pid) => {
      const row = this.processes.findByPid(pid);
      return { pid, createTime: row?.createTime ?? null, name: row?.name ?? '(not yet listed)', cpuPercent: row?.cpuPercent ?? null, workingSetBytes: row?.workingSetBytes ?? null };
    });
  }

  private row(job: ManagedJob): JobRowValue {
    const context = this.differenceContext(job);
    const differences = job.asked && job.held ? limitDifferences(job.asked, job.held, context) : [];
    if (job.applyError) differences.unshift({ field: 'apply', asked: 'all limits', held: 'some refused', note: job.applyError.slice(0, 1024) });
    return {
      name: job.name,
      origin: job.origin,
      open: job.object !== null,
      template: job.template,
      members: job.object ? this.members(job) : [],
      accounting: job.accounting,
      accountingUnreadable: job.accountingUnreadable,
      limitsAsked: job.asked,
      limitsHeld: job.held,
      limitsUnreadable: job.unreadable.length ? job.unreadable.join('; ').slice(0, 4096) : null,
      limitsUnreported: job.object ? unreportedLimits(context) : {},
      differences: differences.slice(0, 32),
    };
  }

  private rows(): JobRowValue[] {
    return [...this.jobs.values()].map((job) => this.row(job));
  }

  private event(job: string, kind: JobEventValue['kind'], pid: number | null, text: string, important: boolean): void {
    this.timeline.add({ time: this.now(), job, kind, pid, text: text.slice(0, 4096), important });
  }
}
