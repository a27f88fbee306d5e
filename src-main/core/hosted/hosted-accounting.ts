/**
 * A hosted service's job figures as the console shows them. The host reads its job's accounting with
 * QueryInformationJobObject and passes the numbers on; where the system leaves them 0 (Wine's job accounting:
 * CPU times and peaks, README, "What Wine proves and what waits for Windows") they are unknown, not zero. Decided by the Jobs tab's one rule
 * (core/jobs/accounting-unreported.ts), against the members' CPU and memory in the process table's latest
 * tick, looked up by the PIDs the host lists (no snapshot of its own).
 */
import { HOSTED_UNREPORTABLE_JOB_FIELDS, type HostedStatusValue, type HostedUnreportableJobField } from '../../../src-preload/contract/hosted-schemas';
import type { ProcessRowValue } from '../../../src-preload/contract/schemas';
import type { UnknownReasons } from '../../../src-preload/contract/unknown';
import type { AccountingReader, MemberFigures } from '../jobs/accounting-unreported';

/** The process table as of its last tick (ProcessCollector). */
export interface ProcessLookup {
  findByPid(pid: number): ProcessRowValue | undefined;
}

/** A status with the figures this system does not report made null, and why. */
export interface ShownHostedStatus {
  status: HostedStatusValue;
  unreported: UnknownReasons<HostedUnreportableJobField>;
}

/** Applies the accounting rule to hosted statuses (one per console: what is learned holds for every job). */
export class HostedAccounting {
  constructor(
    private readonly reader: AccountingReader,
    private readonly processes: ProcessLookup,
  ) {}

  /** The status as shown: unknown job figures null, with the reasons. */
  shown(status: HostedStatusValue): ShownHostedStatus {
    const job = status.job;
    if (job === null) return { status, unreported: {} };
    const members: MemberFigures[] = status.pids.map((pid) => {
      const row = this.processes.findByPid(pid);
      return {
        cpuPercent: row?.cpuPercent ?? null,
        workingSetBytes: row?.workingSetBytes ?? null,
        cpuTimeMs: row ? row.userTimeMs + row.kernelTimeMs : null,
        // The host creates the program suspended, assigns it to the job, then resumes it (CONTRACT.md): every
        // member started inside the job, so all of its CPU time is the job's.
        bornInJob: row !== undefined,
      };
    });
    const unknown = this.reader.unknownIn(job, members);
    const unreported: UnknownReasons<HostedUnreportableJobField> = {};
    const shownJob = { ...job };
    for (const field of HOSTED_UNREPORTABLE_JOB_FIELDS) {
      const reason = unknown[field];
      if (reason === undefined) continue;
      shownJob[field] = null;
      unreported[field] = reason;
    }
    return { status: { ...status, job: shownJob }, unreported };
  }
}
