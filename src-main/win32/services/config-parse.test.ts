import koffi from 'koffi';
import { describe, expect, test } from 'vitest';
import { QUERY_SERVICE_CONFIGW } from '../structs';
import { CONFIG_LAYOUT as L, parseBaseConfig, parseBoolLevel, parseDescription, parseRecovery, parseTriggered } from './config-parse';
import { multiSz, wideZ } from './wide-strings';

const BASE = 0x5500_0000n;

/** A buffer with a struct of `size` bytes, then each given string at the pointer field named by its offset. */
function withStrings(size: number, fill: (buffer: Buffer) => void, strings: [number, Buffer | null][]): Buffer {
  const buffer = Buffer.alloc(size + 2048);
  fill(buffer);
  let at = size;
  for (const [field, bytes] of strings) {
    if (!bytes) continue;
    buffer.writeBigUInt64LE(BASE + BigInt(at), field);
    at += bytes.copy(buffer, at);
  }
  return buffer.subarray(0, at);
}

describe('QUERY_SERVICE_CONFIGW', () => {
  const config = (dependencies: Buffer | null, startTypeValue = 3) =>
    withStrings(
      koffi.sizeof(QUERY_SERVICE_CONFIGW),
      (b) => {
        b.writeUInt32LE(0x10, L.type);
        b.writeUInt32LE(startTypeValue, L.startType);
        b.writeUInt32LE(1, L.errorControl);
      },
      [
        [L.binaryPath, wideZ('"C:\\Program Files\\Admin Test\\svc.exe" --start-ms 1500')],
        [L.loadOrderGroup, wideZ('')],
        [L.dependencies, dependencies],
        [L.startName, wideZ('NT AUTHORITY\\LocalService')],
        [L.displayName, wideZ('Admin test ✓')],
      ],
    );

  test('every field, the path exactly as stored, dependencies with their + group', () => {
    const buffer = config(multiSz(['RpcSs', '+NetworkProvider']));
    expect(parseBaseConfig(buffer, BASE, buffer.length)).toEqual({
      kind: 'ownProcess',
      typeBits: 0x10,
      startType: 'manual',
      errorControl: 'normal',
      binaryPath: '"C:\\Program Files\\Admin Test\\svc.exe" --start-ms 1500',
      loadOrderGroup: '',
      dependencies: ['RpcSs', '+NetworkProvider'],
      account: 'NT AUTHORITY\\LocalService',
      displayName: 'Admin test ✓',
    });
  });

  test('NULL or empty dependencies are none', () => {
    for (const dependencies of [null, multiSz([])]) {
      const buffer = config(dependencies);
      expect(parseBaseConfig(buffer, BASE, buffer.length).dependencies).toEqual([]);
    }
  });

  test('a start type winsvc.h does not define makes the read fail rather than mislabel', () => {
    const buffer = config(null, 9);
    expect(() => parseBaseConfig(buffer, BASE, buffer.length)).toThrow(/unknown start type 9/);
  });
});

describe('QueryServiceConfig2W levels', () => {
  test('the description, empty when none is set', () => {
    const set = withStrings(8, () => {}, [[L.description, wideZ('Keeps the test honest.')]]);
    expect(parseDescription(set, BASE, set.length)).toBe('Keeps the test honest.');
    const none = Buffer.alloc(8);
    expect(parseDescription(none, BASE, none.length)).toBe('');
  });

  test('BOOL levels and the trigger count', () => {
    const b = Buffer.alloc(24);
    expect(parseBoolLevel(b, 0)).toBe(false);
    b.writeInt32LE(1, 0);
    expect(parseBoolLevel(b, 0)).toBe(true);
    expect(parseTriggered(b)).toBe(true);
    b.writeUInt32LE(0, L.triggerCount);
    expect(parseTriggered(b)).toBe(false);
  });

  /** SERVICE_FAILURE_ACTIONSW with its strings and SC_ACTION array after it. */
  function failureActions(reset: number, actions: [number, number][]): Buffer {
    const array = Buffer.alloc(actions.length * L.actionSize);
    actions.forEach(([type, delay], i) => {
      array.writeInt32LE(type, i * L.actionSize + L.actionType);
      array.writeUInt32LE(delay, i * L.actionSize + L.actionDelay);
    });
    return withStrings(
      L.failureActionsSize,
      (b) => {
        b.writeUInt32LE(reset, L.resetPeriod);
        b.writeUInt32LE(actions.length, L.actionCount);
      },
      [
        [L.actions, actions.length ? array : null],
        [L.rebootMessage, wideZ('Rebooting for the test')],
        [L.command, wideZ('"C:\\Tools\\notify me.exe" x')],
      ],
    );
  }

  test('recovery: the actions in order with their delays, the reset period, message and command', () => {
    const buffer = failureActions(86_400, [
      [1, 60_000],
      [3, 1000],
      [2, 0],
      [0, 0],
    ]);
    expect(parseRecovery(buffer, BASE, buffer.length)).toEqual({
      resetPeriodSeconds: 86_400,
      rebootMessage: 'Rebooting for the test',
      command: '"C:\\Tools\\notify me.exe" x',
      actions: [
        { type: 'restart', delayMs: 60_000 },
        { type: 'runCommand', delayMs: 1000 },
        { type: 'reboot', delayMs: 0 },
        { type: 'none', delayMs: 0 },
      ],
    });
  });

  test('recovery: INFINITE is "never reset"; no actions is an empty list', () => {
    const buffer = failureActions(0xffff_ffff, []);
    expect(parseRecovery(buffer, BASE, buffer.length)).toMatchObject({ resetPeriodSeconds: null, actions: [] });
  });

  test('recovery: SC_ACTION_OWN_RESTART or an array past the buffer makes the part unreadable (throws)', () => {
    const own = failureActions(60, [[4, 0]]);
    expect(() => parseRecovery(own, BASE, own.length)).toThrow(/unknown recovery action type 4/);
    const cut = failureActions(60, [[1, 0]]);
    cut.writeUInt32LE(200, L.actionCount);
    expect(() => parseRecovery(cut, BASE, cut.length)).toThrow(/do not fit/);
  });
});
