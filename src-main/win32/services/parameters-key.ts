/**
 * A hosted service's configuration key, `HKLM\SYSTEM\CurrentControlSet\Services\NAME\Parameters`
 * (native/service-host/CONTRACT.md), written so the host never reads half of it:
 *   1. `Parameters.new` is created fresh and every value written, `SchemaVersion` last (its presence marks
 *      the key complete);
 *   2. the live `Parameters`, if any, is renamed `Parameters.old` (RegRenameKey fails when the target exists);
 *   3. `Parameters.new` is renamed `Parameters`;
 *   4. `Parameters.old` is deleted.
 * A write interrupted anywhere is finished or undone by the next write (recoverSwap): a complete
 * `Parameters.new` with no `Parameters` is swapped in, an incomplete one deleted, a `Parameters.old` beside a
 * live `Parameters` deleted, and a lone `Parameters.old` put back. RegRenameKey works under Wine 8 (checked
 * by parameters-key.win32.test.ts).
 */
import type { RegistryValue } from '../../core/hosted/parameters';
import { OwnedHandle, closeQuietly, type HandleCloser } from '../handles';
import type { Pointer } from '../types';
import { Win32Error } from '../win32-error';
import { scm } from './scm';
import { parseMultiSz, readWideZ } from './wide-strings';

/** HKEY_LOCAL_MACHINE (winreg.h), sign-extended on x64. */
const HKEY_LOCAL_MACHINE = 0xffff_ffff_8000_0002n;
/** KEY_READ and KEY_ALL_ACCESS (winnt.h). */
const KEY_READ = 0x2_0019;
const KEY_ALL_ACCESS = 0xf_003f;
/** REG_OPTION_NON_VOLATILE (winnt.h): kept across reboots. */
const REG_OPTION_NON_VOLATILE = 0;
/** REG_* value types (winnt.h). */
const REG_SZ = 1;
const REG_EXPAND_SZ = 2;
const REG_DWORD = 4;
const REG_MULTI_SZ = 7;
const REG_QWORD = 11;
const ERROR_SUCCESS = 0;
const ERROR_FILE_NOT_FOUND = 2;
const ERROR_NO_MORE_ITEMS = 259;

const PARAMETERS = 'Parameters';
const NEW = 'Parameters.new';
const OLD = 'Parameters.old';

const closeKey: HandleCloser = { fn: 'RegCloseKey', close: (key) => (scm().RegCloseKey(key) === ERROR_SUCCESS ? 1 : 0) };

function serviceKeyPath(name: string): string {
  if (/[\\/]/.test(name) || name === '') throw new Error(`not a service name: ${JSON.stringify(name)}`);
  return `SYSTEM\\CurrentControlSet\\Services\\${name}`;
}

function check(fn: string, code: number): void {
  if (code !== ERROR_SUCCESS) throw Win32Error.fromCode(fn, code);
}

/** Opens a key below HKLM; null when it does not exist. */
function openKey(path: string, access: number): OwnedHandle | null {
  const out: [Pointer] = [null];
  const code = scm().RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, access, out);
  if (code === ERROR_FILE_NOT_FOUND) return null;
  check(`RegOpenKeyExW(HKLM\\${path})`, code);
  return OwnedHandle.adopt('HKEY', out[0], 'RegOpenKeyExW', closeKey);
}

function withKey<T>(key: OwnedHandle, use: (key: OwnedHandle) => T): T {
  try {
    return use(key);
  } finally {
    closeQuietly(key);
  }
}

/** A value's bytes as RegSetValueExW takes them. */
function encode(value: RegistryValue): { type: number; data: Buffer } {
  switch (value.type) {
    case 'dword': {
      const data = Buffer.alloc(4);
      data.writeUInt32LE(value.value);
      return { type: REG_DWORD, data };
    }
    case 'qword': {
      const data = Buffer.alloc(8);
      data.writeBigUInt64LE(value.value);
      return { type: REG_QWORD, data };
    }
    case 'sz':
      return { type: REG_SZ, data: Buffer.from(`${value.value}\0`, 'utf16le') };
    case 'multiSz':
      for (const item of value.value) {
        if (item === '' || item.includes('\0')) throw new Error(`${value.name}: a REG_MULTI_SZ item cannot be empty or hold NUL`);
      }
      // "Registry value types": each string NUL-terminated, the list ended by one more NUL (an empty list is two).
      return { type: REG_MULTI_SZ, data: Buffer.from(value.value.length ? `${value.value.join('\0')}\0\0` : '\0\0', 'utf16le') };
  }
}

function decode(name: string, type: number, data: Buffer): RegistryValue | null {
  switch (type) {
    case REG_DWORD:
      return data.length >= 4 ? { name, type: 'dword', value: data.readUInt32LE(0) } : null;
    case REG_QWORD:
      return data.length >= 8 ? { name, type: 'qword', value: data.readBigUInt64LE(0) } : null;
    case REG_SZ:
    case REG_EXPAND_SZ:
      return { name, type: 'sz', value: readWideZ(data, 0, data.length) };
    case REG_MULTI_SZ:
      return { name, type: 'multiSz', value: parseMultiSz(data, 0, data.length) };
    default:
      // A type the contract never uses: reported as a string the reader will call the wrong type.
      return { name, type: 'sz', value: `(registry type ${type})` };
  }
}

