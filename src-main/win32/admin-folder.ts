/**
 * The admin-only folder where the console keeps settings and logs (under ProgramData). The console
 * runs elevated and reads these files back, so a standard user must not be able to write them: the
 * folder is owned by Administrators and has a protected DACL (nothing inherited from ProgramData,
 * whose default ACL lets Users create files) granting full control to SYSTEM and Administrators only.
 *
 * A folder that already exists is only taken over when nobody else can have prepared it: standard
 * users may create folders in ProgramData and own them, so one could create "Admin Console" before
 * the first run ("squatting") with a junction inside pointing at System32, or files carrying their
 * own ACEs. Such a folder is renamed aside and a fresh one is created instead (see FolderSetAside).
 */
import koffi from 'koffi';
import path from 'node:path';
import { AppError } from '../core/app-error';
import {
  DACL_SECURITY_INFORMATION,
  OWNER_SECURITY_INFORMATION,
  PROTECTED_DACL_SECURITY_INFORMATION,
  ProgressInvokeNever,
  SDDL_REVISION_1,
  SE_FILE_OBJECT,
  advapi32,
} from './advapi32';
import { isProcessElevated } from './elevation';
import { OwnedHandle } from './handles';
import type { HandleCloser } from './handles';
import type { Win32FindDataW } from './kernel32';
import {
  ERROR_NO_MORE_FILES,
  FILE_ATTRIBUTE_DIRECTORY,
  FILE_ATTRIBUTE_REPARSE_POINT,
  FILE_FLAG_BACKUP_SEMANTICS,
  FILE_FLAG_OPEN_REPARSE_POINT,
  FILE_LIST_DIRECTORY,
  FILE_READ_ATTRIBUTES,
  FILE_SHARE_READ,
  FILE_SHARE_WRITE,
  FindExInfoBasic,
  FindExSearchNameMatch,
  INVALID_FILE_ATTRIBUTES,
  OPEN_EXISTING,
  kernel32,
} from './kernel32';
import { SECURITY_ATTRIBUTES } from './structs';
import { wineVersion } from './system';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

/**
 * Owner Administrators; DACL protected, SYSTEM and Administrators full control, inherited by
 * subfolders and files. Without the owner, whoever created a pre-existing folder would keep the
 * implicit right to rewrite its DACL.
 */
export const ADMIN_ONLY_SDDL = 'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';

/** The owners a folder may have to be taken over: BUILTIN\Administrators and LOCAL SYSTEM. */
export const TRUSTED_OWNER_SIDS: ReadonlySet<string> = new Set(['S-1-5-32-544', 'S-1-5-18']);

/** What ensureAdminOnlyFolder did with an existing folder it would not use; tell the admin. */
export interface FolderSetAside {
  /** The data folder, now freshly created. */
  folder: string;
  /** Where the untrusted folder and everything in it went. */
  movedTo: string;
  /** Why it was not trusted, in the admin's words. */
  reason: string;
}

/** The advice added to a failure when the console is not elevated (creating an Administrators-owned folder needs it). */
export const RUN_AS_ADMINISTRATOR = 'run the console as administrator';

const ERROR_SUCCESS = 0;
const ERROR_PATH_NOT_FOUND = 3;
const ERROR_ALREADY_EXISTS = 183;

/** A security descriptor from SDDL, freed with LocalFree when `use` returns. */
function withDescriptor<T>(sddl: string, use: (descriptor: bigint) => T): T {
  const out: [Pointer] = [null];
  if (!advapi32().ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, out, null) || !out[0]) {
    throw Win32Error.fromLastError('ConvertStringSecurityDescriptorToSecurityDescriptorW');
  }
  try {
    return use(out[0]);
  } finally {
    kernel32().LocalFree(out[0]);
  }
}

function securityAttributes(descriptor: bigint) {
  return { nLength: koffi.sizeof(SECURITY_ATTRIBUTES), lpSecurityDescriptor: descriptor, bInheritHandle: 0 };
}

/** Creates one folder with the descriptor; false if it already exists; creates missing parents the same way. */
function createFolder(folder: string, descriptor: bigint): boolean {
  if (kernel32().CreateDirectoryW(folder, securityAttributes(descriptor))) return true;
  const error = kernel32().GetLastError();
  if (error === ERROR_ALREADY_EXISTS) return false;
  const parent = path.win32.dirname(folder);
  if (error !== ERROR_PATH_NOT_FOUND || parent === folder) throw Win32Error.fromCode('CreateDirectoryW', error);
  // A parent we create holds our files too, so it gets the same descriptor rather than ProgramData's.
  createFolder(parent, descriptor);
  if (!kernel32().CreateDirectoryW(folder, securityAttributes(descriptor))) throw Win32Error.fromLastError('CreateDirectoryW');
  return true;
}

/**
 * Opens the folder (or the link standing at its name) so that it cannot be renamed, deleted or
 * swapped for a junction while we check and secure it: the handle has data access (listing) and
 * does not share delete, and a rename needs delete access. The caller closes it.
 */
