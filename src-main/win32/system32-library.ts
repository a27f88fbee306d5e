/**
 * Loads a DLL that is not a KnownDLL from System32 and nowhere else. For such a DLL a bare name
 * would go through the full search order (application folder, working directory, PATH), and a
 * path built from %SystemRoot% follows the user's environment (see libraries.ts).
 *
 * How: LoadLibraryExW(name, NULL, LOAD_LIBRARY_SEARCH_SYSTEM32) maps the DLL, and its dependencies,
 * from System32 only; GetModuleFileNameW then gives the path the loader really used, and
 * koffi.load(that absolute path) calls LoadLibraryW on it, which finds the module already mapped and
 * only adds a reference (an absolute path is never searched for). We then drop our own reference
 * with FreeLibrary: koffi's keeps the module loaded for the life of the process.
 */
import koffi from 'koffi';
import type { LibraryHandle } from 'koffi';
import path from 'node:path';
import { LOAD_LIBRARY_SEARCH_SYSTEM32, kernel32 } from './kernel32';
import { requireWindows } from './libraries';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

/** Long enough for any module path (paths go to 32767 characters). */
const PATH_CAPACITY_WCHARS = 32768;
const ERROR_INSUFFICIENT_BUFFER = 122;

/** System32 as Windows reports it (GetSystemDirectoryW), never from %SystemRoot% or %windir%. */
export function system32Folder(): string {
  const buffer = Buffer.alloc(PATH_CAPACITY_WCHARS * 2);
  const length = kernel32().GetSystemDirectoryW(buffer, PATH_CAPACITY_WCHARS);
  if (length === 0) throw Win32Error.fromLastError('GetSystemDirectoryW');
  if (length >= PATH_CAPACITY_WCHARS) throw Win32Error.fromCode('GetSystemDirectoryW', ERROR_INSUFFICIENT_BUFFER);
  return buffer.toString('utf16le', 0, length * 2);
}

/** The file a loaded module was mapped from (GetModuleFileNameW). */
export function moduleFilePath(module: Pointer): string {
  const buffer = Buffer.alloc(PATH_CAPACITY_WCHARS * 2);
  const length = kernel32().GetModuleFileNameW(module, buffer, PATH_CAPACITY_WCHARS);
  if (length === 0) throw Win32Error.fromLastError('GetModuleFileNameW');
  if (length >= PATH_CAPACITY_WCHARS) throw Win32Error.fromCode('GetModuleFileNameW', ERROR_INSUFFICIENT_BUFFER);
  return buffer.toString('utf16le', 0, length * 2);
}

/** The file a module already loaded in this process was mapped from, by its name (GetModuleHandleW). */
export function loadedModulePath(name: string): string {
  const module = kernel32().GetModuleHandleW(name);
  if (!module) throw Win32Error.fromLastError('GetModuleHandleW');
  return moduleFilePath(module);
}

/** A plain file name such as "version.dll": LOAD_LIBRARY_SEARCH_SYSTEM32 is ignored for a path. */
export function isBareDllName(name: string): boolean {
  return /^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.dll$/i.test(name) && path.win32.basename(name) === name;
}

const loaded = new Map<string, LibraryHandle>();

/** Loads a DLL from System32 only (see the module comment), once; a Win32Error if it is not there. */
export function loadFromSystem32(name: string): LibraryHandle {
  if (!isBareDllName(name)) throw new Error(`loadFromSystem32 takes a bare DLL name, not "${name}"`);
  const key = name.toLowerCase();
  const cached = loaded.get(key);
  if (cached) return cached;
  requireWindows(name);
  const k32 = kernel32();
  const module = k32.LoadLibraryExW(name, null, LOAD_LIBRARY_SEARCH_SYSTEM32);
  if (!module) throw Win32Error.fromLastError(`LoadLibraryExW(${name}, LOAD_LIBRARY_SEARCH_SYSTEM32)`);
  let lib: LibraryHandle;
  try {
    lib = koffi.load(moduleFilePath(module));
  } finally {
    // koffi holds its own reference now (or loading failed and nothing should stay mapped for us).
    // FreeLibrary only fails for a handle that is not a module, which this one is.
    k32.FreeLibrary(module);
  }
  loaded.set(key, lib);
  return lib;
}
