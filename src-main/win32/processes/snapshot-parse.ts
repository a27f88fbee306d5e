/**
 * Decodes the output of NtQuerySystemInformation(SystemProcessInformation): a chain of
 * SYSTEM_PROCESS_INFORMATION entries linked by NextEntryOffset, each followed by its thread array
 * (and on Windows 10 RS3+ by SYSTEM_PROCESS_INFORMATION_EXTENSION), with ImageName.Buffer pointing
 * back into the same buffer. Pure: it reads a Buffer with offsets koffi computed from structs.ts (which
 * the layout test checks), so it is unit-tested on Linux with synthetic buffers and costs no koffi call
 * per entry at run time.
 */
import koffi from 'koffi';
import type { TypeObject } from 'koffi';
import type { RawProcess } from '../../core/processes/process-source';
import {
  IO_COUNTERS,
  PROCESS_DISK_COUNTERS,
  SYSTEM_PROCESS_INFORMATION,
  SYSTEM_PROCESS_INFORMATION_EXTENSION,
  SYSTEM_THREAD_INFORMATION,
  UNICODE_STRING,
  VM_COUNTERS,
} from '../structs';

/** What the RS3+ extension adds per process (System Informer's PH_PROCESS_EXTENSION fields we use). */
export interface ProcessExtension {
  diskReadBytes: number;
  diskWriteBytes: number;
  /** 0 when the process is in no job. */
  jobObjectId: number;
  /** Never reused while Windows runs, unlike the PID. */
  sequenceNumber: bigint;
}

/**
 * The processes of one snapshot; `extensions[i]` belongs to `processes[i]` (null where absent), and
 * each process that has one also carries its disk and job fields as RawProcess.extension.
 */
export interface ParsedSnapshot {
  processes: RawProcess[];
  /** null when the extension was not looked for (before RS3, under Wine). */
  extensions: (ProcessExtension | null)[] | null;
}

/** The kernel gives PID 0 no name; Task Manager and System Informer call it this. */
export const IDLE_PROCESS_NAME = 'System Idle Process';

const nested = (outer: TypeObject, field: string, inner: TypeObject, innerField: string) =>
  koffi.offsetof(outer, field) + koffi.offsetof(inner, innerField);

/** Field offsets, computed once from the bound structs. */
export const SNAPSHOT_LAYOUT = Object.freeze({
  entrySize: koffi.sizeof(SYSTEM_PROCESS_INFORMATION),
  threadSize: koffi.sizeof(SYSTEM_THREAD_INFORMATION),
  extensionSize: koffi.sizeof(SYSTEM_PROCESS_INFORMATION_EXTENSION),
  nextEntryOffset: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'NextEntryOffset'),
  numberOfThreads: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'NumberOfThreads'),
  createTime: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'CreateTime'),
  userTime: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'UserTime'),
  kernelTime: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'KernelTime'),
  nameLength: nested(SYSTEM_PROCESS_INFORMATION, 'ImageName', UNICODE_STRING, 'Length'),
  nameBuffer: nested(SYSTEM_PROCESS_INFORMATION, 'ImageName', UNICODE_STRING, 'Buffer'),
  basePriority: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'BasePriority'),
  pid: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'UniqueProcessId'),
  parentPid: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'InheritedFromUniqueProcessId'),
  handleCount: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'HandleCount'),
  sessionId: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'SessionId'),
  workingSet: nested(SYSTEM_PROCESS_INFORMATION, 'VirtualMemoryCounters', VM_COUNTERS, 'WorkingSetSize'),
  pagefile: nested(SYSTEM_PROCESS_INFORMATION, 'VirtualMemoryCounters', VM_COUNTERS, 'PagefileUsage'),
  privateBytes: koffi.offsetof(SYSTEM_PROCESS_INFORMATION, 'PrivatePageCount'),
  ioRead: nested(SYSTEM_PROCESS_INFORMATION, 'IoCounters', IO_COUNTERS, 'ReadTransferCount'),
  ioWrite: nested(SYSTEM_PROCESS_INFORMATION, 'IoCounters', IO_COUNTERS, 'WriteTransferCount'),
  ioOther: nested(SYSTEM_PROCESS_INFORMATION, 'IoCounters', IO_COUNTERS, 'OtherTransferCount'),
  extDiskRead: nested(SYSTEM_PROCESS_INFORMATION_EXTENSION, 'DiskCounters', PROCESS_DISK_COUNTERS, 'BytesRead'),
  extDiskWrite: nested(SYSTEM_PROCESS_INFORMATION_EXTENSION, 'DiskCounters', PROCESS_DISK_COUNTERS, 'BytesWritten'),
  extJobObjectId: koffi.offsetof(SYSTEM_PROCESS_INFORMATION_EXTENSION, 'JobObjectId'),
  extSequenceNumber: koffi.offsetof(SYSTEM_PROCESS_INFORMATION_EXTENSION, 'ProcessSequenceNumber'),
  threadState: koffi.offsetof(SYSTEM_THREAD_INFORMATION, 'ThreadState'),
  threadWaitReason: koffi.offsetof(SYSTEM_THREAD_INFORMATION, 'WaitReason'),
});

/** KTHREAD_STATE Waiting (phnt ntkeapi.h). */
export const THREAD_STATE_WAITING = 5;
/** KWAIT_REASON Suspended (phnt ntkeapi.h). */
export const WAIT_REASON_SUSPENDED = 5;

