/** ole32.dll bindings: the COM task allocator, which frees what shell APIs such as SHGetKnownFolderPath allocate. */
import { lazyBindings } from './libraries';
import { PVOID, VOID, stdcall } from './types';
import type { Pointer } from './types';

/** The ole32 functions we call, bound on first use. */
export const ole32 = lazyBindings('ole32.dll', (lib) => ({
  /** "CoTaskMemFree function (combaseapi.h)": NULL is allowed and does nothing. Needs no CoInitialize. */
  CoTaskMemFree: stdcall<(memory: Pointer) => void>(lib, 'CoTaskMemFree', VOID, [PVOID]),
}));
