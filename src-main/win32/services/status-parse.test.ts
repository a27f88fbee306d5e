import { describe, expect, test } from 'vitest';
import { STATUS_LAYOUT as L, parseEnumEntries, parseStatusProcess } from './status-parse';
import { wideZ } from './wide-strings';

const BASE = 0x7ff0_0000_0000n;

interface Entry {
  name: string;
  displayName: string | null;
  status: number[];
}

/** What EnumServicesStatusExW writes: the entries, then each name, pointers as BASE + offset. */
function enumBuffer(entries: Entry[]): Buffer {
  const buffer = Buffer.alloc(entries.length * L.entrySize + 4096);
  let strings = entries.length * L.entrySize;
  entries.forEach((e, i) => {
    const at = i * L.entrySize;
    for (const [field, text] of [
      [L.entryName, e.name],
      [L.entryDisplayName, e.displayName],
    ] as const) {
      if (text === null) continue;
      buffer.writeBigUInt64LE(BASE + BigInt(strings), at + field);
      strings += wideZ(text).copy(buffer, strings);
    }
    e.status.forEach((value, k) => buffer.writeUInt32LE(value, at + L.entryStatus + k * 4));
  });
  return buffer.subarray(0, strings);
}

// type, state, controls, win32 exit, specific exit, checkpoint, wait hint, pid, flags
const RUNNING_SPOOLER = [0x10, 4, 0x5, 0, 0, 0, 0, 2332, 0];
const STARTING_DRIVER = [0x1, 2, 0, 0, 0, 3, 2000, 0, 0];
const CRASHED = [0x20, 1, 0, 1067, 0, 0, 0, 0, 1];

describe('ENUM_SERVICE_STATUS_PROCESSW entries', () => {
  test('names, display names and every status field', () => {
    const buffer = enumBuffer([
      { name: 'Spooler', displayName: 'Print Spooler', status: RUNNING_SPOOLER },
      { name: 'AdminDrv', displayName: null, status: STARTING_DRIVER },
      { name: 'Crashy', displayName: 'Crashy 💥', status: CRASHED },
    ]);
    const [spooler, driver, crashed] = parseEnumEntries(buffer, BASE, buffer.length, 3);
    expect(spooler).toEqual({
      name: 'Spooler',
      displayName: 'Print Spooler',
      kind: 'ownProcess',
      typeBits: 0x10,
      state: 'running',
      controlsAccepted: 0x5,
      win32ExitCode: 0,
      serviceSpecificExitCode: 0,
      checkPoint: 0,
      waitHint: 0,
      pid: 2332,
      runsInSystemProcess: false,
    });
    expect(driver).toMatchObject({ name: 'AdminDrv', displayName: '', kind: 'kernelDriver', state: 'startPending', checkPoint: 3, waitHint: 2000 });
    expect(crashed).toMatchObject({ displayName: 'Crashy 💥', kind: 'shareProcess', state: 'stopped', win32ExitCode: 1067, runsInSystemProcess: true });
  });

  test('no entries from an empty answer; more entries than bytes is refused', () => {
    expect(parseEnumEntries(Buffer.alloc(0), BASE, 0, 0)).toEqual([]);
    expect(() => parseEnumEntries(Buffer.alloc(L.entrySize), BASE, L.entrySize, 2)).toThrow(/do not fit/);
  });

  test('a name pointer outside the filled bytes is refused, never read', () => {
    const buffer = enumBuffer([{ name: 'Spooler', displayName: 'Print Spooler', status: RUNNING_SPOOLER }]);
    expect(() => parseEnumEntries(buffer, BASE + 4096n, buffer.length, 1)).toThrow(/outside the buffer/);
  });
});

describe('SERVICE_STATUS_PROCESS', () => {
  test('QueryServiceStatusEx reports no names: the one asked for is used', () => {
    const buffer = Buffer.alloc(L.statusSize);
    STARTING_DRIVER.forEach((value, k) => buffer.writeUInt32LE(value, k * 4));
    expect(parseStatusProcess(buffer, 0, 'AdminDrv')).toMatchObject({ name: 'AdminDrv', displayName: '', state: 'startPending', checkPoint: 3 });
  });
});
