/**
 * What a job holds and has done: limits written and read back per information class, accounting and
 * the member list ("SetInformationJobObject" / "QueryInformationJobObject", jobapi2.h). The struct
 * conversions are limit-encode.ts's.
 */
import koffi from 'koffi';
import type { TypeObject } from 'koffi';
import type { JobAccounting, JobLimits, JobObject } from '../../core/jobs/job-system';
import { ERROR_MORE_DATA, kernel32 } from '../kernel32';
import {
  JOBOBJECT_BASIC_ACCOUNTING_INFORMATION,
  JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION,
  JOBOBJECT_BASIC_PROCESS_ID_LIST,
  JOBOBJECT_BASIC_UI_RESTRICTIONS,
  JOBOBJECT_CPU_RATE_CONTROL_INFORMATION,
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION,
} from '../structs';
import { Win32Error } from '../win32-error';
import type { CpuRateFields, ExtendedLimitFields, Wide } from './limit-encode';
import { decodeCpuRate, decodeExtendedLimits, decodeUiRestrictions, encodeCpuRate, encodeExtendedLimits, encodeUiRestrictions, noLimits } from './limit-encode';
import { asWin32Job } from './job-objects';

/** JOBOBJECTINFOCLASS values (winnt.h). */
export const JobObjectInfoClass = Object.freeze({
  BasicAccountingInformation: 1,
  BasicProcessIdList: 3,
  BasicUIRestrictions: 4,
  AssociateCompletionPortInformation: 7,
  BasicAndIoAccountingInformation: 8,
  ExtendedLimitInformation: 9,
  CpuRateControlInformation: 15,
});

/** One information class: its number, its struct and its name in the admin's words (for messages and `unreadable`). */
interface InfoClass {
  id: number;
  type: TypeObject;
  /** Also the part before ":" in readLimits' `unreadable` entries, which the core maps to fields. */
  part: string;
}

const EXTENDED: InfoClass = { id: JobObjectInfoClass.ExtendedLimitInformation, type: JOBOBJECT_EXTENDED_LIMIT_INFORMATION, part: 'extended limits' };
const UI: InfoClass = { id: JobObjectInfoClass.BasicUIRestrictions, type: JOBOBJECT_BASIC_UI_RESTRICTIONS, part: 'UI restrictions' };
const CPU_RATE: InfoClass = { id: JobObjectInfoClass.CpuRateControlInformation, type: JOBOBJECT_CPU_RATE_CONTROL_INFORMATION, part: 'CPU rate' };
const BASIC_AND_IO: InfoClass = { id: JobObjectInfoClass.BasicAndIoAccountingInformation, type: JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION, part: 'accounting' };
const BASIC_ACCOUNTING: InfoClass = { id: JobObjectInfoClass.BasicAccountingInformation, type: JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, part: 'basic accounting' };

/** Advice appended when a class fails, where the reason is known. */
const ADVICE: Partial<Record<string, string>> = {
  [CPU_RATE.part]: 'CPU rate control needs Windows 8 or later and is refused while Dynamic Fair Share Scheduling is on (Remote Desktop Session Host)',
};

/** "SetInformationJobObject(<job>, CPU rate)": names the job and the class in every failure. */
const fnName = (fn: string, job: string, info: InfoClass) => `${fn}(${job}, ${info.part})`;

function setInfo(job: bigint, jobName: string, info: InfoClass, value: unknown): void {
  const buffer = Buffer.alloc(koffi.sizeof(info.type));
  koffi.encode(buffer, info.type, value);
  if (!kernel32().SetInformationJobObject(job, info.id, buffer, buffer.length)) {
    const error = Win32Error.fromLastError(fnName('SetInformationJobObject', jobName, info));
    const advice = ADVICE[info.part];
    throw advice ? error.withAdvice(advice) : error;
  }
}

