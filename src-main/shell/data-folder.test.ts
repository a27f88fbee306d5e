import { describe, expect, it, vi } from 'vitest';
import { adminDataFolder, dataFolderFor } from './data-folder';

const programData = (folder: string) => () => folder;

describe('adminDataFolder', () => {
  it('is Admin Console under the ProgramData folder it is given', () => {
    expect(adminDataFolder(programData('C:\\ProgramData'))).toBe('C:\\ProgramData\\Admin Console');
    expect(adminDataFolder(programData('D:\\PD\\'))).toBe('D:\\PD\\Admin Console');
    expect(adminDataFolder(programData('\\\\server\\share\\PD'))).toBe('\\\\server\\share\\PD\\Admin Console');
  });

  it.each(['', 'ProgramData', '/var/lib', '\\ProgramData', 'C:ProgramData'])('throws rather than guessing for %j', (folder) => {
    expect(() => adminDataFolder(programData(folder))).toThrow(/ProgramData/);
  });

  it('passes on a failure to find ProgramData', () => {
    const failing = () => {
      throw new Error('SHGetKnownFolderPath(FOLDERID_ProgramData) failed');
    };
    expect(() => adminDataFolder(failing)).toThrow(/SHGetKnownFolderPath/);
  });
});

describe('dataFolderFor', () => {
  const env = { ADMIN_CONSOLE_DATA_FOLDER: 'C:\\Temp\\e2e-data' };

  it('honours the override only in a development run', () => {
    expect(dataFolderFor(false, env, programData('C:\\ProgramData'))).toBe('C:\\Temp\\e2e-data');
    expect(dataFolderFor(true, env, programData('C:\\ProgramData'))).toBe('C:\\ProgramData\\Admin Console');
  });

  it('never reads ProgramData or ALLUSERSPROFILE from the environment', () => {
    const squatted = { ProgramData: 'C:\\Users\\Public\\Squat', ALLUSERSPROFILE: 'C:\\Users\\Public\\Squat', PROGRAMDATA: 'C:\\Users\\Public\\Squat' };
    expect(dataFolderFor(true, squatted, programData('C:\\ProgramData'))).toBe('C:\\ProgramData\\Admin Console');
    expect(dataFolderFor(false, squatted, programData('E:\\PD'))).toBe('E:\\PD\\Admin Console');
  });

  it('does not ask for ProgramData when the override applies', () => {
    const lookup = vi.fn(() => 'C:\\ProgramData');
    dataFolderFor(false, env, lookup);
    expect(lookup).not.toHaveBeenCalled();
    dataFolderFor(true, env, lookup);
    expect(lookup).toHaveBeenCalledOnce();
  });

  it('refuses a relative override', () => {
    expect(() => dataFolderFor(false, { ADMIN_CONSOLE_DATA_FOLDER: 'data' }, programData('C:\\ProgramData'))).toThrow(/absolute/);
  });
});
