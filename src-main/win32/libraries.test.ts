import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { KnownDll } from './libraries';
import { KNOWN_DLLS, lazyBindings, loadSystemLibrary } from './libraries';
import { isBareDllName, loadFromSystem32 } from './system32-library';

describe('system libraries', () => {
  test.skipIf(process.platform === 'win32')('cannot be loaded off Windows, and say so', () => {
    expect(() => loadSystemLibrary('kernel32.dll')).toThrow(/^kernel32\.dll can only be loaded on Windows \(this is (linux|darwin)\)/);
    expect(() => loadFromSystem32('version.dll')).toThrow(/^version\.dll can only be loaded on Windows/);
  });

  test('are not loaded until a binding is first used', () => {
    let bound = 0;
    const get = lazyBindings('ntdll.dll', () => ++bound);
    expect(bound).toBe(0);
    if (process.platform !== 'win32') {
      expect(get).toThrow(/only be loaded on Windows/);
      expect(bound).toBe(0);
    }
  });

  test('only KnownDLLs are loaded by bare name', () => {
    expect([...KNOWN_DLLS].sort()).toEqual(['advapi32.dll', 'kernel32.dll', 'ntdll.dll', 'ole32.dll', 'shell32.dll']);
    expect(() => loadSystemLibrary('version.dll' as KnownDll)).toThrow(/not a KnownDLL/);
  });

  test('loadFromSystem32 takes a bare name only (LOAD_LIBRARY_SEARCH_SYSTEM32 is ignored for a path)', () => {
    for (const name of ['version.dll', 'api-ms-win-core-file-l1-1-0.dll', 'WTSAPI32.DLL']) expect(isBareDllName(name)).toBe(true);
    for (const name of ['C:\\evil\\version.dll', '..\\version.dll', 'sub/version.dll', '.\\version.dll', 'version', 'version.dll ', '']) {
      expect(isBareDllName(name)).toBe(false);
      expect(() => loadFromSystem32(name)).toThrow(/bare DLL name/);
    }
  });

  test('no module of the Win32 layer builds a path from the environment', () => {
    const folder = __dirname;
    const offenders = fs
      .readdirSync(folder, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /process\.env\.(SystemRoot|windir|SystemDrive|ProgramData|ALLUSERSPROFILE)\b|process\.env\[/i.test(fs.readFileSync(path.join(folder, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
