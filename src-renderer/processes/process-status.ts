/**
 * The Status column: what state a process is in, in words (never colour alone): Suspended (every thread
 * waits with reason Suspended, read from the one snapshot per tick), Not responding (one of its visible
 * top-level windows is hung, Task Manager's rule; a process without such a window has no such part), and
 * the job it is in, naming the console's own jobs. "Running" when neither; unknown (with main's reason) when the system does not report
 * thread states and nothing else is known. Pure, unit tested in node.
 */
import type { ProcessRowValue, ProcessUnreportedValue } from '../../src-preload/contract/schemas';
import { reasonFor } from '../../src-preload/contract/unknown';
import { jobMembership, jobNames, type ConsoleJobMembers, type JobFields } from '../jobs/console-job-members';

/** The row fields the status reads. */
export type StatusFields = JobFields & Pick<ProcessRowValue, 'threadCount' | 'suspendedThreads' | 'hungWindows'>;

/** True when every thread is suspended; null when the system does not report thread states. */
export function isSuspended(row: Pick<ProcessRowValue, 'threadCount' | 'suspendedThreads'>): boolean | null {
  if (row.suspendedThreads === null) return null;
  return row.threadCount > 0 && row.suspendedThreads === row.threadCount;
}

/** True when a visible top-level window of the process is hung; null when the windows could not be listed. */
export function isNotResponding(row: Pick<ProcessRowValue, 'hungWindows'>): boolean | null {
  return row.hungWindows === null ? null : row.hungWindows > 0;
}

/** One status, as shown (a word or two) and as read out or hovered (a sentence). */
export interface StatusPart {
  readonly kind: 'suspended' | 'notResponding' | 'job' | 'otherJob' | 'running';
  readonly text: string;
  readonly title: string;
}

/**
 * The statuses of one process, in order (Suspended first). Empty when nothing is known: the system does
 * not report thread states and the process is in no job (or its job membership is unknown).
 */
export function statusParts(row: StatusFields, jobs: ConsoleJobMembers | null): StatusPart[] {
  const parts: StatusPart[] = [];
  const suspended = isSuspended(row);
  if (suspended) parts.push({ kind: 'suspended', text: 'Suspended', title: 'Suspended: every thread of this process is suspended.' });
  if (isNotResponding(row)) {
    const windows = row.hungWindows === 1 ? 'one of its windows has' : `${row.hungWindows} of its windows have`;
    parts.push({ kind: 'notResponding', text: 'Not responding', title: `Not responding: ${windows} not taken a message for 5 seconds or more.` });
  }
  const membership = jobMembership(row, jobs);
  switch (membership.kind) {
    case 'console': {
      const names = jobNames(membership.jobs);
      parts.push({ kind: 'job', text: `In job ${names}`, title: `In the console's job${membership.jobs.length > 1 ? 's' : ''} ${names}.` });
      break;
    }
    case 'external':
      parts.push({ kind: 'otherJob', text: 'In other job', title: "In a job this console did not create: another program (or Windows) put it there, and that job's limits apply to it." });
      break;
    case 'inJob':
      parts.push({ kind: 'job', text: 'In job', title: 'In a job (which one is not known yet).' });
      break;
    case 'none':
    case 'unknown':
      break;
  }
  if (parts.length === 0 && suspended === false) parts.push({ kind: 'running', text: 'Running', title: 'Running: not suspended.' });
  return parts;
}

/** The status as one line of text ("Suspended, In job build"); null when nothing is known. */
export function statusText(row: StatusFields, jobs: ConsoleJobMembers | null): string | null {
  const parts = statusParts(row, jobs);
  return parts.length === 0 ? null : parts.map((p) => p.text).join(', ');
}

/** Why the Suspended part cannot be shown: main's reason when thread states are not reported, else null. */
export function suspendedUnknownReason(row: Pick<ProcessRowValue, 'suspendedThreads'>, unreported: ProcessUnreportedValue | null | undefined): string | null {
  return row.suspendedThreads === null ? reasonFor(unreported, 'suspendedThreads') : null;
}

/** Why the Not responding part cannot be shown: main's reason when the windows could not be listed, else null. */
export function notRespondingUnknownReason(row: Pick<ProcessRowValue, 'hungWindows'>, unreported: ProcessUnreportedValue | null | undefined): string | null {
  return row.hungWindows === null ? reasonFor(unreported, 'hungWindows') : null;
}

/** Each status part that is not known, as a sentence with main's reason ("Suspended or not: unknown (…)."). */
export function statusUnknowns(row: Pick<ProcessRowValue, 'suspendedThreads' | 'hungWindows'>, unreported: ProcessUnreportedValue | null | undefined): string[] {
  const unknowns: string[] = [];
  const suspended = suspendedUnknownReason(row, unreported);
  if (suspended) unknowns.push(`Suspended or not: unknown (${suspended}).`);
  const hung = notRespondingUnknownReason(row, unreported);
  if (hung) unknowns.push(`Not responding or not: unknown (${hung}).`);
  return unknowns;
}
