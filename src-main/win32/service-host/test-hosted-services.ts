/**
 * Test support for the service-host suites (not product code): installs service-host.exe (staged by
 * scripts/windows-suites.mjs in a folder whose path has spaces) as a uniquely named service, writes its
 * Parameters values with RegSetKeyValueW as CONTRACT.md describes them, and reads what the test program
 * (native/test-hosted.c) recorded. Services go through test-services.ts, so removeTestServices stops
 * and deletes them (Parameters with them: DeleteService removes the whole key).
 */
import fs from 'node:fs';
import path from 'node:path';
import koffi from 'koffi';
import { lazyBindings } from '../libraries';
import { DWORD, HANDLE, LPCWSTR, PVOID, stdcall } from '../types';
import { Win32Error } from '../win32-error';
import { installTestService, uniqueTestServiceName } from '../services/test-services';
import { quoteArgument } from '../processes/launch';

/** HKEY_LOCAL_MACHINE, sign-extended on x64 (winreg.h). */
const HKEY_LOCAL_MACHINE = 0xffff_ffff_8000_0002n;
const REG_SZ = 1;
const REG_DWORD = 4;
const REG_MULTI_SZ = 7;
const REG_QWORD = 11;

const registry = lazyBindings('advapi32.dll', (lib) => ({
  /** "RegSetKeyValueW function (winreg.h)": creates the subkey if needed and sets one value; returns the Win32 error. */
  RegSetKeyValueW: stdcall<(root: bigint, subKey: string, value: string, type: number, data: Buffer, size: number) => number>(
    lib,
    'RegSetKeyValueW',
    koffi.types.int32,
    [HANDLE, LPCWSTR, LPCWSTR, DWORD, PVOID, DWORD],
  ),
  /** "RegDeleteTreeW function (winreg.h)": deletes a key with its subkeys and values; returns the Win32 error. */
  RegDeleteTreeW: stdcall<(root: bigint, subKey: string) => number>(lib, 'RegDeleteTreeW', koffi.types.int32, [HANDLE, LPCWSTR]),
}));

/** A Parameters value as the test gives it: number = DWORD, bigint = QWORD, string = SZ, string[] = MULTI_SZ. */
export type ParameterValue = number | bigint | string | readonly string[];

/** Sets the service's Parameters values (creating the key). Throws a Win32Error naming the value. */
export function setParameters(service: string, values: Readonly<Record<string, ParameterValue>>): void {
  setValues(`SYSTEM\\CurrentControlSet\\Services\\${service}\\Parameters`, values);
}

/** Deletes an HKLM key and everything below it; a key already gone is fine. */
export function deleteKey(key: string): void {
  const code = registry().RegDeleteTreeW(HKEY_LOCAL_MACHINE, key);
  if (code !== 0 && code !== 2) throw Win32Error.fromCode(`RegDeleteTreeW(${key})`, code);
}

/** Sets values under an HKLM key (created if needed), typed as ParameterValue says. */
export function setValues(key: string, values: Readonly<Record<string, ParameterValue>>): void {
  for (const [name, value] of Object.entries(values)) {
    let type: number;
    let data: Buffer;
    if (typeof value === 'number') {
      type = REG_DWORD;
      data = Buffer.alloc(4);
      data.writeUInt32LE(value);
    } else if (typeof value === 'bigint') {
      type = REG_QWORD;
      data = Buffer.alloc(8);
      data.writeBigUInt64LE(value);
    } else if (typeof value === 'string') {
      type = REG_SZ;
      data = Buffer.from(`${value}\0`, 'utf16le');
    } else {
      type = REG_MULTI_SZ;
      data = Buffer.from(`${value.map((v) => `${v}\0`).join('')}\0`, 'utf16le');
    }
    const code = registry().RegSetKeyValueW(HKEY_LOCAL_MACHINE, key, name, type, data, data.length);
    if (code !== 0) throw Win32Error.fromCode(`RegSetKeyValueW(${key}\\${name})`, code);
  }
}

/** service-host.exe as scripts/windows-suites.mjs staged it (ADMIN_CONSOLE_SERVICE_HOST), in a path with spaces. */
export function serviceHostExe(): string {
  const exe = process.env.ADMIN_CONSOLE_SERVICE_HOST;
  if (!exe) throw new Error('ADMIN_CONSOLE_SERVICE_HOST must name the staged service-host.exe (scripts/windows-suites.mjs sets it)');
  if (!fs.existsSync(exe)) throw new Error(`${exe} does not exist`);
  return exe;
}

/** native/test-hosted.c's executable, built beside the other helpers (ADMIN_CONSOLE_NATIVE_DIR). */
export function testHostedExe(): string {
  const dir = process.env.ADMIN_CONSOLE_NATIVE_DIR;
  if (!dir) throw new Error('ADMIN_CONSOLE_NATIVE_DIR must name the built C helpers (scripts/windows-suites.mjs sets it)');
  return path.join(dir, 'test-hosted.exe');
}

/**
 * Installs service-host.exe as a service (`"<host>" --service NAME`, the host quoted) with the given
 * Parameters (SchemaVersion 1 and Program test-hosted.exe unless given; null: no Parameters key at all);
 * returns its name. `binaryArgs` replaces `--service NAME` (to test a mismatch).
 */
export function installHostedService(parameters: Readonly<Record<string, ParameterValue>> | null, binaryArgs?: readonly string[]): string {
  const name = uniqueTestServiceName();
  const args = binaryArgs ?? ['--service', name];
  installTestService([], {
    name,
    displayName: `Admin Console hosted test ${name}`,
    binaryPath: [serviceHostExe(), ...args].map((a) => quoteArgument(a)).join(' '),
  });
  if (parameters) setParameters(name, { SchemaVersion: 1, Program: testHostedExe(), ...parameters });
  return name;
}

/** One line test-hosted.exe recorded: event, PID, time (ms since 1970). */
export interface RecordedEvent {
  event: string;
  pid: number;
  at: number;
}

/** The lines of a --record file ([] before the first). */
export function readRecord(file: string): RecordedEvent[] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      const [event, pid, at] = line.split(' ');
      return { event: event!, pid: Number(pid), at: Number(at) };
    });
}

/** Waits until `done` holds for the record (polling every 50 ms) or `ms` pass; returns the last read. */
export async function waitForRecord(file: string, done: (events: RecordedEvent[]) => boolean, ms: number): Promise<RecordedEvent[]> {
  const end = Date.now() + ms;
  for (;;) {
    const events = readRecord(file);
    if (done(events) || Date.now() >= end) return events;
    await new Promise((r) => setTimeout(r, 50));
  }
}