export function pinFolder(folder: string): OwnedHandle {
  const handle = kernel32().CreateFileW(
    folder,
    FILE_LIST_DIRECTORY | FILE_READ_ATTRIBUTES,
    FILE_SHARE_READ | FILE_SHARE_WRITE,
    null,
    OPEN_EXISTING,
    FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT,
    null,
  );
  return OwnedHandle.adopt('folder', handle, 'CreateFileW');
}

/** The SID that owns a file or folder, as text ("S-1-5-32-544"): GetNamedSecurityInfoW + ConvertSidToStringSidW. */
export function readOwnerSid(file: string): string {
  const a = advapi32();
  const descriptor: [Pointer] = [null];
  const error = a.GetNamedSecurityInfoW(file, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, null, null, null, null, descriptor);
  if (error !== ERROR_SUCCESS) throw Win32Error.fromCode('GetNamedSecurityInfoW', error);
  try {
    const owner: [Pointer] = [null];
    const defaulted: [number] = [0];
    if (!a.GetSecurityDescriptorOwner(descriptor[0], owner, defaulted)) throw Win32Error.fromLastError('GetSecurityDescriptorOwner');
    if (!owner[0]) throw new AppError('WIN32', `${file} has no owner`);
    const text: [Pointer] = [null];
    if (!a.ConvertSidToStringSidW(owner[0], text) || !text[0]) throw Win32Error.fromLastError('ConvertSidToStringSidW');
    try {
      return koffi.decode.string16(text[0]);
    } finally {
      kernel32().LocalFree(text[0]);
    }
  } finally {
    kernel32().LocalFree(descriptor[0]);
  }
}

const findClose: HandleCloser = { fn: 'FindClose', close: (handle) => kernel32().FindClose(handle) };

/**
 * The first link, junction or other reparse point anywhere inside `folder`, as a path relative to
 * it, or null. Listed with FindFirstFileExW, which reports an entry's attributes without opening
 * it, and never descends into a reparse point, so the walk cannot be led out of the folder.
 */
export function findReparsePoint(folder: string): string | null {
  const pending = [''];
  for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
    const data = {} as Win32FindDataW;
    const pattern = path.win32.join(folder, relative, '*');
    const find = OwnedHandle.adopt(
      'find',
      kernel32().FindFirstFileExW(pattern, FindExInfoBasic, data, FindExSearchNameMatch, null, 0),
      'FindFirstFileExW',
      findClose,
    );
    try {
      do {
        const name = data.cFileName;
        if (name === '.' || name === '..') continue;
        const entry = relative ? `${relative}\\${name}` : name;
        if (data.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) return entry;
        if (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) pending.push(entry);
      } while (kernel32().FindNextFileW(find.value, data));
      const error = kernel32().GetLastError();
      if (error !== ERROR_NO_MORE_FILES) throw Win32Error.fromCode('FindNextFileW', error);
    } finally {
      find.close();
    }
  }
  return null;
}

/**
 * Why an existing folder (pinned by the caller) must not be taken over, or null if it may be.
 *
 * Under Wine the owner check is left out: Wine 8 stores no security descriptors on files and reads
 * every owner back as the Unix user (S-1-5-21-0-0-0-1000), so the check would set the folder aside
 * on every run; there is no second user to squat it there either. The reparse-point checks still run.
 */
function whyUntrusted(folder: string, attributes: number): string | null {
  if (attributes & FILE_ATTRIBUTE_REPARSE_POINT) return 'it is a link or junction (a reparse point), not a folder of its own';
  if (wineVersion() === null) {
    const owner = readOwnerSid(folder);
    if (!TRUSTED_OWNER_SIDS.has(owner)) {
      return `it is owned by ${owner}, not by Administrators or SYSTEM, so a standard user may have created it`;
    }
  }
  const link = findReparsePoint(folder);
  if (link !== null) return `it contains a link or junction (${link}), which could lead writes out of the folder`;
  return null;
}

/**
 * Gives the folder and everything in it owner Administrators and the protected admin-only DACL,
 * dropping every explicit ACE below it (TreeResetNamedSecurityInfoW with KeepExplicit FALSE).
 */
function resetTree(folder: string, descriptor: bigint): void {
  const a = advapi32();
  const owner: [Pointer] = [null];
  const present: [number] = [0];
  const dacl: [Pointer] = [null];
  const defaulted: [number] = [0];
  if (!a.GetSecurityDescriptorOwner(descriptor, owner, defaulted)) throw Win32Error.fromLastError('GetSecurityDescriptorOwner');
  if (!a.GetSecurityDescriptorDacl(descriptor, present, dacl, defaulted)) throw Win32Error.fromLastError('GetSecurityDescriptorDacl');
  const error = a.TreeResetNamedSecurityInfoW(
    folder,
    SE_FILE_OBJECT,
    OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
    owner[0],
    null,
    dacl[0],
    null,
    0,
    null,
    ProgressInvokeNever,
    null,
  );
  if (error !== ERROR_SUCCESS) throw Win32Error.fromCode('TreeResetNamedSecurityInfoW', error);
}

