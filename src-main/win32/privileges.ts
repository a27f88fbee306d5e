/**
 * Privileges of this process's own token. An elevated administrator's token holds SeDebugPrivilege
 * but has it disabled; Task Manager and System Informer enable it at start, because only then does
 * OpenProcess ignore a process's DACL, so the console can read and act on SYSTEM and service
 * processes (protected processes stay out of reach either way).
 */
import koffi from 'koffi';
import { AppError } from '../core/app-error';
import { SE_PRIVILEGE_ENABLED, TOKEN_ADJUST_PRIVILEGES, TOKEN_QUERY, TokenPrivileges, advapi32 } from './advapi32';
import { OwnedHandle, closeQuietly } from './handles';
import { kernel32 } from './kernel32';
import { LUID, LUID_AND_ATTRIBUTES, TOKEN_PRIVILEGES } from './structs';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

/** The privilege that lets an administrator open any process regardless of its DACL. */
export const SE_DEBUG_NAME = 'SeDebugPrivilege';
/** ERROR_NOT_ALL_ASSIGNED (winerror.h): AdjustTokenPrivileges succeeded but the token lacks the privilege. */
export const ERROR_NOT_ALL_ASSIGNED = 1300;
const ERROR_SUCCESS = 0;
const ERROR_INSUFFICIENT_BUFFER = 122;

const COUNT = koffi.offsetof(TOKEN_PRIVILEGES, 'PrivilegeCount');
const ENTRIES = koffi.offsetof(TOKEN_PRIVILEGES, 'Privileges');
const ENTRY_SIZE = koffi.sizeof(LUID_AND_ATTRIBUTES);
const ENTRY_LUID = koffi.offsetof(LUID_AND_ATTRIBUTES, 'Luid');
const ENTRY_ATTRIBUTES = koffi.offsetof(LUID_AND_ATTRIBUTES, 'Attributes');
const LUID_SIZE = koffi.sizeof(LUID);

/** What enabling a privilege gave: whether it is on now, and in words what happened (for the log). */
export interface PrivilegeResult {
  enabled: boolean;
  detail: string;
}

/** This process's token with `access`; the caller closes it. */
function openOwnToken(access: number): OwnedHandle {
  const token: [Pointer] = [null];
  if (!advapi32().OpenProcessToken(kernel32().GetCurrentProcess(), access, token)) throw Win32Error.fromLastError('OpenProcessToken');
  return OwnedHandle.adopt('token', token[0], 'OpenProcessToken');
}

/** The LUID (8 bytes) a privilege name has on this machine; ERROR_NO_SUCH_PRIVILEGE (1313) for a name it does not know. */
function lookupPrivilege(name: string): Buffer {
  const luid = Buffer.alloc(LUID_SIZE);
  if (!advapi32().LookupPrivilegeValueW(null, name, luid)) throw Win32Error.fromLastError(`LookupPrivilegeValueW(${name})`);
  return luid;
}

/**
 * Sets one privilege's attributes (SE_PRIVILEGE_ENABLED or 0) in this process's token. Returns the
 * last error AdjustTokenPrivileges left on success: ERROR_SUCCESS, or ERROR_NOT_ALL_ASSIGNED when
 * the token does not hold the privilege. Throws a Win32Error when a call fails outright.
 */
function adjust(name: string, attributes: number): number {
  const luid = lookupPrivilege(name);
  const state = Buffer.alloc(koffi.sizeof(TOKEN_PRIVILEGES));
  state.writeUInt32LE(1, COUNT);
  luid.copy(state, ENTRIES + ENTRY_LUID);
  state.writeUInt32LE(attributes, ENTRIES + ENTRY_ATTRIBUTES);
  const token = openOwnToken(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
  try {
    if (!advapi32().AdjustTokenPrivileges(token.value, 0, state, 0, null, null)) throw Win32Error.fromLastError('AdjustTokenPrivileges');
    // Read right away: TRUE does not mean assigned (MSDN, "AdjustTokenPrivileges function").
    return kernel32().GetLastError();
  } finally {
    closeQuietly(token);
  }
}

/**
 * Enables a privilege this process's token holds. Never throws: a token without the privilege (not
 * elevated) gives enabled false with ERROR_NOT_ALL_ASSIGNED (1300) in the detail, any other failure
 * its Win32 error and text. Wine 8 holds SeDebugPrivilege disabled in its administrator token and
 * enables it (TRUE, last error 0), as Windows does for an elevated administrator.
 */
export function enablePrivilege(name: string): PrivilegeResult {
  try {
    const error = adjust(name, SE_PRIVILEGE_ENABLED);
    if (error === ERROR_SUCCESS) return { enabled: true, detail: `${name} enabled` };
    const reason = Win32Error.fromCode('AdjustTokenPrivileges', error).message;
    const hint = error === ERROR_NOT_ALL_ASSIGNED ? ' (the token does not hold it: is the console elevated?)' : '';
    return { enabled: false, detail: `${name} not enabled: ${reason}${hint}` };
  } catch (err) {
    return { enabled: false, detail: `${name} not enabled: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Disables a privilege again (tests restore the token with it). Throws a Win32Error on failure. */
export function disablePrivilege(name: string): void {
  const error = adjust(name, 0);
  if (error !== ERROR_SUCCESS) throw Win32Error.fromCode('AdjustTokenPrivileges', error);
}

/**
 * SeDebugPrivilege on, as Task Manager and System Informer do at start, so an elevated administrator
 * can open SYSTEM and service processes. Call once at start; never throws (see enablePrivilege).
 */
export function enableDebugPrivilege(): PrivilegeResult {
  return enablePrivilege(SE_DEBUG_NAME);
}

/**
 * Whether this process's token has the privilege enabled (GetTokenInformation(TokenPrivileges)):
 * true or false when the token holds it, null when it does not. Throws a Win32Error on failure.
 */
export function privilegeEnabled(name: string): boolean | null {
  const luid = lookupPrivilege(name);
  const token = openOwnToken(TOKEN_QUERY);
  try {
    let buffer = Buffer.alloc(1024);
    const returned: [number] = [0];
    let ok = advapi32().GetTokenInformation(token.value, TokenPrivileges, buffer, buffer.length, returned);
    if (!ok && kernel32().GetLastError() === ERROR_INSUFFICIENT_BUFFER) {
      buffer = Buffer.alloc(returned[0]);
      ok = advapi32().GetTokenInformation(token.value, TokenPrivileges, buffer, buffer.length, returned);
    }
    if (!ok) throw Win32Error.fromLastError('GetTokenInformation(TokenPrivileges)');
    const count = buffer.readUInt32LE(COUNT);
    if (ENTRIES + count * ENTRY_SIZE > returned[0]) throw new AppError('INTERNAL', 'TokenPrivileges returned more entries than bytes');
    for (let i = 0; i < count; i++) {
      const at = ENTRIES + i * ENTRY_SIZE;
      if (buffer.compare(luid, 0, LUID_SIZE, at + ENTRY_LUID, at + ENTRY_LUID + LUID_SIZE) === 0) {
        return (buffer.readUInt32LE(at + ENTRY_ATTRIBUTES) & SE_PRIVILEGE_ENABLED) !== 0;
      }
    }
    return null;
  } finally {
    closeQuietly(token);
  }
}
