/** shell32.dll bindings: known folders (where Windows keeps ProgramData and friends). */
import koffi from 'koffi';
import { lazyBindings } from './libraries';
import { GUID } from './structs';
import { DWORD, HANDLE, LONG, PVOID, stdcall } from './types';
import type { Pointer } from './types';

/** A GUID as koffi copies it in. */
export interface Guid {
  Data1: number;
  Data2: number;
  Data3: number;
  Data4: number[];
}

/** The shell32 functions we call, bound on first use. */
export const shell32 = lazyBindings('shell32.dll', (lib) => ({
  /**
   * "SHGetKnownFolderPath function (shlobj_core.h)". Returns an HRESULT. The path comes back in
   * memory the caller frees with CoTaskMemFree, also when the call fails (the page says so). With
   * hToken NULL it answers for the current user; FOLDERID_ProgramData is the same for every user.
   */
  SHGetKnownFolderPath: stdcall<(folder: Guid, flags: number, token: Pointer, path: [Pointer]) => number>(lib, 'SHGetKnownFolderPath', LONG, [
    koffi.pointer(GUID),
    DWORD,
    HANDLE,
    koffi.out(koffi.pointer(PVOID)),
  ]),
}));

/** KNOWN_FOLDER_FLAG.KF_FLAG_DEFAULT (shlobj_core.h). */
export const KF_FLAG_DEFAULT = 0;

/** FOLDERID_ProgramData {62AB5D82-FDC1-4DC3-A9DD-070D1D495D97} (knownfolders.h). */
export const FOLDERID_ProgramData: Guid = {
  Data1: 0x62ab5d82,
  Data2: 0xfdc1,
  Data3: 0x4dc3,
  Data4: [0xa9, 0xdd, 0x07, 0x0d, 0x1d, 0x49, 0x5d, 0x97],
};
