/**
 * Installing, changing and removing services: CreateServiceW (SERVICE_WIN32_OWN_PROCESS),
 * ChangeServiceConfigW for the basic settings in one call, then one ChangeServiceConfig2W per extra
 * setting given, and DeleteService. The password goes to the SCM in a buffer we wipe after the call;
 * it is never part of an error message.
 */
import type { NewService, ServiceConfigChange } from '../../core/services/service-manager';
import { disablePrivilege, enablePrivilege, privilegeEnabled } from '../privileges';
import { closeQuietly } from '../handles';
import type { EncodedInfo } from './config-encode';
import { encodeBoolLevel, encodeDescription, encodePreshutdown, encodeRecovery, logonForChange, logonForCreate, recoveryReboots, recoveryRestarts, scrub } from './config-encode';
import { adoptServiceHandle, scm, serviceError, withCreatingManager, withService } from './scm';
import {
  DELETE,
  SERVICE_CHANGE_CONFIG,
  SERVICE_CONFIG_DELAYED_AUTO_START_INFO,
  SERVICE_CONFIG_DESCRIPTION,
  SERVICE_CONFIG_FAILURE_ACTIONS,
  SERVICE_CONFIG_FAILURE_ACTIONS_FLAG,
  SERVICE_CONFIG_PRESHUTDOWN_INFO,
  SERVICE_NO_CHANGE,
  SERVICE_QUERY_STATUS,
  SERVICE_START,
  SERVICE_WIN32_OWN_PROCESS,
  errorControlValue,
  startTypeValue,
} from './service-codes';
import { multiSz } from './wide-strings';

/** The privilege a failure action that reboots needs ("ChangeServiceConfig2W function", SC_ACTION_REBOOT). */
const SE_SHUTDOWN_NAME = 'SeShutdownPrivilege';

/** Enables a privilege; says whether this call turned it on (and so should turn it off again). */
function enableForThisCall(name: string): { enabled: boolean } {
  let wasOn: boolean | null = null;
  try {
    wasOn = privilegeEnabled(name);
  } catch {
    // Unknown: enable it anyway, and leave it as found (on) afterwards.
    wasOn = null;
  }
  if (wasOn !== false) {
    enablePrivilege(name);
    return { enabled: false };
  }
  return { enabled: enablePrivilege(name).enabled };
}

/** CreateServiceW for an own-process Win32 service; the handle it returns is closed at once. */
export function createService(service: NewService): void {
  const { startName, password } = logonForCreate(service);
  const dependencies = service.dependencies.length > 0 ? multiSz(service.dependencies) : null;
  try {
    withCreatingManager((manager) => {
      const created = scm().CreateServiceW(
        manager,
        service.name,
        service.displayName,
        SERVICE_QUERY_STATUS,
        SERVICE_WIN32_OWN_PROCESS,
        startTypeValue(service.startType),
        errorControlValue(service.errorControl),
        service.binaryPath,
        null,
        null,
        dependencies,
        startName,
        password,
      );
      if (!created) throw serviceError('CreateServiceW', service.name);
      closeQuietly(adoptServiceHandle(created, 'CreateServiceW'));
    });
  } finally {
    scrub(password, dependencies);
  }
}

/** True when the change touches a setting ChangeServiceConfigW holds. */
function changesBasics(change: ServiceConfigChange): boolean {
  return (
    change.displayName !== undefined ||
    change.binaryPath !== undefined ||
    change.startType !== undefined ||
    change.errorControl !== undefined ||
    change.logon !== undefined ||
    change.dependencies !== undefined
  );
}

/** The ChangeServiceConfig2W calls a change needs, in order: [level, label, encoded struct]. */
function extraSettings(change: ServiceConfigChange): [number, string, EncodedInfo][] {
  const levels: [number, string, EncodedInfo][] = [];
  if (change.description !== undefined) levels.push([SERVICE_CONFIG_DESCRIPTION, 'description', encodeDescription(change.description)]);
  if (change.delayedAutoStart !== undefined)
    levels.push([SERVICE_CONFIG_DELAYED_AUTO_START_INFO, 'delayed auto-start', encodeBoolLevel('delayedAutoStart', change.delayedAutoStart)]);
  if (change.recovery !== undefined) levels.push([SERVICE_CONFIG_FAILURE_ACTIONS, 'recovery', encodeRecovery(change.recovery)]);
  if (change.recoveryOnNonCrashFailures !== undefined)
    levels.push([SERVICE_CONFIG_FAILURE_ACTIONS_FLAG, 'recovery flag', encodeBoolLevel('recoveryOnNonCrashFailures', change.recoveryOnNonCrashFailures)]);
  if (change.preshutdownTimeoutMs !== undefined) levels.push([SERVICE_CONFIG_PRESHUTDOWN_INFO, 'preshutdown timeout', encodePreshutdown(change.preshutdownTimeoutMs)]);
  return levels;
}

/**
 * ChangeServiceConfigW with SERVICE_NO_CHANGE / NULL for what is absent (skipped when nothing of it
 * is given), then one ChangeServiceConfig2W per extra setting given. Stops at the first failure:
 * what was applied before it stays applied (the caller reads the configuration back).
 */
export function changeService(name: string, change: ServiceConfigChange): void {
  const logon = change.logon ? logonForChange(change.logon) : null;
  const dependencies = change.dependencies ? multiSz(change.dependencies) : null;
  const extras = extraSettings(change);
  const restarts = change.recovery !== undefined && recoveryRestarts(change.recovery);
  // Enabled only for this call (and only if it was not already on): an elevated console should not carry
  // the right to shut Windows down for the rest of its life.
  const shutdown = change.recovery !== undefined && recoveryReboots(change.recovery) ? enableForThisCall(SE_SHUTDOWN_NAME) : null;
  try {
    withService(name, SERVICE_CHANGE_CONFIG | (restarts ? SERVICE_START : 0), (service) => {
      const api = scm();
      if (changesBasics(change)) {
        const ok = api.ChangeServiceConfigW(
          service,
          SERVICE_NO_CHANGE,
          change.startType === undefined ? SERVICE_NO_CHANGE : startTypeValue(change.startType),
          change.errorControl === undefined ? SERVICE_NO_CHANGE : errorControlValue(change.errorControl),
          change.binaryPath ?? null,
          null,
          null,
          dependencies,
          logon?.startName ?? null,
          logon?.password ?? null,
          change.displayName ?? null,
        );
        if (!ok) throw serviceError('ChangeServiceConfigW', name);
      }
      for (const [level, label, encoded] of extras) {
        if (!api.ChangeServiceConfig2W(service, level, encoded.info)) throw serviceError(`ChangeServiceConfig2W[${label}]`, name);
      }
    });
  } finally {
    scrub(logon?.password, dependencies, ...extras.flatMap(([, , e]) => [e.info, ...e.parts]));
    if (shutdown?.enabled) {
      try {
        disablePrivilege(SE_SHUTDOWN_NAME);
      } catch {
        // Leaving it enabled is no worse than before this change; the call's own outcome matters more.
      }
    }
  }
}

/** DeleteService: the service goes once it has stopped and every handle to it is closed (ours is, right away). */
export function removeService(name: string): void {
  withService(name, DELETE, (service) => {
    if (!scm().DeleteService(service)) throw serviceError('DeleteService', name);
  });
}
