/**
 * Which process numbers this system does not fill in, decided from what one snapshot actually answers
 * (unknown.ts's rule 3: the one place that decides it for processes). A field is "not reported" only when
 * the snapshot holds a witness that cannot have a real zero, and every process says zero:
 * - private bytes: every process with resident pages has private ones (its stack and heap), so private
 *   bytes 0 for every process with a working set means the field is left empty (Wine 8 does this);
 * - I/O counters (read, write, other): this console has read its own files, so all three at 0 for every
 *   process, the console's own included, means the IO_COUNTERS block is left empty (Wine 8);
 * - base priority: every process but Idle runs at the base a priority class gives (KPRIORITY 4, 6, 8, 10,
 *   13 or 24, MSDN "Scheduling Priorities"); when none does, the field holds something else (Wine 8 puts
 *   2, its PROCESS_PRIOCLASS_NORMAL, in every entry);
 * - disk bytes and job id: they exist only in the Windows 10 RS3+ extension after each entry; when no
 *   entry carries one, they are not reported.
 * - suspended threads: the console's thread taking the snapshot is Running (state 2), so when no thread of
 *   any process, the console's own included, has a state or wait reason (all 0: "Initialized",
 *   "Executive"), thread states are left empty (Wine 8) and whether a process is suspended is unknown.
 * One process that reports a value proves the field is filled in: its zeros elsewhere are real.
 */
import type { UnreportableProcessField } from '../../../src-preload/contract/process-fields';
import { notReportedBy, type UnknownReasons } from '../../../src-preload/contract/unknown';
import type { RawProcess } from './process-source';

/** The base priorities SetPriorityClass gives (idle, below normal, normal, above normal, high, realtime). */
const PRIORITY_CLASS_BASES: ReadonlySet<number> = new Set([4, 6, 8, 10, 13, 24]);

/** What the system is, for the reasons' wording. */
export interface ReportingContext {
  /** This console's own processes: they have certainly done I/O. */
  consolePids: ReadonlySet<number>;
  underWine: boolean;
}

/** Field -> reason for every field the snapshot shows this system does not report; empty when all are. */
export function unreportedProcessFields(processes: readonly RawProcess[], context: ReportingContext): UnknownReasons<UnreportableProcessField> {
  let privateWitness = false;
  let privateReported = false;
  let ioWitness = false;
  let ioReported = false;
  let priorityWitness = false;
  let priorityReported = false;
  let extension = false;
  let threadStateSeen = false;
  for (const p of processes) {
    if (p.workingSetBytes > 0) privateWitness = true;
    if (p.privateBytes > 0) privateReported = true;
    if (context.consolePids.has(p.pid)) ioWitness = true;
    if (p.ioReadBytes > 0 || p.ioWriteBytes > 0 || p.ioOtherBytes > 0) ioReported = true;
    if (p.pid !== 0) priorityWitness = true;
    if (p.pid !== 0 && PRIORITY_CLASS_BASES.has(p.basePriority)) priorityReported = true;
    if (p.extension) extension = true;
    if (p.threadStateSeen) threadStateSeen = true;
  }
  const reasons: UnknownReasons<UnreportableProcessField> = {};
  const say = (what: string) => notReportedBy(what, context.underWine);
  if (privateWitness && !privateReported) reasons.privateBytes = say('private bytes');
  if (priorityWitness && !priorityReported) reasons.basePriority = say('base priority');
  if (ioWitness && !ioReported) {
    reasons.ioReadBytes = say('I/O read bytes');
    reasons.ioWriteBytes = say('I/O write bytes');
    reasons.ioOtherBytes = say('I/O other bytes');
  }
  if (ioWitness && !threadStateSeen) reasons.suspendedThreads = say('thread states (so whether a process is suspended)');
  if (processes.length > 0 && !extension) {
    const where = context.underWine ? '' : ' (they come with Windows 10 version 1709 and later)';
    reasons.diskReadBytes = say(`disk read bytes${where}`);
    reasons.diskWriteBytes = say(`disk write bytes${where}`);
    reasons.jobObjectId = say(`the job id of a process${where}`);
  }
  return reasons;
}
