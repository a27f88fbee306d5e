/**
 * The SCM's numbers (winsvc.h, winnt.h) and the admin's words for them (service-manager.ts). Pure, so
 * the mapping both ways is unit-tested on Linux.
 */
import type { ErrorControl, RecoveryAction, ServiceControl, ServiceKind, ServiceState, StartType } from '../../core/services/service-manager';

/** SC_MANAGER_* and service access rights (winsvc.h, winnt.h): each call opens with only what it needs. */
export const SC_MANAGER_CONNECT = 0x0001;
export const SC_MANAGER_CREATE_SERVICE = 0x0002;
export const SC_MANAGER_ENUMERATE_SERVICE = 0x0004;
export const SERVICE_QUERY_CONFIG = 0x0001;
export const SERVICE_CHANGE_CONFIG = 0x0002;
export const SERVICE_QUERY_STATUS = 0x0004;
/** Service access right for EnumDependentServicesW. */
export const SERVICE_ENUMERATE_DEPENDENTS = 0x0008;
/** EnumDependentServicesW's dwServiceState: only services that are not stopped. */
export const SERVICE_ACTIVE = 0x1;
export const SERVICE_START = 0x0010;
export const SERVICE_STOP = 0x0020;
export const SERVICE_PAUSE_CONTINUE = 0x0040;
export const SERVICE_INTERROGATE = 0x0080;
export const DELETE = 0x0001_0000;

/** SC_ENUM_PROCESS_INFO and SC_STATUS_PROCESS_INFO (winsvc.h): the only info levels there are. */
export const SC_ENUM_PROCESS_INFO = 0;
export const SC_STATUS_PROCESS_INFO = 0;
/** SERVICE_STATE_ALL (winsvc.h): active and inactive. */
export const SERVICE_STATE_ALL = 0x3;

/** Service type bits (winnt.h). */
export const SERVICE_KERNEL_DRIVER = 0x1;
export const SERVICE_FILE_SYSTEM_DRIVER = 0x2;
export const SERVICE_WIN32_OWN_PROCESS = 0x10;
export const SERVICE_WIN32_SHARE_PROCESS = 0x20;
export const SERVICE_USER_SERVICE = 0x40;
/** SERVICE_DRIVER | SERVICE_WIN32 (winnt.h): every type Windows 8.1 knows. */
export const SERVICE_DRIVER_AND_WIN32 = 0x3b;
/**
 * SERVICE_TYPE_ALL as the Windows 10 SDK defines it (0x3FF: adds user services, their per-user
 * instances and packaged services); mingw-w64's winnt.h still has the old 0x13F. services.msc and
 * System Informer list per-user service instances too, so we ask for them on Windows 10 and later.
 */
export const SERVICE_TYPE_ALL_WIN10 = 0x3ff;

/** SERVICE_RUNS_IN_SYSTEM_PROCESS (winsvc.h), in SERVICE_STATUS_PROCESS.dwServiceFlags. */
export const SERVICE_RUNS_IN_SYSTEM_PROCESS = 0x1;
/** SERVICE_NO_CHANGE (winsvc.h): ChangeServiceConfigW leaves this number as it is. */
export const SERVICE_NO_CHANGE = 0xffff_ffff;
/** INFINITE: a failure-actions reset period that never resets the failure count. */
export const INFINITE = 0xffff_ffff;

/** SERVICE_CONFIG_* info levels of QueryServiceConfig2W / ChangeServiceConfig2W (winsvc.h). */
export const SERVICE_CONFIG_DESCRIPTION = 1;
export const SERVICE_CONFIG_FAILURE_ACTIONS = 2;
export const SERVICE_CONFIG_DELAYED_AUTO_START_INFO = 3;
export const SERVICE_CONFIG_FAILURE_ACTIONS_FLAG = 4;
export const SERVICE_CONFIG_PRESHUTDOWN_INFO = 7;
export const SERVICE_CONFIG_TRIGGER_INFO = 8;

/** Win32 errors the service code acts on (winerror.h). */
export const ERROR_INSUFFICIENT_BUFFER = 122;
export const ERROR_MORE_DATA = 234;

