/**
 * Which processes are in the jobs this console manages, by PID, from the job list main pushes
 * (JobRow.members). The Processes view reads it to tell a process in one of the console's jobs from one
 * that another program (or Windows) put in a job. Pure TypeScript, unit tested in node.
 */
import type { JobRowValue, JobsChangedValue } from '../../src-preload/contract/job-schemas';
import type { ProcessRowValue } from '../../src-preload/contract/schemas';

/** One of the console's jobs a process is a member of. */
export interface ConsoleJobRef {
  readonly name: string;
  /** Created by this console, opened by name (another program created it), or the job of a Run. */
  readonly origin: JobRowValue['origin'] | 'run';
  /** The member's creation time as the job list gave it; null when main could not read it. */
  readonly createTime: string | null;
}

/** Member PID -> the console's jobs holding it (more than one only when jobs nest, Windows 8+). */
export type ConsoleJobMembers = ReadonlyMap<number, readonly ConsoleJobRef[]>;

/** The longest stretch of a run's command line its job's name shows. */
const RUN_NAME_CHARS = 40;

/** How a Run's job is named where job names are shown: `run "build.bat --all"` (the command line, cut short). */
export function runJobName(commandLine: string): string {
  const line = commandLine.trim();
  return `run "${line.length > RUN_NAME_CHARS ? `${line.slice(0, RUN_NAME_CHARS - 1)}…` : line}"`;
}

/** The members of every job in `jobs`, and of every running Run's job in `runs`, by PID. */
export function membersOf(jobs: readonly JobRowValue[], runs: NonNullable<JobsChangedValue['runs']> = []): ConsoleJobMembers {
  const byPid = new Map<number, ConsoleJobRef[]>();
  const add = (pid: number, ref: ConsoleJobRef) => {
    const held = byPid.get(pid);
    if (held) held.push(ref);
    else byPid.set(pid, [ref]);
  };
  for (const job of jobs) for (const m of job.members) add(m.pid, { name: job.name, origin: job.origin, createTime: m.createTime });
  for (const run of runs) for (const m of run.members) add(m.pid, { name: runJobName(run.commandLine), origin: 'run', createTime: m.createTime });
  return byPid;
}

/** True when two membership maps say the same thing (so the table keeps the map it has and redraws nothing). */
export function sameMembers(a: ConsoleJobMembers, b: ConsoleJobMembers): boolean {
  if (a.size !== b.size) return false;
  for (const [pid, refs] of a) {
    const other = b.get(pid);
    if (!other || other.length !== refs.length) return false;
    for (let i = 0; i < refs.length; i++) {
      const x = refs[i] as ConsoleJobRef;
      const y = other[i] as ConsoleJobRef;
      if (x.name !== y.name || x.origin !== y.origin || x.createTime !== y.createTime) return false;
    }
  }
  return true;
}

/** Where a process stands with jobs, as far as the renderer knows. */
export type JobMembership =
  /** In one (or more, nested) of the console's jobs. */
  | { readonly kind: 'console'; readonly jobs: readonly ConsoleJobRef[] }
  /** In a job, but none the console manages. */
  | { readonly kind: 'external' }
  /** In a job; which one is not known yet (the console's job list has not arrived, or could not be read). */
  | { readonly kind: 'inJob' }
  | { readonly kind: 'none' }
  /** Windows would not say (see the row's detailsError). */
  | { readonly kind: 'unknown' };

/** The process fields membership reads. */
export type JobFields = Pick<ProcessRowValue, 'pid' | 'createTime' | 'inJob' | 'jobObjectId'>;

/**
 * Classifies one process. A member counts only when its creation time matches the row's (or main had
 * none): a PID Windows reused after a member exited is a different process. The console's list wins over
 * the row's own flag, since the two come from different ticks and the list reads the job itself
 * (QueryInformationJobObject, JobObjectBasicProcessIdList). `members` is null while not known.
 */
export function jobMembership(row: JobFields, members: ConsoleJobMembers | null): JobMembership {
  const jobs = members?.get(row.pid)?.filter((j) => j.createTime === null || j.createTime === row.createTime) ?? [];
  if (jobs.length > 0) return { kind: 'console', jobs };
  // The job id (Windows 10 process extension) is nonzero exactly when the process is in a job.
  const inJob = row.inJob === true || (row.jobObjectId ?? 0) > 0 ? true : row.inJob;
  if (inJob === null) return { kind: 'unknown' };
  if (!inJob) return { kind: 'none' };
  return members === null ? { kind: 'inJob' } : { kind: 'external' };
}

/** The job names, for text ("build, tests"). */
export function jobNames(jobs: readonly ConsoleJobRef[]): string {
  return jobs.map((j) => j.name).join(', ');
}