function queryInfo<T>(job: bigint, jobName: string, info: InfoClass): T {
  const buffer = Buffer.alloc(koffi.sizeof(info.type));
  if (!kernel32().QueryInformationJobObject(job, info.id, buffer, buffer.length, null)) {
    throw Win32Error.fromLastError(fnName('QueryInformationJobObject', jobName, info));
  }
  return koffi.decode(buffer, info.type) as T;
}

/**
 * Applies `limits`, one information class after the other: extended limits (always, so limits left out
 * are cleared), UI restrictions (always, 0 clears them), then CPU rate control (only when asked for, or
 * to switch off a rate the job holds: Wine and pre-8 Windows have no such class). A class that fails does
 * not stop the next; afterwards the first failure is thrown as a Win32Error naming the job and the class
 * and keeping its GetLastError code, with what else failed and that the rest was applied.
 */
export function setJobLimits(job: JobObject, limits: JobLimits, options: { preserveJobTime?: boolean } = {}): void {
  const j = asWin32Job(job);
  const handle = j.value;
  const failures: Win32Error[] = [];
  const attempt = (apply: () => void) => {
    try {
      apply();
    } catch (err) {
      if (!(err instanceof Win32Error)) throw err;
      failures.push(err);
    }
  };
  attempt(() => setInfo(handle, j.name, EXTENDED, encodeExtendedLimits(limits, options)));
  attempt(() => setInfo(handle, j.name, UI, { UIRestrictionsClass: encodeUiRestrictions(limits.uiRestrictions) }));
  attempt(() => {
    if (limits.cpuRate === null && !holdsCpuRate(handle, j.name)) return;
    setInfo(handle, j.name, CPU_RATE, encodeCpuRate(limits.cpuRate));
  });
  const [first, ...others] = failures;
  if (!first) return;
  const applied = 3 - failures.length;
  const rest = others.map((e) => e.message).join('; ');
  throw first.withAdvice(`${rest ? `also ${rest}; ` : ''}${applied === 0 ? 'no limit was applied' : 'the other limits were applied'}`);
}

/** True when the job has CPU rate control on; false also when the class cannot be read (then there is none to switch off). */
function holdsCpuRate(job: bigint, jobName: string): boolean {
  try {
    return decodeCpuRate(queryInfo<CpuRateFields>(job, jobName, CPU_RATE)).cpuRate !== null;
  } catch (err) {
    if (err instanceof Win32Error) return false;
    throw err;
  }
}

/**
 * The limits the job holds, per information class; a class that cannot be read is listed in
 * `unreadable` as "<part>: <message>" (e.g. "CPU rate: QueryInformationJobObject(...) failed: ... (error
 * 87)") and its limits left at "not set". A setting the editor cannot express is listed the same way.
 */
export function readJobLimits(job: JobObject): { limits: JobLimits; unreadable: string[] } {
  const j = asWin32Job(job);
  const handle = j.value;
  const limits = noLimits();
  const unreadable: string[] = [];
  const read = (info: InfoClass, apply: (value: never) => void) => {
    try {
      apply(queryInfo<never>(handle, j.name, info));
    } catch (err) {
      if (!(err instanceof Win32Error)) throw err;
      unreadable.push(`${info.part}: ${err.message}`);
    }
  };
  read(EXTENDED, (info: ExtendedLimitFields) => Object.assign(limits, decodeExtendedLimits(info)));
  read(UI, (info: { UIRestrictionsClass: number }) => (limits.uiRestrictions = decodeUiRestrictions(info.UIRestrictionsClass)));
  read(CPU_RATE, (info: CpuRateFields) => {
    const { cpuRate, note } = decodeCpuRate(info);
    limits.cpuRate = cpuRate;
    if (note) unreadable.push(`${CPU_RATE.part}: ${note}`);
  });
  return { limits, unreadable };
}

interface BasicAccountingFields {
  TotalUserTime: Wide;
  TotalKernelTime: Wide;
  TotalPageFaultCount: number;
  TotalProcesses: number;
  ActiveProcesses: number;
  TotalTerminatedProcesses: number;
}

