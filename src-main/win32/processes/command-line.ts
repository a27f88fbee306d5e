/**
 * The command line another process was started with. Windows 8.1+ hands it out directly
 * (NtQueryInformationProcess(ProcessCommandLineInformation), PROCESS_QUERY_LIMITED_INFORMATION is
 * enough); older systems and Wine 8 (STATUS_INVALID_INFO_CLASS) need the classic route: the PEB's
 * RTL_USER_PROCESS_PARAMETERS.CommandLine read with ReadProcessMemory (needs PROCESS_VM_READ).
 *
 * WOW64 (32-bit) processes: we read their native 64-bit PEB, whose process parameters the kernel
 * fills at creation exactly as for a 64-bit process, so the same x64 offsets give the same command
 * line; the 32-bit PEB (ProcessWow64Information) holds a copy and is not needed.
 */
import koffi from 'koffi';
import { AppError } from '../../core/app-error';
import type { OwnedHandle } from '../handles';
import { kernel32 } from '../kernel32';
import {
  ProcessBasicInformation,
  ProcessCommandLineInformation,
  STATUS_BUFFER_OVERFLOW,
  STATUS_BUFFER_TOO_SMALL,
  STATUS_INFO_LENGTH_MISMATCH,
  STATUS_INVALID_INFO_CLASS,
  ntdll,
} from '../ntdll';
import { PEB, PROCESS_BASIC_INFORMATION, RTL_USER_PROCESS_PARAMETERS, UNICODE_STRING } from '../structs';
import { Win32Error, ntSuccess } from '../win32-error';

const STRING_LENGTH = koffi.offsetof(UNICODE_STRING, 'Length');
const STRING_BUFFER = koffi.offsetof(UNICODE_STRING, 'Buffer');
const STRING_SIZE = koffi.sizeof(UNICODE_STRING);
const PEB_BASE = koffi.offsetof(PROCESS_BASIC_INFORMATION, 'PebBaseAddress');
const PEB_PARAMETERS = koffi.offsetof(PEB, 'ProcessParameters');
const PARAMETERS_COMMAND_LINE = koffi.offsetof(RTL_USER_PROCESS_PARAMETERS, 'CommandLine');

/** The message of StillStartingError: a process caught before its parameters are written; worth reading again later. */
export const STILL_STARTING = 'not set yet: the process is still starting';

/** Raised for a command line read too early; details report it as `incomplete`, not as an error. */
export class StillStartingError extends AppError {
  constructor() {
    super('WIN32', STILL_STARTING);
    this.name = 'StillStartingError';
  }
}

/**
 * An empty command line is a process caught starting, not a real answer: Windows writes the
 * parameters during creation, but under Wine the new process writes its own PEB after it starts
 * running. Every real process has at least its image name there (CreateProcessW puts it in when
 * lpCommandLine is NULL); processes with no PEB at all (System, Registry) fail earlier.
 */
function stillStarting(): AppError {
  return new StillStartingError();
}

/**
 * Reused for every call: 64 KB holds the 16-byte UNICODE_STRING and a command line of up to 32760
 * characters. The longest CreateProcessW accepts (32766 plus the NUL) is a few bytes more: that one
 * gets a buffer of its own, of the size the call asks for.
 */
const queryBuffer = Buffer.alloc(64 * 1024);
/** The command line can change between two calls (a process may rewrite its own): retry a few times. */
const MAX_QUERY_ATTEMPTS = 3;

/**
 * "Buffer too small" as NtQueryInformationProcess says it: STATUS_INFO_LENGTH_MISMATCH for this
 * class, but STATUS_BUFFER_OVERFLOW and STATUS_BUFFER_TOO_SMALL also occur across classes and
 * Windows versions; each reports the size needed in ReturnLength.
 */
export function isBufferTooSmall(status: number): boolean {
  return status === STATUS_INFO_LENGTH_MISMATCH || status === STATUS_BUFFER_OVERFLOW || status === STATUS_BUFFER_TOO_SMALL;
}

