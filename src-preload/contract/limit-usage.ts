/**
 * Limits already below what a job's members use, with what Windows then does to them. Shared by the limit
 * editor (a warning beside the field before Apply) and main's confirmation (the same words in its dialog),
 * so both say the same. Pure: the caller gives the members' figures (null when not reported: no warning
 * is made from an unknown figure). Behaviour per limit from MSDN "JOBOBJECT_BASIC_LIMIT_INFORMATION" and
 * "JOBOBJECT_EXTENDED_LIMIT_INFORMATION":
 * - ActiveProcessLimit: running members are not ended; a process that would push the count past the limit
 *   (started in the job, or assigned to it) "is terminated and the association fails".
 * - PerProcessUserTimeLimit: Windows checks periodically and terminates each process over it, so members
 *   already over it end soon after Apply.
 * - PerJobUserTimeLimit: counts from Apply ("the system adds the current time of the processes associated
 *   with the job to this limit"), so time already used never trips it: no warning.
 * - ProcessMemoryLimit / JobMemoryLimit: limits on committed virtual memory. Nothing is ended or taken back;
 *   the next commit past the limit fails (an allocation failure the program may not survive).
 * - Working set minimum/maximum (JOB_OBJECT_LIMIT_WORKINGSET): members above the maximum are trimmed to it;
 *   their pages leave RAM and come back as page faults.
 */
import type { JobLimitsFormValue } from './job-schemas';

/** What the check needs of one member; null figures are not reported by the system. */
export interface MemberUsage {
  readonly pid: number;
  readonly name: string;
  /** Committed private memory (what the memory limits count). */
  readonly privateBytes: number | null;
  readonly workingSetBytes: number | null;
  readonly userTimeMs: number | null;
}

/** The limit fields a warning sits beside (the limit editor's names). */
export type UsageWarningField = 'activeProcesses' | 'processMemory' | 'jobMemory' | 'processUserTime' | 'workingSet';

/** One limit already below what the members use. */
export interface UsageWarning {
  readonly field: UsageWarningField;
  /** What is over, in figures ("4 processes run; the limit is 3."). */
  readonly text: string;
  /** The members over it, "name (PID n): figure", largest first (at most MAX_NAMED). */
  readonly members: readonly string[];
  /** What Windows does about it, per MSDN. */
  readonly consequence: string;
}

/** Members named per warning at most; the text says how many there are in all. */
export const MAX_NAMED = 8;

const MB = 1024 * 1024;
/** Memory as the limit editor takes it: MB (binary), GB past 10 GB. */
export function usageBytes(bytes: number): string {
  return bytes >= 10 * 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.round(bytes / MB).toLocaleString('en-US')} MB`;
}
function usageTime(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}
const named = (m: MemberUsage, figure: string) => `${m.name} (PID ${m.pid}): ${figure}`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Members whose figure is over `limit`, largest first. */
function over(members: readonly MemberUsage[], figure: (m: MemberUsage) => number | null, limit: number): { member: MemberUsage; value: number }[] {
  return members
    .map((member) => ({ member, value: figure(member) }))
    .filter((x): x is { member: MemberUsage; value: number } => x.value !== null && x.value > limit)
    .sort((a, b) => b.value - a.value);
}

/**
 * The warnings for `limits` against the members' usage now. `activeProcesses` is the job's own count
 * (accounting), else null to count the members given.
 */
export function limitsBelowUsage(limits: JobLimitsFormValue, members: readonly MemberUsage[], activeProcesses: number | null = null): UsageWarning[] {
  const warnings: UsageWarning[] = [];
  const running = activeProcesses ?? members.length;
  if (limits.activeProcesses !== null && running > limits.activeProcesses) {
    warnings.push({
      field: 'activeProcesses',
      text: `${plural(running, 'process runs', 'processes run')} in the job; the limit is ${limits.activeProcesses.toLocaleString('en-US')}.`,
      members: members.slice(0, MAX_NAMED).map((m) => `${m.name} (PID ${m.pid})`),
      consequence: `Windows does not end the running ones, but every new process in the job (started by a member, launched or added here) fails while the count is at or over the limit: it is terminated and the assignment fails (MSDN JOBOBJECT_BASIC_LIMIT_INFORMATION, ActiveProcessLimit).`,
    });
  }
  if (limits.processMemoryBytes !== null) {
    const hits = over(members, (m) => m.privateBytes, limits.processMemoryBytes);
    if (hits.length) {
      warnings.push({
        field: 'processMemory',
        text: `${plural(hits.length, 'member has', 'members have')} more memory committed than ${usageBytes(limits.processMemoryBytes)} per process.`,
        members: hits.slice(0, MAX_NAMED).map((h) => named(h.member, usageBytes(h.value))),
        consequence: 'Windows does not end them or take memory back; their next commit (allocation) fails, which many programs treat as out of memory and crash on (MSDN JOBOBJECT_EXTENDED_LIMIT_INFORMATION, ProcessMemoryLimit).',
      });
    }
  }
  if (limits.jobMemoryBytes !== null) {
    const known = members.filter((m) => m.privateBytes !== null);
    const total = known.reduce((sum, m) => sum + (m.privateBytes ?? 0), 0);
    if (known.length > 0 && total > limits.jobMemoryBytes) {
      const biggest = [...known].sort((a, b) => (b.privateBytes ?? 0) - (a.privateBytes ?? 0));
      warnings.push({
        field: 'jobMemory',
        text: `The members have ${usageBytes(total)} committed together${known.length < members.length ? ` (${known.length} of ${members.length} reported)` : ''}, over ${usageBytes(limits.jobMemoryBytes)} for the job.`,
        members: biggest.slice(0, MAX_NAMED).map((m) => named(m, usageBytes(m.privateBytes ?? 0))),
        consequence: 'Windows does not end any of them; every further commit by any member fails until the job is under the limit (MSDN JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobMemoryLimit).',
      });
    }
  }
  if (limits.processUserTimeMs !== null) {
    const hits = over(members, (m) => m.userTimeMs, limits.processUserTimeMs);
    if (hits.length) {
      warnings.push({
        field: 'processUserTime',
        text: `${plural(hits.length, 'member has', 'members have')} used more than ${usageTime(limits.processUserTimeMs)} of user CPU time already.`,
        members: hits.slice(0, MAX_NAMED).map((h) => named(h.member, usageTime(h.value))),
        consequence: 'Windows checks this limit periodically and terminates every process over it: these members end soon after Apply (MSDN JOBOBJECT_BASIC_LIMIT_INFORMATION, PerProcessUserTimeLimit).',
      });
    }
  }
  if (limits.workingSet !== null) {
    const hits = over(members, (m) => m.workingSetBytes, limits.workingSet.maxBytes);
    if (hits.length) {
      warnings.push({
        field: 'workingSet',
        text: `${plural(hits.length, 'member has', 'members have')} a working set above the ${usageBytes(limits.workingSet.maxBytes)} maximum.`,
        members: hits.slice(0, MAX_NAMED).map((h) => named(h.member, usageBytes(h.value))),
        consequence: 'Windows trims them to the maximum: nothing ends, but their pages leave RAM and come back as page faults, which slows them (MSDN JOBOBJECT_BASIC_LIMIT_INFORMATION, JOB_OBJECT_LIMIT_WORKINGSET).',
      });
    }
  }
  return warnings;
}

/** The warnings as plain text for a confirmation dialog (one paragraph each). */
export function usageWarningLines(warnings: readonly UsageWarning[]): string[] {
  return warnings.map((w) => `${w.text}${w.members.length ? ` ${w.members.join('; ')}.` : ''} ${w.consequence}`);
}