/** "<folder>.untrusted-2025-01-31T10-20-30-123Z": beside the folder, so nothing is lost and the admin can look. */
export function setAsideName(folder: string, now: Date): string {
  return `${folder}.untrusted-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Renames the untrusted folder aside and creates a fresh one with the descriptor from the first instant. */
function replaceFolder(folder: string, descriptor: bigint, reason: string): FolderSetAside {
  const movedTo = setAsideName(folder, new Date());
  if (!kernel32().MoveFileExW(folder, movedTo, 0)) throw Win32Error.fromLastError('MoveFileExW');
  if (kernel32().CreateDirectoryW(folder, securityAttributes(descriptor))) return { folder, movedTo, reason };
  const error = kernel32().GetLastError();
  if (error === ERROR_ALREADY_EXISTS) {
    // Someone created it again between the rename and our create: do not loop, and do not use it.
    throw new AppError('CONFLICT', `${folder} was created again by someone else while the console replaced it (${reason}); the old one is in ${movedTo}`);
  }
  throw Win32Error.fromCode('CreateDirectoryW', error);
}

function secure(folder: string, descriptor: bigint): FolderSetAside | null {
  if (createFolder(folder, descriptor)) return null;
  const pin = pinFolder(folder);
  let reason: string | null;
  try {
    const attributes = kernel32().GetFileAttributesW(folder);
    if (attributes === INVALID_FILE_ATTRIBUTES) throw Win32Error.fromLastError('GetFileAttributesW');
    if (!(attributes & FILE_ATTRIBUTE_DIRECTORY)) throw Win32Error.fromCode('CreateDirectoryW', ERROR_ALREADY_EXISTS);
    reason = whyUntrusted(folder, attributes);
    if (reason === null) resetTree(folder, descriptor);
  } finally {
    pin.close();
  }
  return reason === null ? null : replaceFolder(folder, descriptor, reason);
}

/** True unless the token says it is not elevated (a failing check gives no advice rather than a second error). */
function knownNotElevated(): boolean {
  try {
    return !isProcessElevated();
  } catch {
    return false;
  }
}

/**
 * Makes `folder` (an absolute Windows path) exist as an admin-only folder and returns its absolute
 * path. A new folder is created with the descriptor from the first instant. An existing one is
 * taken over (owner, DACL and every explicit ACE inside reset) only if it is owned by
 * Administrators or SYSTEM and nothing in it is a link or junction; otherwise it is renamed aside,
 * a fresh folder is created, and `onSetAside` hears what happened, so the caller can log it and
 * tell the admin. A file in the way, or any Win32 failure, is a Win32Error; when the console is not
 * elevated the message also says to run it as administrator.
 *
 * Only `folder` itself is checked: a caller using a folder inside another (Admin Console\host)
 * secures the outer one first, or its owner could swap the inner one.
 */
export function ensureAdminOnlyFolder(folder: string, onSetAside?: (setAside: FolderSetAside) => void): string {
  return ensureProtectedFolder(folder, ADMIN_ONLY_SDDL, onSetAside);
}

/**
 * The folder of the service host's versioned copies: written by SYSTEM and Administrators only, like the rest,
 * but readable and executable by everyone (0x1200a9 = FILE_GENERIC_READ | FILE_EXECUTE), because a hosted
 * service runs the host as its own account (`NT SERVICE\NAME`, LocalService, a user) and Windows opens the
 * image with that account's token.
 */
export const HOST_BINARIES_SDDL = 'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;WD)';

/** ensureAdminOnlyFolder with another protected descriptor (same owner checks and set-aside rules). */
export function ensureProtectedFolder(folder: string, sddl: string, onSetAside?: (setAside: FolderSetAside) => void): string {
  const absolute = path.win32.resolve(folder);
  let setAside: FolderSetAside | null;
  try {
    setAside = withDescriptor(sddl, (descriptor) => secure(absolute, descriptor));
  } catch (err) {
    if (err instanceof Win32Error && knownNotElevated()) throw err.withAdvice(RUN_AS_ADMINISTRATOR);
    throw err;
  }
  if (setAside) onSetAside?.(setAside);
  return absolute;
}

/** The folder's owner and DACL as SDDL (GetNamedSecurityInfoW), e.g. to verify ensureAdminOnlyFolder. */
export function readFolderSecurity(folder: string): string {
  const a = advapi32();
  const descriptor: [Pointer] = [null];
  const error = a.GetNamedSecurityInfoW(
    folder,
    SE_FILE_OBJECT,
    OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
    null,
    null,
    null,
    null,
    descriptor,
  );
  if (error !== ERROR_SUCCESS) throw Win32Error.fromCode('GetNamedSecurityInfoW', error);
  try {
    const sddl: [Pointer] = [null];
    if (
      !a.ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor[0], SDDL_REVISION_1, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, sddl, null) ||
      !sddl[0]
    ) {
      throw Win32Error.fromLastError('ConvertSecurityDescriptorToStringSecurityDescriptorW');
    }
    try {
      return koffi.decode.string16(sddl[0]);
    } finally {
      kernel32().LocalFree(sddl[0]);
    }
  } finally {
    kernel32().LocalFree(descriptor[0]);
  }
}
