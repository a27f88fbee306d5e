import { describe, expect, test } from 'vitest';
import { multiSz, offsetOfPointer, parseMultiSz, readPointedString, readWideZ, wideZ } from './wide-strings';

describe('reading UTF-16 strings out of a buffer', () => {
  test('a NUL-terminated string, emoji included; one cut at the buffer end stops there', () => {
    const buffer = Buffer.concat([wideZ('Print Spooler 🖨'), Buffer.from('tail', 'utf16le')]);
    expect(readWideZ(buffer, 0)).toBe('Print Spooler 🖨');
    expect(readWideZ(buffer, buffer.length - 8)).toBe('tail');
    expect(readWideZ(wideZ(''), 0)).toBe('');
  });

  test('a pointer is an offset from the buffer address; NULL is null; outside the buffer throws', () => {
    expect(offsetOfPointer(0x1000n + 24n, 0x1000n, 64)).toBe(24);
    expect(offsetOfPointer(0n, 0x1000n, 64)).toBeNull();
    expect(() => offsetOfPointer(0x1000n + 64n, 0x1000n, 64)).toThrow(/outside the buffer/);
    expect(() => offsetOfPointer(0xff0n, 0x1000n, 64)).toThrow(/outside the buffer/);
  });

  test('a pointer field names the string it points to', () => {
    const buffer = Buffer.alloc(40);
    buffer.writeBigUInt64LE(0x2000n + 16n, 0);
    wideZ('Spooler').copy(buffer, 16);
    expect(readPointedString(buffer, 0x2000n, buffer.length, 0)).toBe('Spooler');
    buffer.writeBigUInt64LE(0n, 0);
    expect(readPointedString(buffer, 0x2000n, buffer.length, 0)).toBe('');
  });
});

describe('MULTI_SZ', () => {
  test('parses a dependency list; load-order groups keep their SC_GROUP_IDENTIFIER', () => {
    const buffer = Buffer.from('RpcSs\0+NetworkProvider\0Tcpip\0\0', 'utf16le');
    expect(parseMultiSz(buffer, 0)).toEqual(['RpcSs', '+NetworkProvider', 'Tcpip']);
  });

  test('an empty list is the terminator alone, and parses back empty', () => {
    expect(parseMultiSz(Buffer.from('\0\0', 'utf16le'), 0)).toEqual([]);
    expect(parseMultiSz(Buffer.alloc(0), 0)).toEqual([]);
    expect(multiSz([])).toEqual(Buffer.alloc(4));
  });

  test('builds a double-NUL-terminated list that parses back to the same names', () => {
    const names = ['Audio Service', '+Group One', 'Ünïcode ✓'];
    const built = multiSz(names);
    expect(built.subarray(-4)).toEqual(Buffer.alloc(4));
    expect(parseMultiSz(built, 0)).toEqual(names);
  });

  test('refuses a name that would end the list early', () => {
    expect(() => multiSz(['a', ''])).toThrow(/cannot be empty/);
    expect(() => multiSz(['a\0b'])).toThrow(/contain NUL/);
  });
});