function hasValue(key: OwnedHandle, name: string): boolean {
  const size: [number] = [0];
  const code = scm().RegGetValueW(key.value, '', name, 0x0000_ffff /* RRF_RT_ANY */, null, null, size);
  return code === ERROR_SUCCESS;
}

/** Finishes or undoes a write left half done (see the file comment). Needs the service key open for all access. */
function recoverSwap(service: OwnedHandle, path: string): void {
  const api = scm();
  const live = openKey(`${path}\\${PARAMETERS}`, KEY_READ);
  closeQuietly(live);
  const fresh = openKey(`${path}\\${NEW}`, KEY_READ);
  const freshComplete = fresh !== null && withKey(fresh, (k) => hasValue(k, 'SchemaVersion'));
  if (fresh !== null) {
    if (live === null && freshComplete) check('RegRenameKey(Parameters.new -> Parameters)', api.RegRenameKey(service.value, NEW, PARAMETERS));
    else check('RegDeleteTreeW(Parameters.new)', api.RegDeleteTreeW(service.value, NEW));
  }
  const old = openKey(`${path}\\${OLD}`, KEY_READ);
  if (old !== null) {
    closeQuietly(old);
    const nowLive = live !== null || (fresh !== null && freshComplete);
    if (nowLive) check('RegDeleteTreeW(Parameters.old)', api.RegDeleteTreeW(service.value, OLD));
    else check('RegRenameKey(Parameters.old -> Parameters)', api.RegRenameKey(service.value, OLD, PARAMETERS));
  }
}

/**
 * Replaces the service's `Parameters` key with exactly `values`, atomically as the host sees it. The service's
 * own key must exist (NOT_FOUND-like Win32Error 2 otherwise). Throws a Win32Error naming the step that failed;
 * the next call recovers whatever that left.
 */
export function writeParameters(serviceName: string, values: readonly RegistryValue[]): void {
  const path = serviceKeyPath(serviceName);
  const encoded = values.map((v) => ({ name: v.name, ...encode(v) }));
  // SchemaVersion last: a Parameters.new holding it is complete.
  encoded.sort((a, b) => Number(a.name === 'SchemaVersion') - Number(b.name === 'SchemaVersion'));
  const service = openKey(path, KEY_ALL_ACCESS);
  if (service === null) throw Win32Error.fromCode(`RegOpenKeyExW(HKLM\\${path})`, ERROR_FILE_NOT_FOUND);
  withKey(service, (serviceKey) => {
    const api = scm();
    recoverSwap(serviceKey, path);
    const out: [Pointer] = [null];
    check('RegCreateKeyExW(Parameters.new)', api.RegCreateKeyExW(serviceKey.value, NEW, 0, null, REG_OPTION_NON_VOLATILE, KEY_ALL_ACCESS, null, out, null));
    const fresh = OwnedHandle.adopt('HKEY', out[0], 'RegCreateKeyExW', closeKey);
    withKey(fresh, (key) => {
      for (const value of encoded) check(`RegSetValueExW(Parameters.new\\${value.name})`, api.RegSetValueExW(key.value, value.name, 0, value.type, value.data, value.data.length));
    });
    const live = openKey(`${path}\\${PARAMETERS}`, KEY_READ);
    if (live !== null) {
      closeQuietly(live);
      check('RegRenameKey(Parameters -> Parameters.old)', api.RegRenameKey(serviceKey.value, PARAMETERS, OLD));
    }
    check('RegRenameKey(Parameters.new -> Parameters)', api.RegRenameKey(serviceKey.value, NEW, PARAMETERS));
    if (live !== null) check('RegDeleteTreeW(Parameters.old)', api.RegDeleteTreeW(serviceKey.value, OLD));
  });
}

/** Every value of the service's `Parameters` key, or null when the key does not exist. */
export function readParameters(serviceName: string): RegistryValue[] | null {
  const key = openKey(`${serviceKeyPath(serviceName)}\\${PARAMETERS}`, KEY_READ);
  if (key === null) return null;
  return withKey(key, (k) => {
    const api = scm();
    const count: [number] = [0];
    const maxName: [number] = [0];
    const maxData: [number] = [0];
    check('RegQueryInfoKeyW(Parameters)', api.RegQueryInfoKeyW(k.value, null, null, null, null, null, null, count, maxName, maxData, null, null));
    const nameBuffer = Buffer.alloc((maxName[0] + 1) * 2);
    const dataBuffer = Buffer.alloc(maxData[0] + 4);
    const values: RegistryValue[] = [];
    for (let index = 0; ; index++) {
      const nameLength: [number] = [maxName[0] + 1];
      const type: [number] = [0];
      const dataLength: [number] = [dataBuffer.length];
      const code = api.RegEnumValueW(k.value, index, nameBuffer, nameLength, null, type, dataBuffer, dataLength);
      if (code === ERROR_NO_MORE_ITEMS) break;
      check('RegEnumValueW(Parameters)', code);
      const name = nameBuffer.toString('utf16le', 0, nameLength[0] * 2);
      const value = decode(name, type[0], dataBuffer.subarray(0, dataLength[0]));
      if (value) values.push(value);
    }
    return values;
  });
}

/** Test and recovery helper: the names of the `Parameters*` subkeys present now. */
export function parametersKeysPresent(serviceName: string): string[] {
  const path = serviceKeyPath(serviceName);
  return [PARAMETERS, NEW, OLD].filter((sub) => {
    const key = openKey(`${path}\\${sub}`, KEY_READ);
    closeQuietly(key);
    return key !== null;
  });
}
