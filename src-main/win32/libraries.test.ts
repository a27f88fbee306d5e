import { afterEach, describe, expect, test, vi } from 'vitest';
import { lazyBindings, loadSystemLibrary, system32Folder } from './libraries';

describe('system libraries', () => {
  afterEach(() => vi.unstubAllEnvs());

  test('are found in %SystemRoot%\\System32, with C:\\Windows when SystemRoot is unset', () => {
    vi.stubEnv('SystemRoot', 'D:\\WinNT');
    expect(system32Folder()).toBe('D:\\WinNT\\System32');
    vi.stubEnv('SystemRoot', undefined);
    expect(system32Folder()).toBe('C:\\Windows\\System32');
  });

  test.skipIf(process.platform === 'win32')('cannot be loaded off Windows, and say so', () => {
    expect(() => loadSystemLibrary('kernel32.dll')).toThrow(/^kernel32\.dll can only be loaded on Windows \(this is (linux|darwin)\)/);
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
});
