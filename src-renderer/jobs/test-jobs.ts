/** Job rows, events and snapshots for unit tests (typed by the contract, so they stay in step with it). */
import type { JobAccountingFormValue, JobEventValue, JobRowValue, JobsSnapshotValue } from '../../src-preload/contract/job-schemas';
import { noLimits } from './limit-form';

/** Accounting with every count zero, then `over`. */
export function testAccounting(over: Partial<JobAccountingFormValue> = {}): JobAccountingFormValue {
  return {
    activeProcesses: 0,
    totalProcesses: 0,
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
    peakProcessMemoryBytes: 0,
    peakJobMemoryBytes: 0,
    unreported: {},
    ...over,
  };
}

/** An open console job with no members and no limits, then `over`. */
export function testJob(name: string, over: Partial<JobRowValue> = {}): JobRowValue {
  return {
    name,
    origin: 'console',
    open: true,
    template: null,
    members: [],
    accounting: testAccounting(),
    accountingUnreadable: null,
    limitsAsked: noLimits(),
    limitsHeld: noLimits(),
    limitsUnreadable: null,
    limitsUnreported: {},
    differences: [],
    ...over,
  };
}

/** An event of `job`. */
export function testEvent(id: number, job: string, kind: JobEventValue['kind'], over: Partial<JobEventValue> = {}): JobEventValue {
  return { id, time: 1_000 * id, job, kind, pid: null, text: `${kind} ${id}`, important: false, ...over };
}

/** A snapshot. */
export function testJobsSnapshot(time: number, jobs: JobRowValue[], events: JobEventValue[] = []): JobsSnapshotValue {
  return { time, jobs, events, templates: [] };
}
