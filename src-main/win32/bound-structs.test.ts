import koffi from 'koffi';
import { describe, expect, test } from 'vitest';
import { boundStructs, isStructType } from './bound-structs';
import * as structs from './structs';
import { DWORD, HANDLE } from './types';

describe('boundStructs', () => {
  test('holds every struct structs.ts exports, by its exported name', () => {
    const exported = Object.entries(structs).filter(([, v]) => isStructType(v)).map(([k]) => k);
    expect(Object.keys(boundStructs).sort()).toEqual(exported.sort());
    expect(boundStructs.FILETIME).toBe(structs.FILETIME);
    expect(Object.keys(boundStructs)).toEqual(expect.arrayContaining(['GUID', 'WIN32_FIND_DATAW', 'GROUP_AFFINITY', 'TOKEN_ELEVATION']));
    expect(Object.isFrozen(boundStructs)).toBe(true);
  });

  test('recognises structs and unions, not scalars, pointers or arrays', () => {
    // Declaring a struct here would break structs-source.test.ts: use ours, and a union's shape.
    expect(isStructType(structs.GUID)).toBe(true);
    expect(isStructType({ primitive: 'Union', size: 8 })).toBe(true);
    for (const other of [DWORD, HANDLE, koffi.array(DWORD, 2), null, 'FILETIME', {}]) expect(isStructType(other)).toBe(false);
  });
});