/**
 * The threads of one entry that wait with reason Suspended (`ThreadState == StateWait && WaitReason ==
 * Suspended`), and whether any thread state was filled in at all. A process is suspended when every one of
 * its threads is: System Informer's rule (SystemInformer/procprv.c, PhpIsProcessSuspended), and what Task
 * Manager's "Suspended" status means. Wine 8 leaves ThreadState and WaitReason 0 (Initialized) in every
 * entry; on Windows at least the thread making the call is Running, so all-zero states mean "not reported".
 */
function threadStates(buffer: Buffer, threadsAt: number, threadCount: number): { suspendedThreads: number; threadStateSeen: boolean } {
  let suspendedThreads = 0;
  let threadStateSeen = false;
  for (let i = 0; i < threadCount; i++) {
    const at = threadsAt + i * L.threadSize;
    const state = buffer.readUInt32LE(at + L.threadState);
    const reason = buffer.readUInt32LE(at + L.threadWaitReason);
    if (state !== 0 || reason !== 0) threadStateSeen = true;
    if (state === THREAD_STATE_WAITING && reason === WAIT_REASON_SUSPENDED) suspendedThreads++;
  }
  return { suspendedThreads, threadStateSeen };
}

const L = SNAPSHOT_LAYOUT;

/** An unsigned 64-bit field as a number (exact below 2^53 bytes, i.e. 8 PB). */
function u64(buffer: Buffer, offset: number): number {
  return buffer.readUInt32LE(offset) + buffer.readUInt32LE(offset + 4) * 0x1_0000_0000;
}

function readExtension(buffer: Buffer, at: number): ProcessExtension {
  return {
    diskReadBytes: u64(buffer, at + L.extDiskRead),
    diskWriteBytes: u64(buffer, at + L.extDiskWrite),
    jobObjectId: buffer.readUInt32LE(at + L.extJobObjectId),
    sequenceNumber: buffer.readBigUInt64LE(at + L.extSequenceNumber),
  };
}

/**
 * Decodes `length` bytes of `buffer`, which lives at native address `bufferAddress` (ImageName.Buffer
 * is an absolute pointer into it). With `lookForExtension`, an entry's extension is read only when
 * the entry really has room for it between its thread array and its name (or its end): pre-RS3
 * Windows and Wine put the name right after the threads, so a wrong guess about the OS cannot make
 * us read a name or the next entry as counters. A process with an extension gets it as `extension`
 * (the RawProcess field the core reads); one without has no such property. Throws on a chain that
 * leaves the buffer.
 */
export function parseProcessSnapshot(buffer: Buffer, length: number, bufferAddress: bigint, lookForExtension: boolean): ParsedSnapshot {
  const processes: RawProcess[] = [];
  const extensions: (ProcessExtension | null)[] | null = lookForExtension ? [] : null;
  let at = 0;
  for (;;) {
    if (at + L.entrySize > length) throw new Error(`SYSTEM_PROCESS_INFORMATION at ${at} runs past the ${length} bytes returned`);
    const next = buffer.readUInt32LE(at + L.nextEntryOffset);
    const entryEnd = next === 0 ? length : at + next;
    const threadCount = buffer.readUInt32LE(at + L.numberOfThreads);
    const threadsEnd = at + L.entrySize + threadCount * L.threadSize;
    if (threadsEnd > length) throw new Error(`process entry at ${at}: its ${threadCount} threads run past the ${length} bytes returned`);
    const pid = buffer.readUInt32LE(at + L.pid);

    let name = '';
    let nameStart = entryEnd;
    const nameBytes = buffer.readUInt16LE(at + L.nameLength);
    const namePointer = buffer.readBigUInt64LE(at + L.nameBuffer);
    if (nameBytes > 0 && namePointer !== 0n) {
      nameStart = Number(namePointer - bufferAddress);
      if (nameStart < 0 || nameStart + nameBytes > length) throw new Error(`process ${pid}: ImageName points outside the snapshot buffer`);
      name = buffer.toString('utf16le', nameStart, nameStart + nameBytes);
    }
    if (pid === 0 && name === '') name = IDLE_PROCESS_NAME;

    const process: RawProcess = {
      pid,
      parentPid: buffer.readUInt32LE(at + L.parentPid),
      name,
      createTime: buffer.readBigInt64LE(at + L.createTime),
      sessionId: buffer.readUInt32LE(at + L.sessionId),
      basePriority: buffer.readInt32LE(at + L.basePriority),
      threadCount,
      ...threadStates(buffer, at + L.entrySize, threadCount),
      handleCount: buffer.readUInt32LE(at + L.handleCount),
      workingSetBytes: u64(buffer, at + L.workingSet),
      privateBytes: u64(buffer, at + L.privateBytes),
      pagefileBytes: u64(buffer, at + L.pagefile),
      userTime: buffer.readBigInt64LE(at + L.userTime),
      kernelTime: buffer.readBigInt64LE(at + L.kernelTime),
      ioReadBytes: u64(buffer, at + L.ioRead),
      ioWriteBytes: u64(buffer, at + L.ioWrite),
      ioOtherBytes: u64(buffer, at + L.ioOther),
    };
    if (extensions) {
      // The extension sits between the thread array and the name (or the entry's end).
      const room = (nameStart >= threadsEnd ? Math.min(entryEnd, nameStart) : entryEnd) - threadsEnd;
      const extension = room >= L.extensionSize ? readExtension(buffer, threadsEnd) : null;
      extensions.push(extension);
      // The core's view of it; left absent (not undefined-valued) where there is none, as under Wine.
      if (extension) process.extension = { diskReadBytes: extension.diskReadBytes, diskWriteBytes: extension.diskWriteBytes, jobObjectId: extension.jobObjectId };
    }
    processes.push(process);
    if (next === 0) break;
    at += next;
  }
  return { processes, extensions };
}
