/**
 * Reading one service: its status (QueryServiceStatusEx) and its configuration (QueryServiceConfigW,
 * then one QueryServiceConfig2W per part). A configuration part the system cannot give (Wine answers
 * ERROR_INVALID_LEVEL, 124, for the failure actions) is null and named in `unreadable`; only the
 * base configuration failing makes the whole read fail.
 */
import koffi from 'koffi';
import type { ServiceConfig, ServiceStatus } from '../../core/services/service-manager';
import { kernel32 } from '../kernel32';
import { Win32Error } from '../win32-error';
import { parseBaseConfig, parseBoolLevel, parseDescription, parseRecovery, parseTriggered, CONFIG_LAYOUT } from './config-parse';
import { storedDependencies } from './registry';
import { scm, serviceError, withService } from './scm';
import {
  ERROR_INSUFFICIENT_BUFFER,
  SC_STATUS_PROCESS_INFO,
  SERVICE_CONFIG_DELAYED_AUTO_START_INFO,
  SERVICE_CONFIG_DESCRIPTION,
  SERVICE_CONFIG_FAILURE_ACTIONS,
  SERVICE_CONFIG_FAILURE_ACTIONS_FLAG,
  SERVICE_CONFIG_TRIGGER_INFO,
  SERVICE_QUERY_CONFIG,
  SERVICE_QUERY_STATUS,
} from './service-codes';
import { STATUS_LAYOUT, parseStatusProcess } from './status-parse';

/** "QueryServiceConfigW" and "QueryServiceConfig2W": "The maximum size of this array is 8K bytes." One call then always suffices. */
const CONFIG_BYTES = 8 * 1024;

/** The status of a service on an open handle (QueryServiceStatusEx), under the name it was opened with. */
export function statusOn(service: bigint, name: string): ServiceStatus {
  const buffer = Buffer.alloc(STATUS_LAYOUT.statusSize);
  const needed: [number] = [0];
  if (!scm().QueryServiceStatusEx(service, SC_STATUS_PROCESS_INFO, buffer, buffer.length, needed)) throw serviceError('QueryServiceStatusEx', name);
  return parseStatusProcess(buffer, 0, name);
}

/** QueryServiceStatusEx on one service. displayName is '' (the call does not report it). */
export function queryStatus(name: string): ServiceStatus {
  return withService(name, SERVICE_QUERY_STATUS, (service) => statusOn(service, name));
}

/**
 * Calls a query that fills a buffer and asks for more with ERROR_INSUFFICIENT_BUFFER: once with
 * `bytes`, again with the size it asked for. Returns the buffer, its address and the bytes it may use.
 */
function queryInto(
  fn: string,
  name: string,
  bytes: number,
  query: (buffer: Buffer, needed: [number]) => number,
): { buffer: Buffer; base: bigint; length: number } {
  let buffer = Buffer.alloc(bytes);
  for (let attempt = 1; ; attempt++) {
    const needed: [number] = [0];
    if (query(buffer, needed)) return { buffer, base: koffi.address(buffer), length: buffer.length };
    const code = kernel32().GetLastError();
    if (code !== ERROR_INSUFFICIENT_BUFFER || attempt === 2 || needed[0] <= buffer.length) throw Win32Error.fromCode(`${fn}(${name})`, code);
    buffer = Buffer.alloc(needed[0]);
  }
}

/** One QueryServiceConfig2W level into a buffer. */
function queryLevel(service: bigint, name: string, level: number) {
  return queryInto('QueryServiceConfig2W', name, CONFIG_BYTES, (buffer, needed) => scm().QueryServiceConfig2W(service, level, buffer, buffer.length, needed));
}

/** Reads one optional part; a failure becomes a line in `unreadable` ("recovery: <message>") and null. */
function part<T>(label: string, unreadable: string[], read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    unreadable.push(`${label}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** QueryServiceConfigW + QueryServiceConfig2W (description, delayed auto-start, recovery and its flag, triggers). */
export function queryConfig(name: string): ServiceConfig {
  return withService(name, SERVICE_QUERY_CONFIG, (service) => {
    const base = queryInto('QueryServiceConfigW', name, CONFIG_BYTES, (buffer, needed) => scm().QueryServiceConfigW(service, buffer, buffer.length, needed));
    const unreadable: string[] = [];
    const description = part('description', unreadable, () => {
      const r = queryLevel(service, name, SERVICE_CONFIG_DESCRIPTION);
      return parseDescription(r.buffer, r.base, r.length);
    });
    const delayedAutoStart = part('delayed auto-start', unreadable, () => parseBoolLevel(queryLevel(service, name, SERVICE_CONFIG_DELAYED_AUTO_START_INFO).buffer, CONFIG_LAYOUT.delayedAutoStart));
    const triggered = part('triggers', unreadable, () => parseTriggered(queryLevel(service, name, SERVICE_CONFIG_TRIGGER_INFO).buffer));
    const recovery = part('recovery', unreadable, () => {
      const r = queryLevel(service, name, SERVICE_CONFIG_FAILURE_ACTIONS);
      return parseRecovery(r.buffer, r.base, r.length);
    });
    const recoveryOnNonCrashFailures = part('recovery on non-crash failures', unreadable, () =>
      parseBoolLevel(queryLevel(service, name, SERVICE_CONFIG_FAILURE_ACTIONS_FLAG).buffer, CONFIG_LAYOUT.nonCrashFailures),
    );
    const parsed = parseBaseConfig(base.buffer, base.base, base.length);
    // Only when the SCM reports none: then the registry says whether that is the truth (Windows) or a read-back
    // the SCM does not implement (Wine 8). Not a QueryServiceConfig2W part, so a failure is just "not known".
    let registryDependencies: string[] | null = parsed.dependencies;
    if (parsed.dependencies.length === 0) {
      try {
        registryDependencies = storedDependencies(name);
      } catch {
        registryDependencies = null;
      }
    }
    return {
      ...parsed,
      registryDependencies,
      description,
      delayedAutoStart,
      triggered,
      recovery,
      recoveryOnNonCrashFailures,
      unreadable,
    };
  });
}
