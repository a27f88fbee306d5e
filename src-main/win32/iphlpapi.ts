/**
 * iphlpapi.dll bindings (not a KnownDLL: loaded from System32 only, see system32-library.ts). Raw
 * bindings: callers check results and raise Win32Error.
 */
import type { LibraryHandle } from 'koffi';
import koffi from 'koffi';
import { loadFromSystem32 } from './system32-library';
import { DWORD, PVOID, VOID, stdcall } from './types';
import type { Pointer } from './types';

function bind(lib: LibraryHandle) {
  return {
    /**
     * "GetIfTable2 function (netioapi.h)": every interface as a MIB_IF_TABLE2 the call allocates (freed
     * with FreeMibTable). Returns NO_ERROR (0) or a Win32 error code; it does not set the last error.
     */
    GetIfTable2: stdcall<(table: [Pointer]) => number>(lib, 'GetIfTable2', DWORD, [koffi.out(koffi.pointer(PVOID))]),
    /** "FreeMibTable function (netioapi.h)": frees what GetIfTable2 allocated. */
    FreeMibTable: stdcall<(table: Pointer) => void>(lib, 'FreeMibTable', VOID, [PVOID]),
  };
}

let bindings: ReturnType<typeof bind> | undefined;

/** The bindings, loading iphlpapi.dll on first use. */
export function iphlpapi(): ReturnType<typeof bind> {
  return (bindings ??= bind(loadFromSystem32('iphlpapi.dll')));
}
