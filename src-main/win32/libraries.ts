/**
 * Loads the system DLLs the Win32 layer binds, by absolute System32 path, on first use.
 *
 * Why an absolute path: a bare "kernel32.dll" goes through the DLL search order, and an elevated
 * process must never pick up a planted copy from its working directory. Why lazily: the modules that
 * declare bindings are imported by Linux unit tests and the bundler, where no DLL exists.
 */
import koffi from 'koffi';
import type { LibraryHandle } from 'koffi';
import path from 'node:path';

/** The DLLs we bind. Each has its own bindings module (kernel32.ts, ntdll.ts, advapi32.ts). */
export type SystemDll = 'kernel32.dll' | 'ntdll.dll' | 'advapi32.dll';

/** System32 of the running Windows: %SystemRoot%\System32 (SystemRoot is set for every Windows process). */
export function system32Folder(): string {
  return path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32');
}

const loaded = new Map<SystemDll, LibraryHandle>();

/** Loads a system DLL once by its absolute System32 path; throws a clear error off Windows. */
export function loadSystemLibrary(dll: SystemDll): LibraryHandle {
  const cached = loaded.get(dll);
  if (cached) return cached;
  if (process.platform !== 'win32') {
    throw new Error(
      `${dll} can only be loaded on Windows (this is ${process.platform}); ` +
        'Win32 code is tested in Windows node through scripts/windows-suites.mjs',
    );
  }
  const lib = koffi.load(path.win32.join(system32Folder(), dll));
  loaded.set(dll, lib);
  return lib;
}

/**
 * Declares a DLL's bindings without loading it: `bind` runs on the first call of the returned
 * getter, so importing a bindings module costs nothing and works on any platform.
 */
export function lazyBindings<T>(dll: SystemDll, bind: (lib: LibraryHandle) => T): () => T {
  let bindings: T | undefined;
  return () => (bindings ??= bind(loadSystemLibrary(dll)));
}
