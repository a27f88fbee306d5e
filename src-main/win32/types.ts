/**
 * The Win32 scalar types as koffi type objects, named as the Windows SDK names them.
 *
 * Types are anonymous (koffi.types / koffi.pointer) rather than registered by name: koffi's type names
 * are process-global, and a second import of this module (a test runner re-evaluating modules in the
 * same process) would otherwise throw "duplicate type".
 */
import koffi from 'koffi';
import type { KoffiFunc, LibraryHandle, TypeObject } from 'koffi';

/** A function's `void` result. */
export const VOID = koffi.types.void;
/** BOOL is a 4-byte int (minwindef.h). koffi's `bool` is 1 byte: never use it for BOOL. */
export const BOOL = koffi.types.int32;
export const DWORD = koffi.types.uint32;
export const UINT = koffi.types.uint32;
export const ULONG = koffi.types.uint32;
export const WORD = koffi.types.uint16;
export const LONG = koffi.types.int32;
export const LONGLONG = koffi.types.int64;
/** SIZE_T is pointer-sized: 8 bytes on x64, the only architecture we ship. */
export const SIZE_T = koffi.types.size_t;
export const WCHAR = koffi.types.char16_t;
/** NTSTATUS is a signed LONG: negative values (0xC...) are errors. */
export const NTSTATUS = koffi.types.int32;
/** Opaque pointers: HANDLE, PSID, PACL, PSECURITY_DESCRIPTOR, HLOCAL. koffi returns them as bigint (NULL as null). */
export const HANDLE = koffi.pointer(VOID);
export const PVOID = HANDLE;
/** A wide string argument (LPCWSTR), UTF-16 on both sides. */
export const LPCWSTR = koffi.types.str16;

/** A raw pointer value as koffi hands it over: a bigint address, or null for NULL. */
export type Pointer = bigint | null;

/** INVALID_HANDLE_VALUE ((HANDLE)-1), which koffi returns as an unsigned 64-bit address. */
export const INVALID_HANDLE_VALUE = 0xffff_ffff_ffff_ffffn;

/** Declares one stdcall export with the TypeScript signature the caller states. */
export function stdcall<T extends (...args: never[]) => unknown>(
  lib: LibraryHandle,
  name: string,
  result: TypeObject,
  args: (TypeObject | ReturnType<typeof koffi.out>)[],
): KoffiFunc<T> {
  return lib.func('__stdcall', name, result, args) as unknown as KoffiFunc<T>;
}
