/**
 * Starts a program with CreateProcessW and hands back its handles. Not node's child_process: libuv
 * puts its children in a kill-on-close job (README, "What Wine proves and what waits for Windows"), which would make every child look "in a job"
 * and tie its life to ours.
 */
import koffi from 'koffi';
import { OwnedHandle } from '../handles';
import type { ProcessInformation } from '../kernel32';
import { kernel32 } from '../kernel32';
import { STARTUPINFOW } from '../structs';
import { Win32Error } from '../win32-error';

/** Quoting for CommandLineToArgvW lives in the core (binary-path.ts); re-exported for this layer's callers. */
export { quoteArgument } from '../../core/services/binary-path';

/** CREATE_SUSPENDED (winbase.h): the first thread waits for ResumeThread. */
export const CREATE_SUSPENDED = 0x4;
/** CREATE_NO_WINDOW (winbase.h): a console program gets no console window. */
export const CREATE_NO_WINDOW = 0x0800_0000;

/** A started process: its ID and the process and primary-thread handles, both the caller's to close. */
export interface LaunchedProcess {
  pid: number;
  threadId: number;
  process: OwnedHandle;
  thread: OwnedHandle;
}

/**
 * Starts `commandLine` (the program first, quoted if needed); no handles are inherited. With
 * `application`, that file is run and the command line is passed exactly as given (even empty).
 */
export function launchProcess(
  commandLine: string,
  { flags = 0, currentDirectory = null, application = null }: { flags?: number; currentDirectory?: string | null; application?: string | null } = {},
): LaunchedProcess {
  // CreateProcessW may write into the command line, so it gets a writable, NUL-terminated copy.
  const writable = Buffer.from(`${commandLine}\0`, 'utf16le');
  const info = {} as ProcessInformation;
  // A plain STARTUPINFOW (cb says so) in the STARTUPINFOEXW the binding takes.
  const startup = { StartupInfo: { cb: koffi.sizeof(STARTUPINFOW) }, lpAttributeList: null };
  if (!kernel32().CreateProcessW(application, writable, null, null, 0, flags, null, currentDirectory, startup, info)) {
    throw Win32Error.fromLastError('CreateProcessW');
  }
  return {
    pid: info.dwProcessId,
    threadId: info.dwThreadId,
    process: OwnedHandle.adopt('process', info.hProcess, 'CreateProcessW'),
    thread: OwnedHandle.adopt('thread', info.hThread, 'CreateProcessW'),
  };
}
