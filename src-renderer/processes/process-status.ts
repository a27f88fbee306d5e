/**
 * The Status column: what state a process is in, in words (never colour alone): Suspended (every thread
 * waits with reason Suspended, read from the one snapshot per tick), and the job it is in, naming the
 * console's own jobs. "Running" when neither; unknown (with main's reason) when the system does not report
 * thread states and nothing else is known. Pure, unit tested in node.
 */
import type { ProcessRowValue, ProcessUnreportedValue } from '../../src-preload/contract/schemas';
import { reasonFor } from '../../src-preload/contract/unknown';
import { jobMembership, jobNames, type ConsoleJobMembers, type JobFields } from '../jobs/console-job-members';

/** The row fields the status reads. */
export type StatusFields = JobFields & Pick<ProcessRowValue, 'threadCount' | 'suspendedThreads'>;

/** True when every thread is suspended; null when the system does not report thread states. */
export function isSuspended(row: Pick<ProcessRowValue, 'threadCount' | 'suspendedThreads'>): boolean | null {
  if (row.suspendedThreads === null) return null;
  return row.threadCount > 0 && row.suspendedThreads === row.threadCount;
}

/** One status, as shown (a word or two) and as read out or hovered (a sentence). */
export interface StatusPart {
  readonly kind: 'suspended' | 'job' | 'otherJob' | 'running';
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
