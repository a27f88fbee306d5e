/**
 * The process list, as System Informer reads it every tick: ONE NtQuerySystemInformation
 * (SystemProcessInformation) call into a buffer kept between calls, decoded in place
 * (snapshot-parse.ts). The buffer grows on STATUS_INFO_LENGTH_MISMATCH to the size the call asks for
 * plus headroom, so processes started between two ticks do not cost a second call on the next one.
 */
import koffi from 'koffi';
import { STATUS_BUFFER_TOO_SMALL, STATUS_INFO_LENGTH_MISMATCH, SystemProcessInformation, ntdll } from '../ntdll';
import { getSystemIdentity } from '../system';
import { Win32Error, ntSuccess } from '../win32-error';
import type { ParsedSnapshot } from './snapshot-parse';
import { parseProcessSnapshot } from './snapshot-parse';

/** Room for ~300 processes before the first growth (System Informer starts at 16 KB and learns). */
const INITIAL_BYTES = 256 * 1024;
/** A machine starting processes faster than this between two calls just takes another round. */
const MAX_ATTEMPTS = 5;
/** RS3 (1709): the first build whose process entries carry SYSTEM_PROCESS_INFORMATION_EXTENSION. */
const RS3_BUILD = 16299;

let buffer: Buffer | undefined;

/** What the snapshot has cost so far: the bench reports calls per tick and the buffer kept. */
export const processSnapshotStats = {
  /** NtQuerySystemInformation calls made (one per snapshot in steady state). */
  calls: 0,
  /** Snapshots taken. */
  snapshots: 0,
  /** Bytes of the buffer kept between calls. */
  bufferBytes: 0,
  /** Bytes the last call returned. */
  lastReturnedBytes: 0,
};

function allocate(bytes: number): Buffer {
  // 25 % headroom, rounded up to 64 KB: growth is rare and the buffer is reused for good.
  const size = Math.ceil((bytes * 1.25) / 65536) * 65536;
  processSnapshotStats.bufferBytes = size;
  return (buffer = Buffer.alloc(size));
}

let lookForExtension: boolean | undefined;

/**
 * System Informer's rule (procprv.c: WindowsVersion >= WINDOWS_10_RS3 && !WOW64): the extension is
 * there from RS3 on. Wine reports Windows 10 but appends none, and we are never WOW64 (x64 only).
 * The parser still checks each entry has room for it, so this only saves the look on older systems.
 */
function extensionExpected(): boolean {
  if (lookForExtension === undefined) {
    const { windowsVersion, wineVersion } = getSystemIdentity();
    lookForExtension = wineVersion === null && windowsVersion.major >= 10 && windowsVersion.build >= RS3_BUILD;
  }
  return lookForExtension;
}

/** Replaces the kept buffer with one of `bytes` (tests use it to force the growth path; the bench to start cold). */
export function resizeSnapshotBuffer(bytes: number): void {
  buffer = Buffer.alloc(bytes);
  processSnapshotStats.bufferBytes = bytes;
}

/** One snapshot with the RS3+ extension where Windows provides it. Throws a Win32Error if the call fails. */
export function readProcessSnapshot(): ParsedSnapshot {
  const nt = ntdll();
  let current = buffer ?? allocate(INITIAL_BYTES);
  const returned: [number] = [0];
  processSnapshotStats.snapshots++;
  for (let attempt = 1; ; attempt++) {
    processSnapshotStats.calls++;
    const status = nt.NtQuerySystemInformation(SystemProcessInformation, current, current.length, returned);
    if (ntSuccess(status)) break;
    if ((status !== STATUS_INFO_LENGTH_MISMATCH && status !== STATUS_BUFFER_TOO_SMALL) || attempt === MAX_ATTEMPTS) {
      throw Win32Error.fromNtStatus('NtQuerySystemInformation', status);
    }
    current = allocate(Math.max(returned[0], current.length));
  }
  processSnapshotStats.lastReturnedBytes = returned[0];
  return parseProcessSnapshot(current, returned[0], koffi.address(current), extensionExpected());
}
