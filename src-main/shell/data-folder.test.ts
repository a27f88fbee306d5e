import { describe, expect, it, vi } from 'vitest';
import { adminDataFolder, dataFolderFor, isAdminOnlySddl } from './data-folder';

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

describe('isAdminOnlySddl', () => {
  it.each([
    'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)', // as created (CreateDirectoryW with ADMIN_ONLY_SDDL)
    'O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)', // after TreeResetNamedSecurityInfoW
    'O:SYD:PAI(A;OICI;FA;;;BA)',
    'O:S-1-5-32-544D:P(A;OICI;FA;;;S-1-5-18)',
  ])('accepts %s', (sddl) => {
    expect(isAdminOnlySddl(sddl)).toBe(true);
  });

  it.each([
    ['a standard user owns it (squatted)', 'O:S-1-5-21-1-2-3-1001D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)'],
    ['the DACL is not protected (ProgramData entries inherited)', 'O:BAD:AI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIID;0x1200a9;;;BU)'],
    ['Users may create files', 'O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;CI;DCLCRPCR;;;BU)'],
    ['CREATOR OWNER has full control', 'O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIIO;FA;;;CO)'],
    ['it has no DACL entries at all', 'O:BAD:P'],
    ['a NULL DACL', 'O:BAD:NO_ACCESS_CONTROL'],
    ['an ACE it does not parse', 'O:BAD:P(A;OICI;FA;;;SY)(garbage)'],
    ['an object ACE for someone else', 'O:BAD:P(A;OICI;FA;;;BA)(OA;;RP;bf967aba-0de6-11d0-a285-00aa003049e2;;WD)'],
    ['an empty string', ''],
    ['Wine (every owner is the Unix user)', 'O:S-1-5-21-0-0-0-1000G:S-1-5-21-0-0-0-1000D:(A;;FA;;;WD)'],
  ])('refuses it when %s', (_why, sddl) => {
    expect(isAdminOnlySddl(sddl)).toBe(false);
  });
});
