import { describe, expect, it } from 'vitest';
import { splitModulePath } from './module-path';

describe('splitModulePath', () => {
  it('puts the file name first and keeps the folder whole', () => {
    expect(splitModulePath('C:\\Windows\\System32\\ntdll.dll')).toEqual({ file: 'ntdll.dll', folder: 'C:\\Windows\\System32' });
    expect(splitModulePath('C:\\Program Files (x86)\\My App\\bin\\a b.dll')).toEqual({ file: 'a b.dll', folder: 'C:\\Program Files (x86)\\My App\\bin' });
  });

  it('reads forward slashes, a root folder and a bare name', () => {
    expect(splitModulePath('/opt/wine/lib/x.so')).toEqual({ file: 'x.so', folder: '/opt/wine/lib' });
    expect(splitModulePath('C:\\boot.dll')).toEqual({ file: 'boot.dll', folder: 'C:\\' });
    expect(splitModulePath('\\\\?\\C:\\x\\y.dll')).toEqual({ file: 'y.dll', folder: '\\\\?\\C:\\x' });
    expect(splitModulePath('/x.so')).toEqual({ file: 'x.so', folder: '/' });
    expect(splitModulePath('kernel32.dll')).toEqual({ file: 'kernel32.dll', folder: '' });
  });
});
