/**
 * The service list, as one EnumServicesStatusExW(SC_ENUM_PROCESS_INFO) call per poll: every service
 * and driver, active or not, with its status and PID, decoded in place (status-parse.ts).
 *
 * The buffer is kept between calls with the size the last enumeration needed plus headroom, so a
 * service installed between two polls does not cost a second call. EnumServicesStatusExW accepts at
 * most 256 KB per call; beyond that (or when the list outgrew the buffer) ERROR_MORE_DATA hands back
 * what fit and a resume handle to continue from, and the next call continues there. Wine 8 ignores
 * the resume handle and returns nothing with ERROR_MORE_DATA (needed = the total size), so the
 * continuation simply starts over there; either way no service is listed twice.
 */
import koffi from 'koffi';
import type { ServiceStatus } from '../../core/services/service-manager';
import { kernel32 } from '../kernel32';
import { getSystemIdentity } from '../system';
import { Win32Error } from '../win32-error';
import { managerHandle, scm } from './scm';
import { ERROR_MORE_DATA, SC_ENUM_PROCESS_INFO, SERVICE_DRIVER_AND_WIN32, SERVICE_STATE_ALL, SERVICE_TYPE_ALL_WIN10 } from './service-codes';
import { parseEnumEntries } from './status-parse';

/** "EnumServicesStatusExW function": "The maximum size of this array is 256K bytes." */
export const MAX_ENUM_BYTES = 256 * 1024;
/** Room for ~300 services with their names before the first growth (Windows 11 has ~280 services and ~500 drivers). */
const INITIAL_BYTES = 64 * 1024;
/** A list growing faster than this between two calls just takes another poll. */
const MAX_CALLS = 8;

/** What enumeration has cost so far (the bench reports calls per poll and the buffer kept). */
export const enumerateStats = {
  /** EnumServicesStatusExW calls made (one per enumeration in steady state). */
  calls: 0,
  /** Enumerations made. */
  enumerations: 0,
  /** Bytes of the buffer kept between calls. */
  bufferBytes: 0,
};

let buffer: Buffer | undefined;

/** A buffer for `bytes` with 25 % headroom, rounded up to 16 KB, capped at what one call accepts. */
function allocate(bytes: number): Buffer {
  const size = Math.min(MAX_ENUM_BYTES, Math.ceil((bytes * 1.25) / 16384) * 16384);
  enumerateStats.bufferBytes = size;
  return (buffer = Buffer.alloc(size));
}

/** Replaces the kept buffer with one of `bytes` (tests force the growth path with it; the bench starts cold). */
export function resizeEnumerateBuffer(bytes: number): void {
  buffer = Buffer.alloc(bytes);
  enumerateStats.bufferBytes = bytes;
}

let serviceTypes: number | undefined;

/**
 * The service types to ask for: SERVICE_TYPE_ALL with per-user services on Windows 10 and later
 * (Wine reports 10 and accepts it), SERVICE_DRIVER | SERVICE_WIN32 before (Windows 8.1 knows no more).
 */
function typesToList(): number {
  serviceTypes ??= getSystemIdentity().windowsVersion.major >= 10 ? SERVICE_TYPE_ALL_WIN10 : SERVICE_DRIVER_AND_WIN32;
  return serviceTypes;
}

/** Every service and driver with its status. Throws a Win32Error if the call fails. */
export function enumerateServices(): ServiceStatus[] {
  const api = scm();
  const manager = managerHandle();
  const types = typesToList();
  let current = buffer ?? allocate(INITIAL_BYTES);
  const resume: [number] = [0];
  const services: ServiceStatus[] = [];
  // Bytes of the buffers that returned entries: what one call will need next time.
  let spanned = 0;
  enumerateStats.enumerations++;
  for (let call = 1; ; call++) {
    const needed: [number] = [0];
    const returned: [number] = [0];
    enumerateStats.calls++;
    const ok = api.EnumServicesStatusExW(manager, SC_ENUM_PROCESS_INFO, types, SERVICE_STATE_ALL, current, current.length, needed, returned, resume, null);
    const code = ok ? 0 : kernel32().GetLastError();
    if (code !== 0 && (code !== ERROR_MORE_DATA || call === MAX_CALLS)) throw Win32Error.fromCode('EnumServicesStatusExW', code);
    // Decode before the buffer is replaced: the names point into it.
    for (const service of parseEnumEntries(current, koffi.address(current), current.length, returned[0])) services.push(service);
    if (returned[0] > 0) spanned += current.length;
    if (code === 0) break;
    // Windows: what fit is in hand and `needed` is what remains; Wine: nothing is in hand and `needed` is the total.
    current = allocate(Math.max(needed[0], 1));
  }
  if (spanned > current.length) allocate(spanned);
  return services;
}
