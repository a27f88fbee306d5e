/**
 * Known folders as Windows defines them (SHGetKnownFolderPath), never from environment variables:
 * an elevated process inherits the user's environment (HKCU\Environment), which any unelevated
 * program of that user can set, so %ProgramData% could point the console at a folder the user owns.
 */
import koffi from 'koffi';
import path from 'node:path';
import { ole32 } from './ole32';
import { FOLDERID_ProgramData, KF_FLAG_DEFAULT, shell32 } from './shell32';
import type { Guid } from './shell32';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

/** One known folder's path; the string SHGetKnownFolderPath allocates is freed with CoTaskMemFree either way. */
function knownFolderPath(folder: Guid, what: string): string {
  const out: [Pointer] = [null];
  try {
    const hr = shell32().SHGetKnownFolderPath(folder, KF_FLAG_DEFAULT, null, out);
    if (hr < 0) throw Win32Error.fromHResult(`SHGetKnownFolderPath(${what})`, hr);
    if (!out[0]) throw new Error(`SHGetKnownFolderPath(${what}) succeeded without a path`);
    const folderPath = koffi.decode.string16(out[0]);
    if (!path.win32.isAbsolute(folderPath) || !/^[a-zA-Z]:\\|^\\\\/.test(folderPath)) {
      throw new Error(`SHGetKnownFolderPath(${what}) returned "${folderPath}", not an absolute path`);
    }
    return folderPath;
  } finally {
    ole32().CoTaskMemFree(out[0]);
  }
}

/** The machine's ProgramData folder (FOLDERID_ProgramData), e.g. C:\ProgramData. */
export function programDataFolder(): string {
  return knownFolderPath(FOLDERID_ProgramData, 'FOLDERID_ProgramData');
}
