import koffi from 'koffi';
import { describe, expect, test } from 'vitest';
import { argumentVector } from './control';
import {
  FAILURE_ACTIONS_SIZE,
  encodeBoolLevel,
  encodeDescription,
  encodeRecovery,
  isBuiltInAccount,
  logonForChange,
  logonForCreate,
  recoveryReboots,
  recoveryRestarts,
  scrub,
} from './config-encode';
import { CONFIG_LAYOUT as L } from './config-parse';
import { readWideZ } from './wide-strings';

/** The buffer among `parts` a pointer field of `info` points to (its address must be a part's own). */
function pointee(info: Buffer, field: number, parts: Buffer[]): Buffer | null {
  const address = info.readBigUInt64LE(field);
  if (address === 0n) return null;
  const found = parts.find((p) => koffi.address(p) === address);
  if (!found) throw new Error(`field ${field} points to none of the parts`);
  return found;
}

describe('ChangeServiceConfig2W structs', () => {
  test('SERVICE_DESCRIPTIONW points to the text, NUL-terminated; "" clears', () => {
    for (const text of ['Runs the nightly report.', '']) {
      const { info, parts } = encodeDescription(text);
      const target = pointee(info, L.description, parts);
      expect(target && readWideZ(target, 0)).toBe(text);
    }
  });

  test('BOOL levels write a 4-byte 1 or 0', () => {
    expect(encodeBoolLevel('delayedAutoStart', true).info.readInt32LE(L.delayedAutoStart)).toBe(1);
    expect(encodeBoolLevel('recoveryOnNonCrashFailures', false).info.readInt32LE(L.nonCrashFailures)).toBe(0);
    expect(encodeBoolLevel('recoveryOnNonCrashFailures', true).info.length).toBe(4);
  });

  test('SERVICE_FAILURE_ACTIONSW: reset period, message, command and the SC_ACTION array in order', () => {
    const policy = {
      resetPeriodSeconds: 3600,
      rebootMessage: 'Going down',
      command: '"C:\\Program Files\\x y\\notify.exe" --why crash',
      actions: [
        { type: 'restart' as const, delayMs: 60_000 },
        { type: 'runCommand' as const, delayMs: 5000 },
        { type: 'reboot' as const, delayMs: 120_000 },
      ],
    };
    const { info, parts } = encodeRecovery(policy);
    expect(info.length).toBe(FAILURE_ACTIONS_SIZE);
    expect(info.readUInt32LE(L.resetPeriod)).toBe(3600);
    expect(info.readUInt32LE(L.actionCount)).toBe(3);
    expect(readWideZ(pointee(info, L.rebootMessage, parts) ?? Buffer.alloc(0), 0)).toBe('Going down');
    expect(readWideZ(pointee(info, L.command, parts) ?? Buffer.alloc(0), 0)).toBe(policy.command);
    const array = pointee(info, L.actions, parts);
    expect(array).not.toBeNull();
    const decoded = [0, 1, 2].map((i) => [array?.readInt32LE(i * L.actionSize + L.actionType), array?.readUInt32LE(i * L.actionSize + L.actionDelay)]);
    expect(decoded).toEqual([
      [1, 60_000],
      [3, 5000],
      [2, 120_000],
    ]);
    expect(recoveryRestarts(policy)).toBe(true);
    expect(recoveryReboots(policy)).toBe(true);
  });

  test('no actions and "never reset": cActions 0 with a non-NULL array (so Windows deletes the actions), INFINITE; empty strings still given', () => {
    const { info, parts } = encodeRecovery({ resetPeriodSeconds: null, rebootMessage: '', command: '', actions: [] });
    expect(info.readUInt32LE(L.resetPeriod)).toBe(0xffff_ffff);
    expect(info.readUInt32LE(L.actionCount)).toBe(0);
    expect(info.readBigUInt64LE(L.actions)).not.toBe(0n);
    expect(pointee(info, L.actions, parts)).not.toBeNull();
    expect(pointee(info, L.command, parts)).not.toBeNull();
    expect(recoveryRestarts({ resetPeriodSeconds: null, rebootMessage: '', command: '', actions: [{ type: 'none', delayMs: 0 }] })).toBe(false);
  });

  test('values a DWORD cannot hold are refused', () => {
    expect(() => encodeRecovery({ resetPeriodSeconds: 0xffff_ffff, rebootMessage: '', command: '', actions: [] })).toThrow(/reset period/);
    expect(() => encodeRecovery({ resetPeriodSeconds: 1, rebootMessage: '', command: '', actions: [{ type: 'restart', delayMs: -1 }] })).toThrow(/delay/);
  });

  test('scrub zero-fills what it is given', () => {
    const secret = Buffer.from('secret\0', 'utf16le');
    scrub(secret, null, undefined);
    expect(secret.every((b) => b === 0)).toBe(true);
  });
});

