/**
 * What the SCM stores for a service in the registry (HKLM\SYSTEM\CurrentControlSet\Services\<name>), read
 * with RegGetValueW. Only for what the SCM's own answer may not be trusted on: Wine 8 stores the
 * dependencies given to CreateServiceW as DependOnService but QueryServiceConfigW reads them back empty,
 * so the console compares the two before showing "no dependencies" (see core/services/config-trust.ts).
 */
import { Win32Error } from '../win32-error';
import { scm } from './scm';
import { parseMultiSz } from './wide-strings';

/** HKEY_LOCAL_MACHINE: winreg.h defines it as (HKEY)(ULONG_PTR)((LONG)0x80000002), sign-extended on x64. */
const HKEY_LOCAL_MACHINE = 0xffff_ffff_8000_0002n;
/** RRF_RT_REG_MULTI_SZ (winreg.h): accept only REG_MULTI_SZ; anything else fails with ERROR_UNSUPPORTED_TYPE. */
const RRF_RT_REG_MULTI_SZ = 0x0000_0020;
/** ERROR_FILE_NOT_FOUND (winerror.h): the key or the value does not exist. */
const ERROR_FILE_NOT_FOUND = 2;
/** ERROR_MORE_DATA (winerror.h): the buffer is too small; `size` holds what is needed. */
const ERROR_MORE_DATA = 234;
/** "Registry Element Size Limits": a value may hold far more, but a service's dependency list that large is not one the SCM wrote. */
const FIRST_TRY_BYTES = 4096;

/** The services key of one service. A service name cannot contain '\' or '/' ("CreateServiceW function"), so it cannot name another key. */
function serviceKey(name: string): string {
  if (/[\\/]/.test(name) || name === '') throw new Error(`not a service name: ${JSON.stringify(name)}`);
  return `SYSTEM\\CurrentControlSet\\Services\\${name}`;
}

/** A REG_MULTI_SZ value of the service's key as a list; null when the value (or the key) does not exist. */
function readMultiSz(name: string, value: string): string[] | null {
  const key = serviceKey(name);
  let size: [number] = [FIRST_TRY_BYTES];
  for (let attempt = 1; ; attempt++) {
    const buffer = Buffer.alloc(size[0] + 4);
    size = [buffer.length];
    const code = scm().RegGetValueW(HKEY_LOCAL_MACHINE, key, value, RRF_RT_REG_MULTI_SZ, null, buffer, size);
    if (code === 0) return parseMultiSz(buffer, 0, Math.min(size[0], buffer.length));
    if (code === ERROR_FILE_NOT_FOUND) return null;
    if (code !== ERROR_MORE_DATA || attempt === 2) throw Win32Error.fromCode(`RegGetValueW(${key}\\${value})`, code);
  }
}

/**
 * The dependencies the registry holds for a service, in QueryServiceConfigW's form: DependOnService's
 * services, then DependOnGroup's load-order groups prefixed with '+' (SC_GROUP_IDENTIFIER). [] when
 * neither value exists. Throws a Win32Error when the key cannot be read.
 */
export function storedDependencies(name: string): string[] {
  const services = readMultiSz(name, 'DependOnService') ?? [];
  const groups = readMultiSz(name, 'DependOnGroup') ?? [];
  return [...services, ...groups.map((group) => `+${group}`)];
}
