/**
 * Decodes SERVICE_STATUS_PROCESS and the ENUM_SERVICE_STATUS_PROCESSW array EnumServicesStatusExW
 * writes (the entries first, then their names, pointed to from the entries). Pure: it reads a Buffer
 * at offsets koffi computed from structs.ts (which the layout test checks), so it is unit-tested on
 * Linux with synthetic buffers and costs no koffi call per service.
 */
import koffi from 'koffi';
import type { ServiceStatus } from '../../core/services/service-manager';
import { ENUM_SERVICE_STATUS_PROCESSW, SERVICE_STATUS_PROCESS } from '../structs';
import { SERVICE_RUNS_IN_SYSTEM_PROCESS, serviceKind, serviceState } from './service-codes';
import { readPointedString } from './wide-strings';

const field = (name: string) => koffi.offsetof(SERVICE_STATUS_PROCESS, name);

/** Field offsets, computed once from the bound structs. */
export const STATUS_LAYOUT = Object.freeze({
  statusSize: koffi.sizeof(SERVICE_STATUS_PROCESS),
  entrySize: koffi.sizeof(ENUM_SERVICE_STATUS_PROCESSW),
  entryName: koffi.offsetof(ENUM_SERVICE_STATUS_PROCESSW, 'lpServiceName'),
  entryDisplayName: koffi.offsetof(ENUM_SERVICE_STATUS_PROCESSW, 'lpDisplayName'),
  entryStatus: koffi.offsetof(ENUM_SERVICE_STATUS_PROCESSW, 'ServiceStatusProcess'),
  type: field('dwServiceType'),
  state: field('dwCurrentState'),
  controls: field('dwControlsAccepted'),
  win32ExitCode: field('dwWin32ExitCode'),
  specificExitCode: field('dwServiceSpecificExitCode'),
  checkPoint: field('dwCheckPoint'),
  waitHint: field('dwWaitHint'),
  pid: field('dwProcessId'),
  flags: field('dwServiceFlags'),
});

const L = STATUS_LAYOUT;

/** A SERVICE_STATUS_PROCESS at `offset`, for the service `name` (QueryServiceStatusEx does not report names). */
export function parseStatusProcess(buffer: Buffer, offset: number, name: string, displayName = ''): ServiceStatus {
  const typeBits = buffer.readUInt32LE(offset + L.type);
  return {
    name,
    displayName,
    kind: serviceKind(typeBits),
    typeBits,
    state: serviceState(buffer.readUInt32LE(offset + L.state)),
    controlsAccepted: buffer.readUInt32LE(offset + L.controls),
    win32ExitCode: buffer.readUInt32LE(offset + L.win32ExitCode),
    serviceSpecificExitCode: buffer.readUInt32LE(offset + L.specificExitCode),
    checkPoint: buffer.readUInt32LE(offset + L.checkPoint),
    waitHint: buffer.readUInt32LE(offset + L.waitHint),
    pid: buffer.readUInt32LE(offset + L.pid),
    runsInSystemProcess: (buffer.readUInt32LE(offset + L.flags) & SERVICE_RUNS_IN_SYSTEM_PROCESS) !== 0,
  };
}

/**
 * The `count` ENUM_SERVICE_STATUS_PROCESSW entries at the start of `buffer`, whose address is `base`;
 * names are read only within the first `length` bytes (what the call filled).
 */
export function parseEnumEntries(buffer: Buffer, base: bigint, length: number, count: number): ServiceStatus[] {
  if (count * L.entrySize > length) throw new Error(`${count} service entries do not fit in ${length} bytes`);
  const services: ServiceStatus[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const entry = i * L.entrySize;
    const name = readPointedString(buffer, base, length, entry + L.entryName);
    const displayName = readPointedString(buffer, base, length, entry + L.entryDisplayName);
    services[i] = parseStatusProcess(buffer, entry + L.entryStatus, name, displayName);
  }
  return services;
}