/** Through ProcessCommandLineInformation; null when this system does not know the class. */
function queryCommandLine(process: OwnedHandle): string | null {
  const nt = ntdll();
  const returned: [number] = [0];
  let buffer = queryBuffer;
  let status = nt.NtQueryInformationProcess(process.value, ProcessCommandLineInformation, buffer, buffer.length, returned);
  for (let attempt = 1; attempt < MAX_QUERY_ATTEMPTS && isBufferTooSmall(status) && returned[0] > buffer.length; attempt++) {
    buffer = Buffer.alloc(returned[0]);
    status = nt.NtQueryInformationProcess(process.value, ProcessCommandLineInformation, buffer, buffer.length, returned);
  }
  if (status === STATUS_INVALID_INFO_CLASS) return null;
  if (!ntSuccess(status)) throw Win32Error.fromNtStatus('NtQueryInformationProcess(ProcessCommandLineInformation)', status);
  // The UNICODE_STRING's Buffer points just after it, into our buffer.
  const start = Number(buffer.readBigUInt64LE(STRING_BUFFER) - koffi.address(buffer));
  const bytes = buffer.readUInt16LE(STRING_LENGTH);
  if (start < 0 || start + bytes > buffer.length) throw new AppError('INTERNAL', 'ProcessCommandLineInformation returned a string outside its buffer');
  if (bytes === 0) throw stillStarting();
  return buffer.toString('utf16le', start, start + bytes);
}

function readRemote(process: OwnedHandle, address: bigint, size: number): Buffer {
  const out = Buffer.alloc(size);
  const read: [number] = [0];
  if (!kernel32().ReadProcessMemory(process.value, address, out, size, read)) throw Win32Error.fromLastError('ReadProcessMemory');
  return out;
}

/** Through the PEB: PROCESS_BASIC_INFORMATION -> PEB.ProcessParameters -> CommandLine -> its text. */
function readCommandLineFromPeb(process: OwnedHandle): string {
  const info = Buffer.alloc(koffi.sizeof(PROCESS_BASIC_INFORMATION));
  const returned: [number] = [0];
  const status = ntdll().NtQueryInformationProcess(process.value, ProcessBasicInformation, info, info.length, returned);
  if (!ntSuccess(status)) throw Win32Error.fromNtStatus('NtQueryInformationProcess(ProcessBasicInformation)', status);
  const peb = info.readBigUInt64LE(PEB_BASE);
  if (peb === 0n) throw new AppError('WIN32', 'the process has no PEB (a kernel or minimal process)');
  const parameters = readRemote(process, peb + BigInt(PEB_PARAMETERS), 8).readBigUInt64LE(0);
  if (parameters === 0n) throw stillStarting();
  const commandLine = readRemote(process, parameters + BigInt(PARAMETERS_COMMAND_LINE), STRING_SIZE);
  const bytes = commandLine.readUInt16LE(STRING_LENGTH);
  const text = commandLine.readBigUInt64LE(STRING_BUFFER);
  if (bytes === 0 || text === 0n) throw stillStarting();
  return readRemote(process, text, bytes).toString('utf16le');
}

/** The command line of an open process (PROCESS_QUERY_LIMITED_INFORMATION, plus PROCESS_VM_READ where the PEB is needed). */
export function readCommandLine(process: OwnedHandle): string {
  let direct: string | null;
  try {
    direct = queryCommandLine(process);
  } catch (queryError) {
    // The PEB may still be readable (e.g. with PROCESS_VM_READ); if not, the first failure says more.
    try {
      return readCommandLineFromPeb(process);
    } catch {
      throw queryError;
    }
  }
  return direct ?? readCommandLineFromPeb(process);
}

/** For tests: whether this system answers ProcessCommandLineInformation (Windows 8.1+, not Wine 8). */
export function commandLineClassSupported(process: OwnedHandle): boolean {
  return queryCommandLine(process) !== null;
}