const STATES: Readonly<Record<number, ServiceState>> = {
  1: 'stopped',
  2: 'startPending',
  3: 'stopPending',
  4: 'running',
  5: 'continuePending',
  6: 'pausePending',
  7: 'paused',
};

/** SERVICE_STOPPED (1) ... SERVICE_PAUSED (7) as words; throws for a value winsvc.h does not define. */
export function serviceState(value: number): ServiceState {
  const state = STATES[value];
  if (!state) throw new Error(`unknown service state ${value}`);
  return state;
}

/** The service type's main kind; the raw bits stay available beside it (typeBits). */
export function serviceKind(typeBits: number): ServiceKind {
  const own = (typeBits & SERVICE_WIN32_OWN_PROCESS) !== 0;
  const share = (typeBits & SERVICE_WIN32_SHARE_PROCESS) !== 0;
  if (typeBits & SERVICE_USER_SERVICE) {
    if (own) return 'userOwnProcess';
    if (share) return 'userShareProcess';
  }
  if (own) return 'ownProcess';
  if (share) return 'shareProcess';
  if (typeBits & SERVICE_KERNEL_DRIVER) return 'kernelDriver';
  if (typeBits & SERVICE_FILE_SYSTEM_DRIVER) return 'fileSystemDriver';
  return 'other';
}

const START_TYPES: readonly StartType[] = ['boot', 'system', 'automatic', 'manual', 'disabled'];

/** SERVICE_BOOT_START (0) ... SERVICE_DISABLED (4) as words; throws for anything else. */
export function startType(value: number): StartType {
  const type = START_TYPES[value];
  if (type === undefined) throw new Error(`unknown start type ${value}`);
  return type;
}

/** The SERVICE_*_START value of a start type. */
export function startTypeValue(type: StartType): number {
  return START_TYPES.indexOf(type);
}

const ERROR_CONTROLS: readonly ErrorControl[] = ['ignore', 'normal', 'severe', 'critical'];

/** SERVICE_ERROR_IGNORE (0) ... SERVICE_ERROR_CRITICAL (3) as words; throws for anything else. */
export function errorControl(value: number): ErrorControl {
  const control = ERROR_CONTROLS[value];
  if (control === undefined) throw new Error(`unknown error control ${value}`);
  return control;
}

/** The SERVICE_ERROR_* value of an error control. */
export function errorControlValue(control: ErrorControl): number {
  return ERROR_CONTROLS.indexOf(control);
}

/** SERVICE_CONTROL_STOP (1), _PAUSE (2), _CONTINUE (3), _INTERROGATE (4) (winsvc.h). */
export const CONTROL_CODES: Readonly<Record<ServiceControl, number>> = Object.freeze({ stop: 1, pause: 2, continue: 3, interrogate: 4 });

/** The access right each control needs on the service handle. */
export const CONTROL_ACCESS: Readonly<Record<ServiceControl, number>> = Object.freeze({
  stop: SERVICE_STOP,
  pause: SERVICE_PAUSE_CONTINUE,
  continue: SERVICE_PAUSE_CONTINUE,
  interrogate: SERVICE_INTERROGATE,
});

/**
 * SC_ACTION_TYPE (winsvc.h): NONE 0, RESTART 1, REBOOT 2, RUN_COMMAND 3. SC_ACTION_OWN_RESTART (4) is
 * reserved for Windows' own services and has no word here: reading one makes the recovery part
 * unreadable rather than mislabelled.
 */
const ACTION_TYPES: readonly RecoveryAction['type'][] = ['none', 'restart', 'reboot', 'runCommand'];

/** An SC_ACTION_TYPE value as a word; throws for one we have no word for. */
export function recoveryActionType(value: number): RecoveryAction['type'] {
  const type = ACTION_TYPES[value];
  if (type === undefined) throw new Error(`unknown recovery action type ${value}`);
  return type;
}

/** The SC_ACTION_TYPE value of a recovery action. */
export function recoveryActionValue(type: RecoveryAction['type']): number {
  return ACTION_TYPES.indexOf(type);
}
