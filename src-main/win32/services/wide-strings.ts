/**
 * UTF-16 strings in the SCM's buffers, both ways. The SCM returns structs whose string pointers point
 * into the caller's own buffer, so a pointer is read as an offset from the buffer's address; going in,
 * we build NUL-terminated and double-NUL-terminated (MULTI_SZ) buffers ourselves. Pure: unit-tested
 * on Linux with synthetic buffers.
 */

/** The text of a NUL-terminated UTF-16 string starting at `offset` (or running to the buffer's end). */
export function readWideZ(buffer: Buffer, offset: number, end = buffer.length): string {
  let stop = offset;
  while (stop + 1 < end && buffer.readUInt16LE(stop) !== 0) stop += 2;
  return buffer.toString('utf16le', offset, stop);
}

/**
 * Where a pointer the SCM wrote into `buffer` points, as an offset into it; null for NULL. Throws if
 * it points outside [base, base + length): that would be a layout bug, never something to read.
 */
export function offsetOfPointer(pointer: bigint, base: bigint, length: number): number | null {
  if (pointer === 0n) return null;
  const offset = pointer - base;
  if (offset < 0n || offset >= BigInt(length)) {
    throw new Error(`a string pointer 0x${pointer.toString(16)} lies outside the buffer at 0x${base.toString(16)} (${length} bytes)`);
  }
  return Number(offset);
}

/** The string a pointer field at `field` points to ('' for NULL), reading only within the first `length` bytes. */
export function readPointedString(buffer: Buffer, base: bigint, length: number, field: number): string {
  const offset = offsetOfPointer(buffer.readBigUInt64LE(field), base, length);
  return offset === null ? '' : readWideZ(buffer, offset, length);
}

/**
 * A MULTI_SZ (strings each NUL-terminated, an empty string ending the list) starting at `offset`, as
 * a list. QueryServiceConfigW's lpDependencies: load-order groups keep their SC_GROUP_IDENTIFIER '+'.
 */
export function parseMultiSz(buffer: Buffer, offset: number, end = buffer.length): string[] {
  const list: string[] = [];
  let at = offset;
  while (at + 1 < end) {
    const text = readWideZ(buffer, at, end);
    if (text === '') break;
    list.push(text);
    at += (text.length + 1) * 2;
  }
  return list;
}

/** A NUL-terminated UTF-16 string in a buffer of its own (for a PVOID argument or a struct field). */
export function wideZ(text: string): Buffer {
  return Buffer.from(`${text}\0`, 'utf16le');
}

/**
 * A double-NUL-terminated UTF-16 list (CreateServiceW / ChangeServiceConfigW dependencies). An empty
 * list is the terminator alone (two NULs, so a reader that expects "\0\0" is served too), which for
 * ChangeServiceConfigW means "no dependencies" (NULL would mean "no change"). Throws for an empty
 * name or one with a NUL, which would end the list early.
 */
export function multiSz(list: readonly string[]): Buffer {
  for (const item of list) {
    if (item === '' || item.includes('\0')) throw new Error(`a dependency name cannot be empty or contain NUL: ${JSON.stringify(item)}`);
  }
  if (list.length === 0) return Buffer.alloc(4);
  return Buffer.from(`${list.map((item) => `${item}\0`).join('')}\0`, 'utf16le');
}
