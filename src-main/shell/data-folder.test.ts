import { describe, expect, it } from 'vitest';
import { adminDataFolder, dataFolderFor } from './data-folder';

describe('adminDataFolder', () => {
  it('is Admin Console under ProgramData, whatever the variable case', () => {
    expect(adminDataFolder({ ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Admin Console');
    expect(adminDataFolder({ PROGRAMDATA: 'D:\\PD\\' })).toBe('D:\\PD\\Admin Console');
  });

  it('falls back to ALLUSERSPROFILE', () => {
    expect(adminDataFolder({ ALLUSERSPROFILE: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Admin Console');
  });

  it.each([{}, { ProgramData: '' }, { ProgramData: 'ProgramData' }, { ProgramData: '/var/lib' }, { ProgramData: '\\ProgramData' }])(
    'throws rather than guessing for %j',
    (env) => {
      expect(() => adminDataFolder(env)).toThrow(/ProgramData/);
    },
  );
});

describe('dataFolderFor', () => {
  const env = { ProgramData: 'C:\\ProgramData', ADMIN_CONSOLE_DATA_FOLDER: 'C:\\Temp\\e2e-data' };

  it('honours the override only in a development run', () => {
    expect(dataFolderFor(false, env)).toBe('C:\\Temp\\e2e-data');
    expect(dataFolderFor(true, env)).toBe('C:\\ProgramData\\Admin Console');
  });

  it('refuses a relative override', () => {
    expect(() => dataFolderFor(false, { ...env, ADMIN_CONSOLE_DATA_FOLDER: 'data' })).toThrow(/absolute/);
  });
});
