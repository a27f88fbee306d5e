/**
 * Starting and controlling one service: StartServiceW with arguments, ControlService with stop,
 * pause, continue or interrogate. Each opens the service with only the right it needs (plus
 * SERVICE_QUERY_STATUS to report the state afterwards) and closes it on every path.
 */
import koffi from 'koffi';
import type { ServiceControl, ServiceStatus } from '../../core/services/service-manager';
import type { ServiceStatusOut } from '../advapi32';
import { scrub } from './config-encode';
import { statusOn } from './query';
import { scm, serviceError, withService } from './scm';
import { CONTROL_ACCESS, CONTROL_CODES, SERVICE_QUERY_STATUS, SERVICE_START } from './service-codes';
import { wideZ } from './wide-strings';

/**
 * StartServiceW's lpServiceArgVectors: an array of pointers to NUL-terminated strings, in a buffer,
 * with the string buffers it points to (keep them referenced until the call returns).
 */
export function argumentVector(args: readonly string[]): { vector: Buffer | null; strings: Buffer[] } {
  if (args.length === 0) return { vector: null, strings: [] };
  const strings = args.map((arg) => {
    if (arg.includes('\0')) throw new Error(`a service argument cannot contain NUL: ${JSON.stringify(arg)}`);
    return wideZ(arg);
  });
  const vector = Buffer.alloc(strings.length * 8);
  strings.forEach((s, i) => vector.writeBigUInt64LE(koffi.address(s), i * 8));
  return { vector, strings };
}

/** StartServiceW with `args` (argv[1..] of ServiceMain). Returns once the SCM has started the process. */
export function startService(name: string, args: readonly string[]): void {
  const { vector, strings } = argumentVector(args);
  try {
    withService(name, SERVICE_START, (service) => {
      if (!scm().StartServiceW(service, args.length, vector)) throw serviceError('StartServiceW', name);
    });
  } finally {
    // Touched after the call, so the strings the vector points to outlive it.
    scrub(vector, ...strings);
  }
}

/**
 * ControlService, then the service's status. ControlService's SERVICE_STATUS has no PID, so what is
 * returned is QueryServiceStatusEx's answer right after, on the same handle: the same moment or later.
 */
export function controlService(name: string, control: ServiceControl): ServiceStatus {
  return withService(name, CONTROL_ACCESS[control] | SERVICE_QUERY_STATUS, (service) => {
    const reported = {} as ServiceStatusOut;
    if (!scm().ControlService(service, CONTROL_CODES[control], reported)) throw serviceError('ControlService', name);
    return statusOn(service, name);
  });
}
