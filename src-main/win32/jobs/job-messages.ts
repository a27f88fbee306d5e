/**
 * Completion-port packets of a job, in our words ("JOBOBJECT_ASSOCIATE_COMPLETION_PORT structure",
 * MSDN): the packet's byte count is the JOB_OBJECT_MSG_* code and, for the messages about one process,
 * its "overlapped" pointer is that process's ID. Pure, so it is unit-tested on Linux.
 */
import type { JobMessage } from '../../core/jobs/job-system';

/** JOB_OBJECT_MSG_* (winnt.h) and our name for each. */
export const JOB_MESSAGE_KINDS: ReadonlyMap<number, JobMessage['kind']> = new Map([
  [1, 'endOfJobTime'],
  [2, 'endOfProcessTime'],
  [3, 'activeProcessLimit'],
  [4, 'activeProcessZero'],
  [6, 'newProcess'],
  [7, 'exitProcess'],
  [8, 'abnormalExitProcess'],
  [9, 'processMemoryLimit'],
  [10, 'jobMemoryLimit'],
  [11, 'notificationLimit'],
]);

/** The messages whose overlapped value is a process ID (JOB_MEMORY_LIMIT: the process that went over). */
const NAMES_A_PROCESS: ReadonlySet<number> = new Set([2, 6, 7, 8, 9, 10]);

/** The message a packet carries; `overlapped` as koffi hands back the LPOVERLAPPED (a bigint, or null for NULL). */
export function jobMessageOf(code: number, overlapped: bigint | number | null): JobMessage {
  const kind = JOB_MESSAGE_KINDS.get(code) ?? 'other';
  const pid = NAMES_A_PROCESS.has(code) && overlapped !== null ? Number(BigInt(overlapped) & 0xffff_ffffn) : null;
  return { kind, code, pid };
}
