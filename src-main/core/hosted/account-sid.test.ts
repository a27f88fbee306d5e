import { describe, expect, it } from 'vitest';
import { accountSddlSid, logFolderSddl, serviceSid, sidText } from './account-sid';

describe('account SIDs for the log folder', () => {
  it('computes service SIDs as Windows does (TrustedInstaller, case-insensitive)', () => {
    expect(serviceSid('TrustedInstaller')).toBe('S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464');
    expect(serviceSid('trustedinstaller')).toBe(serviceSid('TRUSTEDINSTALLER'));
  });

  it('reads a binary SID', () => {
    // S-1-5-32-544 (BUILTIN\Administrators)
    const sid = Buffer.from([1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0]);
    expect(sidText(sid)).toBe('S-1-5-32-544');
  });

  it('names each account kind, looking up only users and gMSAs', () => {
    const looked: string[] = [];
    const lookup = (n: string) => (looked.push(n), 'S-1-5-21-1-2-3-1001');
    expect(accountSddlSid('web', { kind: 'virtual' }, lookup)).toBe(serviceSid('web'));
    expect(accountSddlSid('web', { kind: 'localSystem' }, lookup)).toBe('SY');
    expect(accountSddlSid('web', { kind: 'localService' }, lookup)).toBe('LS');
    expect(accountSddlSid('web', { kind: 'networkService' }, lookup)).toBe('NS');
    expect(accountSddlSid('web', { kind: 'gmsa', name: 'CORP\\web$' }, lookup)).toBe('S-1-5-21-1-2-3-1001');
    expect(looked).toEqual(['CORP\\web$']);
    expect(logFolderSddl('LS')).toBe('O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;LS)');
  });
});
