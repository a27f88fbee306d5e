/**
 * What the process table shows once per process lifetime (the core caches it by PID and creation
 * time): full image path, command line, user, job membership and whether the process is critical. Each field is read on its own, so
 * a process that withholds one (a protected process gives no PROCESS_VM_READ) still shows the rest,
 * and `error` says what could not be read and why. A process caught while it is still starting
 * (its command line not written yet) is `incomplete`, not an error: the core reads it again on a
 * later tick instead of caching a half-read process. Never throws.
 */
import type { ProcessDetails } from '../../core/processes/process-source';
import type { OwnedHandle } from '../handles';
import { closeQuietly, openProcess } from '../handles';
import type { FileTime } from '../kernel32';
import { PROCESS_QUERY_INFORMATION, PROCESS_QUERY_LIMITED_INFORMATION, PROCESS_VM_READ, kernel32 } from '../kernel32';
import { ProcessBreakOnTermination, ntdll } from '../ntdll';
import { ERROR_ACCESS_DENIED, Win32Error, ntSuccess } from '../win32-error';
import { StillStartingError, readCommandLine } from './command-line';
import { readProcessUser } from './process-user';

/** MAX_PATH is not the limit: long paths go to 32767 characters. Reused between calls. */
const PATH_CAPACITY_WCHARS = 32768;
const pathBuffer = Buffer.alloc(PATH_CAPACITY_WCHARS * 2);

/** QueryFullProcessImageNameW, Win32 form ("C:\Windows\System32\svchost.exe"). */
export function readImagePath(process: OwnedHandle): string {
  const size: [number] = [PATH_CAPACITY_WCHARS];
  if (!kernel32().QueryFullProcessImageNameW(process.value, 0, pathBuffer, size)) throw Win32Error.fromLastError('QueryFullProcessImageNameW');
  return pathBuffer.toString('utf16le', 0, size[0] * 2);
}

/** IsProcessInJob(process, NULL): in any job at all. */
export function readInJob(process: OwnedHandle): boolean {
  const result: [number] = [0];
  if (!kernel32().IsProcessInJob(process.value, null, result)) throw Win32Error.fromLastError('IsProcessInJob');
  return result[0] !== 0;
}

/** Reused: the answer is one ULONG. */
const breakOnTerminationBuffer = Buffer.alloc(4);

/**
 * NtQueryInformationProcess(ProcessBreakOnTermination): whether the kernel marks the process
 * critical (RtlSetProcessIsCritical; csrss, wininit, smss, services): ending it bugchecks Windows
 * (CRITICAL_PROCESS_DIED). null when it cannot be read: a handle without the query right a given
 * Windows wants for this class, or a system that does not know the class. Wine 8 answers
 * STATUS_INVALID_INFO_CLASS for class 29 (no process is critical there), so under Wine this is null.
 */
export function readBreakOnTermination(process: OwnedHandle): boolean | null {
  const returned: [number] = [0];
  breakOnTerminationBuffer.writeUInt32LE(0, 0);
  const status = ntdll().NtQueryInformationProcess(process.value, ProcessBreakOnTermination, breakOnTerminationBuffer, 4, returned);
  if (!ntSuccess(status)) return null;
  return breakOnTerminationBuffer.readUInt32LE(0) !== 0;
}

/** The creation time (FILETIME, 100-ns since 1601) of an open process. */
export function readCreateTime(process: OwnedHandle): bigint {
  const creation = {} as FileTime;
  const unused = [{}, {}, {}] as FileTime[];
  if (!kernel32().GetProcessTimes(process.value, creation, unused[0]!, unused[1]!, unused[2]!)) throw Win32Error.fromLastError('GetProcessTimes');
  return (BigInt(creation.dwHighDateTime >>> 0) << 32n) | BigInt(creation.dwLowDateTime >>> 0);
}

function why(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const nothing = (error: string): ProcessDetails => ({
  imagePath: null,
  commandLine: null,
  user: null,
  inJob: null,
  breakOnTermination: null,
  error,
  incomplete: false,
});

/**
 * Opens with PROCESS_QUERY_INFORMATION | PROCESS_VM_READ (the PEB route needs VM_READ, and Wine 8's
 * IsProcessInJob insists on the full query right, answering 5 to a limited handle although MSDN
 * allows it); where that is denied (protected processes), PROCESS_QUERY_LIMITED_INFORMATION alone
 * still gives path, user, job and, on Windows 8.1+, the command line.
 */
function openForDetails(pid: number): OwnedHandle {
  try {
    return openProcess(pid, PROCESS_QUERY_INFORMATION | PROCESS_VM_READ);
  } catch (err) {
    if (!(err instanceof Win32Error && err.dosError === ERROR_ACCESS_DENIED)) throw err;
    return openProcess(pid, PROCESS_QUERY_LIMITED_INFORMATION);
  }
}

/** How each detail of one open process is read; any of them may throw. */
export interface DetailReaders {
  imagePath(): string;
  commandLine(): string;
  user(): string;
  inJob(): boolean;
  /** null when it cannot be read: that is no error (see readBreakOnTermination). */
  breakOnTermination(): boolean | null;
}

/**
 * Reads each detail on its own: a failure becomes null plus a line in `error`, except a process
 * caught still starting (StillStartingError), which is `incomplete` and no error at all, and the
 * critical flag, which is null without an error when it cannot be read (the core ORs it in).
 */
export function collectDetails(read: DetailReaders): ProcessDetails {
  const errors: string[] = [];
  let incomplete = false;
  const field = <T>(name: string, get: () => T): T | null => {
    try {
      return get();
    } catch (err) {
      if (err instanceof StillStartingError) incomplete = true;
      else errors.push(`${name}: ${why(err)}`);
      return null;
    }
  };
  const quiet = <T>(get: () => T | null): T | null => {
    try {
      return get();
    } catch {
      return null;
    }
  };
  return {
    imagePath: field('image path', read.imagePath),
    commandLine: field('command line', read.commandLine),
    user: field('user', read.user),
    inJob: field('job', read.inJob),
    breakOnTermination: quiet(read.breakOnTermination),
    error: errors.length ? errors.join('; ') : null,
    incomplete,
  };
}

/**
 * Details of the process (pid, createTime). The handle is checked to be that process first:
 * GetProcessTimes' creation time is exact for another process under Wine too (only its CPU times
 * are the caller's there), and one call on the handle we hold is far cheaper than a snapshot per
 * process. createTime 0 (Idle, System) is not checked: those PIDs are never reused.
 */
export function readProcessDetails(pid: number, createTime: bigint): ProcessDetails {
  let process: OwnedHandle;
  try {
    process = openForDetails(pid);
  } catch (err) {
    return nothing(`cannot open process ${pid}: ${why(err)}`);
  }
  try {
    if (createTime !== 0n) {
      try {
        if (readCreateTime(process) !== createTime) return nothing(`process has exited / PID reused: PID ${pid} now names another process`);
      } catch (err) {
        return nothing(`cannot check which process PID ${pid} is: ${why(err)}`);
      }
    }
    return collectDetails({
      imagePath: () => readImagePath(process),
      commandLine: () => readCommandLine(process),
      user: () => readProcessUser(process),
      inJob: () => readInJob(process),
      breakOnTermination: () => readBreakOnTermination(process),
    });
  } finally {
    // Cleanup never throws: the details already read stand (a failure is in handleLedger.closeFailures()).
    closeQuietly(process);
  }
}