interface IoCountersFields {
  ReadOperationCount: Wide;
  WriteOperationCount: Wide;
  OtherOperationCount: Wide;
  ReadTransferCount: Wide;
  WriteTransferCount: Wide;
  OtherTransferCount: Wide;
}

/**
 * JobObjectBasicAndIoAccountingInformation, or where that class fails (Wine 8: error 1) the basic
 * accounting with the I/O figures null and the failure in `ioUnreadable` (unknown, not zero); the peaks
 * from the extended limit information.
 */
export function jobAccounting(job: JobObject): JobAccounting {
  const j = asWin32Job(job);
  const handle = j.value;
  let basic: BasicAccountingFields;
  let io: IoCountersFields | null;
  let ioUnreadable: JobAccounting['ioUnreadable'] = null;
  try {
    const both = queryInfo<{ BasicInfo: BasicAccountingFields; IoInfo: IoCountersFields }>(handle, j.name, BASIC_AND_IO);
    basic = both.BasicInfo;
    io = both.IoInfo;
  } catch (err) {
    if (!(err instanceof Win32Error)) throw err;
    basic = queryInfo<BasicAccountingFields>(handle, j.name, BASIC_ACCOUNTING);
    io = null;
    ioUnreadable = { win32Code: err.win32Code, message: err.message };
  }
  const count = (value: Wide | undefined) => (value === undefined ? null : Number(value));
  const extended = queryInfo<ExtendedLimitFields>(handle, j.name, EXTENDED);
  const ms = (ticks: Wide) => Number(ticks) / 10_000;
  return {
    activeProcesses: basic.ActiveProcesses,
    totalProcesses: basic.TotalProcesses,
    terminatedProcesses: basic.TotalTerminatedProcesses,
    userTimeMs: ms(basic.TotalUserTime),
    kernelTimeMs: ms(basic.TotalKernelTime),
    pageFaults: basic.TotalPageFaultCount,
    readOperations: count(io?.ReadOperationCount),
    writeOperations: count(io?.WriteOperationCount),
    otherOperations: count(io?.OtherOperationCount),
    readBytes: count(io?.ReadTransferCount),
    writeBytes: count(io?.WriteTransferCount),
    otherBytes: count(io?.OtherTransferCount),
    ioUnreadable,
    peakProcessMemoryBytes: Number(extended.PeakProcessMemoryUsed),
    peakJobMemoryBytes: Number(extended.PeakJobMemoryUsed),
  };
}

/** PIDs the first list buffer has room for; it grows to what the job reports when that is not enough. */
const INITIAL_PID_CAPACITY = 64;
const PID_LIST_HEADER = koffi.offsetof(JOBOBJECT_BASIC_PROCESS_ID_LIST, 'ProcessIdList');

/**
 * JobObjectBasicProcessIdList: the PIDs in the job now. A buffer too small fails with ERROR_MORE_DATA
 * and still says how many processes there are (NumberOfAssignedProcesses), so it is grown to that (with
 * room for a few starting meanwhile) and read again.
 */
export function jobMemberPids(job: JobObject): number[] {
  const j = asWin32Job(job);
  let capacity = INITIAL_PID_CAPACITY;
  for (let attempt = 0; ; attempt++) {
    const buffer = Buffer.alloc(PID_LIST_HEADER + capacity * 8);
    if (kernel32().QueryInformationJobObject(j.value, JobObjectInfoClass.BasicProcessIdList, buffer, buffer.length, null)) {
      const listed = buffer.readUInt32LE(4);
      return Array.from({ length: listed }, (_, i) => Number(buffer.readBigUInt64LE(PID_LIST_HEADER + i * 8)));
    }
    const error = Win32Error.fromLastError(`QueryInformationJobObject(${j.name}, process list)`);
    if (error.win32Code !== ERROR_MORE_DATA || attempt >= 5) throw error;
    capacity = Math.max(capacity * 2, buffer.readUInt32LE(0) + 16);
  }
}
