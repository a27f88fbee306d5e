/**
 * Loads the system DLLs the Win32 layer binds, on first use, without ever building a path from the
 * environment.
 *
 * Why not %SystemRoot%\System32\x.dll: an elevated process inherits the user's environment
 * (HKCU\Environment, writable by every unelevated program of that user), so a path built from
 * SystemRoot or windir can point an administrator's process at the user's DLL (the SilentCleanup
 * %windir% UAC bypass).
 *
 * Why a bare name is safe for the DLLs below: koffi.load(name) calls LoadLibraryW(name) and, only if
 * that fails, LoadLibraryExW(<working directory>\name, LOAD_LIBRARY_SEARCH_DEFAULT_DIRS |
 * LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) (koffi src/koffi/src/win32.cc, LoadWindowsLibrary). LoadLibraryW
 * ("Dynamic-link library search order") first takes a module of that name already loaded, then a
 * KnownDLL, before it looks at the application folder, the working directory or PATH. KnownDLLs are
 * mapped from the \KnownDlls object directory, which smss.exe fills at boot from HKLM (Session
 * Manager\KnownDLLs) with sections of the real System32 files; DLL redirection (.local) does not
 * apply to them and no environment variable takes part. So for a KnownDLL, LoadLibraryW cannot fail
 * over to the working directory and cannot be redirected by the user. ntdll.dll is not in the
 * registry list but is mapped into every process by the kernel before any code runs, so it is always
 * "already loaded".
 *
 * Any other DLL must go through system32-library.ts (LoadLibraryExW with LOAD_LIBRARY_SEARCH_SYSTEM32).
 *
 * Why lazily: the modules that declare bindings are imported by Linux unit tests and the bundler,
 * where no DLL exists.
 */
import koffi from 'koffi';
import type { LibraryHandle } from 'koffi';

/**
 * The DLLs we load by bare name: each is a KnownDLL on every Windows we support (8.1 and later) or,
 * for ntdll, mapped into every process. Add a DLL here only if it is in HKLM\SYSTEM\CurrentControlSet\
 * Control\Session Manager\KnownDLLs on all of them; otherwise use loadFromSystem32.
 */
export const KNOWN_DLLS = ['kernel32.dll', 'ntdll.dll', 'advapi32.dll', 'shell32.dll', 'ole32.dll'] as const;

/** A DLL we may load by bare name (see KNOWN_DLLS). */
export type KnownDll = (typeof KNOWN_DLLS)[number];

/** Throws a clear error off Windows, where there is no DLL to load. */
export function requireWindows(dll: string): void {
  if (process.platform !== 'win32') {
    throw new Error(
      `${dll} can only be loaded on Windows (this is ${process.platform}); ` +
        'Win32 code is tested in Windows node through scripts/windows-suites.mjs',
    );
  }
}

const loaded = new Map<KnownDll, LibraryHandle>();

/** Loads a KnownDLL once, by its bare name (see the module comment for why that is safe). */
export function loadSystemLibrary(dll: KnownDll): LibraryHandle {
  const cached = loaded.get(dll);
  if (cached) return cached;
  if (!(KNOWN_DLLS as readonly string[]).includes(dll)) throw new Error(`${dll} is not a KnownDLL; load it with loadFromSystem32`);
  requireWindows(dll);
  const lib = koffi.load(dll);
  loaded.set(dll, lib);
  return lib;
}

/**
 * Declares a DLL's bindings without loading it: `bind` runs on the first call of the returned
 * getter, so importing a bindings module costs nothing and works on any platform.
 */
export function lazyBindings<T>(dll: KnownDll, bind: (lib: LibraryHandle) => T): () => T {
  let bindings: T | undefined;
  return () => (bindings ??= bind(loadSystemLibrary(dll)));
}
