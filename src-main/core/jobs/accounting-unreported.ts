/**
 * Which job accounting figures this system does not fill in, decided from what it answers (unknown.ts's
 * rule 3; the one place that decides it for jobs). Windows keeps every figure; Wine 8 counts the processes
 * but leaves CPU times, page faults and the peaks at 0 and fails the I/O class with error 1 (README, "What Wine proves and what waits for Windows").
 * - I/O: JobObjectBasicAndIoAccountingInformation failed, so the six I/O figures are unknown, with the error.
 * - CPU times: a member used CPU while in the job (CPU % over the last tick, or any CPU time at all for a
 *   member that started inside the job), yet the job's user and kernel time are both still 0. Page faults come in the same answer
 *   (JOBOBJECT_BASIC_ACCOUNTING_INFORMATION), so a 0 there is unknown too.
 * - Peaks: a member has resident memory, whose commit Windows charges to the job when it joins, yet the
 *   job's peak memory is 0.
 * What is learned holds for every job (it is the system's way, not one job's) until a figure comes back
 * non-zero, which proves the system reports it.
 */
import type { JobAccountingFormValue, UnreportableAccountingField } from '../../../src-preload/contract/job-schemas';
import { notReportedBy, readFailed, type UnknownReasons } from '../../../src-preload/contract/unknown';
import type { JobAccounting } from './job-system';

/** What the process table says of the job's members now (null where it has no reading). */
export interface MemberFigures {
  cpuPercent: number | null;
  workingSetBytes: number | null;
  /** Its user + kernel time so far. */
  cpuTimeMs?: number | null;
  /** It started inside the job (launched into it, or a child of such): every ms of its CPU time is the job's. */
  bornInJob?: boolean;
}

const IO_FIELDS = ['readOperations', 'writeOperations', 'otherOperations', 'readBytes', 'writeBytes', 'otherBytes'] as const;
const BASIC_FIELDS = ['userTimeMs', 'kernelTimeMs', 'pageFaults'] as const;
const PEAK_FIELDS = ['peakProcessMemoryBytes', 'peakJobMemoryBytes'] as const;

/**
 * The figures the rule looks at, as one answer gave them: a job object's accounting (every figure), or a
 * hosted service's job as its host reports it (no page faults; a figure the host itself could not read is
 * null, which neither proves nor disproves anything).
 */
export interface ReportedFigures {
  userTimeMs: number | null;
  kernelTimeMs: number | null;
  pageFaults?: number | null;
  peakProcessMemoryBytes: number | null;
  peakJobMemoryBytes: number | null;
}

/** The figures the rule may find unknown. */
export type LearnedField = (typeof BASIC_FIELDS)[number] | (typeof PEAK_FIELDS)[number];

/** Turns what Windows answered into the contract's accounting: unknown figures null, with why. */
export class AccountingReader {
  private readonly learned: UnknownReasons<LearnedField> = {};

  constructor(private readonly platform: { underWine: boolean }) {}

  /**
   * Learns from one answer and the job's members now, and says which of the answer's figures are unknown
   * (a 0 this system is known not to fill in), with why. Used for the Jobs tab (shown) and hosted services.
   */
  unknownIn(raw: ReportedFigures, members: readonly MemberFigures[]): UnknownReasons<LearnedField> {
    const say = (what: string) => notReportedBy(what, this.platform.underWine);
    const nonZero = (v: number | null | undefined) => v !== null && v !== undefined && v !== 0;
    // A figure that is not 0 proves its answer is filled in: forget what was learned for that answer
    // (CPU times and page faults are one struct, the two peaks another).
    if (nonZero(raw.userTimeMs) || nonZero(raw.kernelTimeMs) || nonZero(raw.pageFaults)) for (const f of BASIC_FIELDS) delete this.learned[f];
    if (nonZero(raw.peakJobMemoryBytes) || nonZero(raw.peakProcessMemoryBytes)) for (const f of PEAK_FIELDS) delete this.learned[f];
    if (raw.userTimeMs === 0 && raw.kernelTimeMs === 0 && members.some((m) => (m.cpuPercent ?? 0) > 0 || (m.bornInJob === true && (m.cpuTimeMs ?? 0) > 0))) {
      this.learned.userTimeMs = say('job CPU times');
      this.learned.kernelTimeMs = say('job CPU times');
      if (raw.pageFaults === 0) this.learned.pageFaults = say('job page faults');
    }
    if (raw.peakJobMemoryBytes === 0 && members.some((m) => (m.workingSetBytes ?? 0) > 0)) {
      this.learned.peakJobMemoryBytes = say('job peak memory');
      if (raw.peakProcessMemoryBytes === 0) this.learned.peakProcessMemoryBytes = say('job peak memory');
    }
    const unknown: UnknownReasons<LearnedField> = {};
    for (const field of [...BASIC_FIELDS, ...PEAK_FIELDS]) {
      const reason = raw[field] === 0 ? this.learned[field] : undefined;
      if (reason !== undefined) unknown[field] = reason;
    }
    return unknown;
  }

  /** The accounting as the console shows it, from one answer and the job's members now. */
  shown(raw: JobAccounting, members: readonly MemberFigures[]): JobAccountingFormValue {
    const say = (what: string) => notReportedBy(what, this.platform.underWine);
    const unknown = this.unknownIn(raw, members);
    const unreported: UnknownReasons<UnreportableAccountingField> = { ...unknown };
    const known = (field: LearnedField): number | null => (unknown[field] === undefined ? raw[field] : null);
    if (raw.ioUnreadable) {
      const { win32Code, message } = raw.ioUnreadable;
      const reason = win32Code === 5 ? readFailed(5, undefined, 'I/O accounting') : `${say('job I/O accounting')} (error ${win32Code}${this.platform.underWine ? '' : `: ${message}`})`;
      for (const field of IO_FIELDS) unreported[field] = reason.slice(0, 512);
    }
    const io = (field: (typeof IO_FIELDS)[number]) => (raw.ioUnreadable ? null : raw[field]);
    return {
      activeProcesses: raw.activeProcesses,
      totalProcesses: raw.totalProcesses,
      terminatedProcesses: raw.terminatedProcesses,
      userTimeMs: known('userTimeMs'),
      kernelTimeMs: known('kernelTimeMs'),
      pageFaults: known('pageFaults'),
      readOperations: io('readOperations'),
      writeOperations: io('writeOperations'),
      otherOperations: io('otherOperations'),
      readBytes: io('readBytes'),
      writeBytes: io('writeBytes'),
      otherBytes: io('otherBytes'),
      peakProcessMemoryBytes: known('peakProcessMemoryBytes'),
      peakJobMemoryBytes: known('peakJobMemoryBytes'),
      unreported,
    };
  }
}
