import { describe, expect, test } from 'vitest';
import { compareNames, environmentBlock, mergeEnvironment, upcaseName } from './environment-block';

describe('mergeEnvironment', () => {
  test('additions replace a variable of the same name in any case; the addition spelling wins', () => {
    const merged = mergeEnvironment({ Path: 'C:\\Windows', TEMP: 'C:\\Temp' }, [
      { name: 'PATH', value: 'C:\\Tools;C:\\Windows' },
      { name: 'Build_Mode', value: 'release' },
    ]);
    expect(merged).toEqual([
      ['Build_Mode', 'release'],
      ['PATH', 'C:\\Tools;C:\\Windows'],
      ['TEMP', 'C:\\Temp'],
    ]);
  });

  test('a later addition of the same name wins; an empty value is kept as a set, empty variable', () => {
    expect(mergeEnvironment({}, [{ name: 'x', value: '1' }, { name: 'X', value: '' }])).toEqual([['X', '']]);
  });

  test('sorted case-insensitively in ordinal (not locale) order: "_" (0x5F) after upper-case letters', () => {
    const names = mergeEnvironment({ b: '1', A: '1', _z: '1', a_b: '1', Ab: '1', 'É': '1', Z: '1' }, []).map(([n]) => n);
    // Upper-cased: A, AB, A_B, B, Z, _Z, É: ordinal by UTF-16 code unit ("B" 0x42 < "_" 0x5F < "É" 0xC9).
    expect(names).toEqual(['A', 'Ab', 'a_b', 'b', 'Z', '_z', 'É']);
    expect(compareNames('path', 'PATH')).toBe(0);
    // One unit at a time, as Windows upper-cases: "ß" has no one-unit upper case and stays.
    expect(upcaseName('straße')).toBe('STRAßE');
    expect(mergeEnvironment({ 'straße': '1' }, [{ name: 'STRASSE', value: '2' }])).toHaveLength(2);
  });

  test('drops undefined values and hidden "=C:" entries of the base', () => {
    expect(mergeEnvironment({ '=C:': 'C:\\', GONE: undefined, KEEP: 'y' }, [])).toEqual([['KEEP', 'y']]);
  });

  test('refuses a name with "=" or a NUL in a name or value (BAD_REQUEST)', () => {
    expect(() => mergeEnvironment({}, [{ name: 'A=B', value: '1' }])).toThrow(/contains '='/);
    expect(() => mergeEnvironment({}, [{ name: '', value: '1' }])).toThrow(/needs a name/);
    try {
      mergeEnvironment({}, [{ name: 'A', value: 'x\0y' }]);
      expect.unreachable();
    } catch (err) {
      expect((err as { code: string }).code).toBe('BAD_REQUEST');
      expect((err as Error).message).toContain('NUL');
    }
  });
});

describe('environmentBlock', () => {
  test('NAME=value\\0 per variable, then one more NUL, in UTF-16LE', () => {
    const block = environmentBlock([
      ['A', '1'],
      ['Bé', 'ü 🙂'],
    ]);
    expect(block.toString('utf16le')).toBe('A=1\0Bé=ü 🙂\0\0');
    expect(block.readUInt16LE(block.length - 2)).toBe(0);
    expect(block.readUInt16LE(block.length - 4)).toBe(0);
  });

  test('an empty block is two NULs', () => {
    expect(environmentBlock([])).toEqual(Buffer.from([0, 0, 0, 0]));
  });
});