describe('accounts', () => {
  test('CreateServiceW: LocalSystem is a NULL start name with no password', () => {
    expect(logonForCreate({ account: null, password: null })).toEqual({ startName: null, password: null });
    expect(logonForCreate({ account: 'LocalSystem', password: 'ignored' })).toEqual({ startName: null, password: null });
    expect(logonForCreate({ account: 'NT AUTHORITY\\NetworkService', password: null })).toEqual({ startName: 'NT AUTHORITY\\NetworkService', password: null });
  });

  test('CreateServiceW: a user gets the password in a NUL-terminated buffer', () => {
    const { startName, password } = logonForCreate({ account: '.\\svc-report', password: 'p@ss w0rd' });
    expect(startName).toBe('.\\svc-report');
    expect(password && readWideZ(password, 0)).toBe('p@ss w0rd');
  });

  test('ChangeServiceConfigW: LocalSystem is named (NULL would mean "no change"); built-ins get the empty password', () => {
    const system = logonForChange({ account: null, password: null });
    expect(system.startName).toBe('LocalSystem');
    expect(system.password && readWideZ(system.password, 0)).toBe('');
    const local = logonForChange({ account: 'NT AUTHORITY\\LocalService', password: 'ignored' });
    expect(local.password && readWideZ(local.password, 0)).toBe('');
  });

  test('ChangeServiceConfigW: a user keeps the stored password when none is given', () => {
    expect(logonForChange({ account: 'CORP\\svc', password: null })).toEqual({ startName: 'CORP\\svc', password: null });
    const given = logonForChange({ account: 'CORP\\svc', password: 'new' }).password;
    expect(given && readWideZ(given, 0)).toBe('new');
  });

  test('built-in accounts by the names the SCM stores', () => {
    for (const name of [null, 'LocalSystem', '.\\LocalSystem', 'NT AUTHORITY\\LocalService', 'nt authority\\network service', 'NT AUTHORITY\\SYSTEM']) {
      expect(isBuiltInAccount(name)).toBe(true);
    }
    for (const name of ['.\\admin', 'CORP\\LocalService', 'LocalServiceX']) expect(isBuiltInAccount(name)).toBe(false);
  });
});

describe('StartServiceW arguments', () => {
  test('an array of pointers to NUL-terminated strings, in order; none is NULL', () => {
    expect(argumentVector([])).toEqual({ vector: null, strings: [] });
    const { vector, strings } = argumentVector(['--start-ms', 'with spaces "and quotes"']);
    expect(vector?.length).toBe(16);
    strings.forEach((s, i) => expect(vector?.readBigUInt64LE(i * 8)).toBe(koffi.address(s)));
    expect(strings.map((s) => readWideZ(s, 0))).toEqual(['--start-ms', 'with spaces "and quotes"']);
  });

  test('an argument with NUL is refused', () => {
    expect(() => argumentVector(['a\0b'])).toThrow(/NUL/);
  });
});
