/**
 * Decodes what QueryServiceConfigW and QueryServiceConfig2W write: QUERY_SERVICE_CONFIGW and the
 * SERVICE_CONFIG_* structs, whose strings and arrays point into the same buffer. Pure: unit-tested on
 * Linux with synthetic buffers, at offsets koffi computed from structs.ts (checked by the layout test).
 */
import koffi from 'koffi';
import type { ErrorControl, RecoveryPolicy, ServiceKind, StartType } from '../../core/services/service-manager';
import {
  QUERY_SERVICE_CONFIGW,
  SC_ACTION,
  SERVICE_DELAYED_AUTO_START_INFO,
  SERVICE_DESCRIPTIONW,
  SERVICE_FAILURE_ACTIONSW,
  SERVICE_FAILURE_ACTIONS_FLAG,
  SERVICE_TRIGGER_INFO,
} from '../structs';
import { INFINITE, errorControl, recoveryActionType, serviceKind, startType } from './service-codes';
import { offsetOfPointer, parseMultiSz, readPointedString } from './wide-strings';

const q = (name: string) => koffi.offsetof(QUERY_SERVICE_CONFIGW, name);
const f = (name: string) => koffi.offsetof(SERVICE_FAILURE_ACTIONSW, name);

/** Field offsets, computed once from the bound structs. */
export const CONFIG_LAYOUT = Object.freeze({
  type: q('dwServiceType'),
  startType: q('dwStartType'),
  errorControl: q('dwErrorControl'),
  binaryPath: q('lpBinaryPathName'),
  loadOrderGroup: q('lpLoadOrderGroup'),
  dependencies: q('lpDependencies'),
  startName: q('lpServiceStartName'),
  displayName: q('lpDisplayName'),
  description: koffi.offsetof(SERVICE_DESCRIPTIONW, 'lpDescription'),
  resetPeriod: f('dwResetPeriod'),
  rebootMessage: f('lpRebootMsg'),
  command: f('lpCommand'),
  actionCount: f('cActions'),
  actions: f('lpsaActions'),
  failureActionsSize: koffi.sizeof(SERVICE_FAILURE_ACTIONSW),
  actionSize: koffi.sizeof(SC_ACTION),
  actionType: koffi.offsetof(SC_ACTION, 'Type'),
  actionDelay: koffi.offsetof(SC_ACTION, 'Delay'),
  delayedAutoStart: koffi.offsetof(SERVICE_DELAYED_AUTO_START_INFO, 'fDelayedAutostart'),
  nonCrashFailures: koffi.offsetof(SERVICE_FAILURE_ACTIONS_FLAG, 'fFailureActionsOnNonCrashFailures'),
  triggerCount: koffi.offsetof(SERVICE_TRIGGER_INFO, 'cTriggers'),
});

const L = CONFIG_LAYOUT;

/** The part of ServiceConfig that QueryServiceConfigW reports. */
export interface BaseConfig {
  kind: ServiceKind;
  typeBits: number;
  startType: StartType;
  errorControl: ErrorControl;
  binaryPath: string;
  loadOrderGroup: string;
  dependencies: string[];
  account: string;
  displayName: string;
}

/** QUERY_SERVICE_CONFIGW at the start of `buffer` (address `base`, `length` bytes filled). */
export function parseBaseConfig(buffer: Buffer, base: bigint, length: number): BaseConfig {
  const typeBits = buffer.readUInt32LE(L.type);
  const dependencies = offsetOfPointer(buffer.readBigUInt64LE(L.dependencies), base, length);
  return {
    kind: serviceKind(typeBits),
    typeBits,
    startType: startType(buffer.readUInt32LE(L.startType)),
    errorControl: errorControl(buffer.readUInt32LE(L.errorControl)),
    binaryPath: readPointedString(buffer, base, length, L.binaryPath),
    loadOrderGroup: readPointedString(buffer, base, length, L.loadOrderGroup),
    dependencies: dependencies === null ? [] : parseMultiSz(buffer, dependencies, length),
    account: readPointedString(buffer, base, length, L.startName),
    displayName: readPointedString(buffer, base, length, L.displayName),
  };
}

/** SERVICE_DESCRIPTIONW: '' for a NULL description (none set). */
export function parseDescription(buffer: Buffer, base: bigint, length: number): string {
  return readPointedString(buffer, base, length, L.description);
}

/** A BOOL-only SERVICE_CONFIG_* struct (delayed auto-start, failure-actions flag): its one field. */
export function parseBoolLevel(buffer: Buffer, offset: number): boolean {
  return buffer.readInt32LE(offset) !== 0;
}

/** SERVICE_TRIGGER_INFO: true when the service has at least one start or stop trigger. */
export function parseTriggered(buffer: Buffer): boolean {
  return buffer.readUInt32LE(L.triggerCount) > 0;
}

/** SERVICE_FAILURE_ACTIONSW with its SC_ACTION array, in our words; throws for an action type we have no word for. */
export function parseRecovery(buffer: Buffer, base: bigint, length: number): RecoveryPolicy {
  const resetPeriod = buffer.readUInt32LE(L.resetPeriod);
  const count = buffer.readUInt32LE(L.actionCount);
  const at = offsetOfPointer(buffer.readBigUInt64LE(L.actions), base, length);
  if (count > 0 && (at === null || at + count * L.actionSize > length)) throw new Error(`${count} recovery actions do not fit in the ${length}-byte buffer`);
  const actions = Array.from({ length: count }, (_, i) => {
    const entry = (at ?? 0) + i * L.actionSize;
    return { type: recoveryActionType(buffer.readInt32LE(entry + L.actionType)), delayMs: buffer.readUInt32LE(entry + L.actionDelay) };
  });
  return {
    resetPeriodSeconds: resetPeriod === INFINITE ? null : resetPeriod,
    rebootMessage: readPointedString(buffer, base, length, L.rebootMessage),
    command: readPointedString(buffer, base, length, L.command),
    actions,
  };
}
