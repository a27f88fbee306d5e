/**
 * Builds what CreateServiceW, ChangeServiceConfigW and ChangeServiceConfig2W take: the SERVICE_CONFIG_*
 * structs with their strings and SC_ACTION array in buffers of their own (pointers written as
 * addresses), and the account and password arguments. Pure apart from reading buffer addresses, so it
 * is unit-tested on Linux.
 *
 * Every buffer a struct points to is returned in `parts`: the caller keeps them referenced until the
 * call has returned (scrub() after the call does that, and wipes them: one of them may hold a password).
 */
import koffi from 'koffi';
import type { RecoveryPolicy, ServiceLogon } from '../../core/services/service-manager';
import { SERVICE_DELAYED_AUTO_START_INFO, SERVICE_DESCRIPTIONW, SERVICE_FAILURE_ACTIONSW, SERVICE_FAILURE_ACTIONS_FLAG } from '../structs';
import { CONFIG_LAYOUT as L } from './config-parse';
import { INFINITE, recoveryActionValue } from './service-codes';
import { wideZ } from './wide-strings';

/** A struct for ChangeServiceConfig2W and the buffers its pointers point into. */
export interface EncodedInfo {
  info: Buffer;
  parts: Buffer[];
}

/** Zero-fills every buffer of an encoded argument once the call that used it has returned. */
export function scrub(...buffers: (Buffer | null | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}

/** The address of a buffer (koffi.address), for a pointer field; NULL for null. */
function writePointer(target: Buffer, offset: number, pointee: Buffer | null): void {
  target.writeBigUInt64LE(pointee ? BigInt(koffi.address(pointee) as bigint) : 0n, offset);
}

/** SERVICE_DESCRIPTIONW; '' clears the description (MSDN: an empty string deletes it). */
export function encodeDescription(description: string): EncodedInfo {
  const info = Buffer.alloc(koffi.sizeof(SERVICE_DESCRIPTIONW));
  const text = wideZ(description);
  writePointer(info, L.description, text);
  return { info, parts: [text] };
}

/** A BOOL-only SERVICE_CONFIG_* struct: delayed auto-start or the failure-actions flag. */
export function encodeBoolLevel(level: 'delayedAutoStart' | 'recoveryOnNonCrashFailures', value: boolean): EncodedInfo {
  const struct = level === 'delayedAutoStart' ? SERVICE_DELAYED_AUTO_START_INFO : SERVICE_FAILURE_ACTIONS_FLAG;
  const info = Buffer.alloc(koffi.sizeof(struct));
  info.writeInt32LE(value ? 1 : 0, level === 'delayedAutoStart' ? L.delayedAutoStart : L.nonCrashFailures);
  return { info, parts: [] };
}

/**
 * SERVICE_PRESHUTDOWN_INFO ("SERVICE_PRESHUTDOWN_INFO structure", winsvc.h): one DWORD, dwPreshutdownTimeout
 * in milliseconds, so four bytes with no padding on either architecture.
 */
export function encodePreshutdown(timeoutMs: number): EncodedInfo {
  const info = Buffer.alloc(4);
  info.writeUInt32LE(timeoutMs);
  return { info, parts: [] };
}

/**
 * SERVICE_FAILURE_ACTIONSW with its SC_ACTION array. The reboot message and command are always given
 * (an empty string clears them; NULL would keep the old ones), so what is written is exactly the policy.
 * No actions: cActions 0 with a valid (one zeroed SC_ACTION) array. "SERVICE_FAILURE_ACTIONSW structure":
 * "If this value [lpsaActions] is NULL, the cActions and dwResetPeriod members are ignored" (nothing would be
 * cleared), while "If [cActions] is 0, but lpsaActions is not NULL, the reset period and array of failure
 * actions are deleted."
 */
export function encodeRecovery(policy: RecoveryPolicy): EncodedInfo {
  const info = Buffer.alloc(L.failureActionsSize);
  const rebootMessage = wideZ(policy.rebootMessage);
  const command = wideZ(policy.command);
  const actions = Buffer.alloc(Math.max(1, policy.actions.length) * L.actionSize);
  policy.actions.forEach((action, i) => {
    if (!Number.isInteger(action.delayMs) || action.delayMs < 0 || action.delayMs > 0xffff_ffff) throw new Error(`recovery action ${i + 1}: delay ${action.delayMs} ms is not a DWORD`);
    actions.writeInt32LE(recoveryActionValue(action.type), i * L.actionSize + L.actionType);
    actions.writeUInt32LE(action.delayMs, i * L.actionSize + L.actionDelay);
  });
  const reset = policy.resetPeriodSeconds;
  if (reset !== null && (!Number.isInteger(reset) || reset < 0 || reset >= INFINITE)) throw new Error(`reset period ${reset} s is not a DWORD below INFINITE`);
  info.writeUInt32LE(reset ?? INFINITE, L.resetPeriod);
  writePointer(info, L.rebootMessage, rebootMessage);
  writePointer(info, L.command, command);
  info.writeUInt32LE(policy.actions.length, L.actionCount);
  writePointer(info, L.actions, actions);
  return { info, parts: [rebootMessage, command, actions] };
}

/** True when a recovery policy reboots the machine (ChangeServiceConfig2W then needs SeShutdownPrivilege). */
export function recoveryReboots(policy: RecoveryPolicy): boolean {
  return policy.actions.some((a) => a.type === 'reboot');
}

/** True when a recovery policy restarts the service (the handle then needs SERVICE_START too). */
export function recoveryRestarts(policy: RecoveryPolicy): boolean {
  return policy.actions.some((a) => a.type === 'restart');
}

/** SERVICE_FAILURE_ACTIONSW's size. */
export const FAILURE_ACTIONS_SIZE = koffi.sizeof(SERVICE_FAILURE_ACTIONSW);

/** The built-in accounts that have no password (LocalSystem, LocalService, NetworkService), as the SCM names them. */
const PASSWORDLESS = /^(localsystem|\.\\localsystem|nt authority\\(localservice|local service|networkservice|network service|system))$/i;

/** True for an account the SCM runs without a password (null = LocalSystem). */
export function isBuiltInAccount(account: string | null): boolean {
  return account === null || PASSWORDLESS.test(account.trim());
}

/**
 * A virtual account (`NT SERVICE\NAME`) or a managed service account (ends in `$`): "CreateServiceW function",
 * lpPassword: "If the account name ... is the name of a managed service account or virtual account name, the
 * lpPassword parameter must be NULL."
 */
export function isManagedAccount(account: string | null): boolean {
  return account !== null && (/^nt service\\./i.test(account.trim()) || account.trim().endsWith('$'));
}

/** What CreateServiceW takes for a logon: NULL start name for LocalSystem; a password buffer only for a user. */
export function logonForCreate(logon: ServiceLogon): { startName: string | null; password: Buffer | null } {
  const localSystem = logon.account === null || /^(\.\\)?localsystem$/i.test(logon.account.trim());
  return {
    startName: localSystem ? null : logon.account,
    password: isBuiltInAccount(logon.account) || isManagedAccount(logon.account) ? null : wideZ(logon.password ?? ''),
  };
}

/**
 * What ChangeServiceConfigW takes for a logon. NULL there means "no change", so LocalSystem must be
 * named ("LocalSystem"); a built-in account gets the empty password MSDN asks for, a user the given
 * password, or NULL (keep the stored one) when none is given.
 */
export function logonForChange(logon: ServiceLogon): { startName: string; password: Buffer | null } {
  const startName = logon.account ?? 'LocalSystem';
  if (isBuiltInAccount(logon.account)) return { startName, password: wideZ('') };
  return { startName, password: logon.password === null ? null : wideZ(logon.password) };
}
