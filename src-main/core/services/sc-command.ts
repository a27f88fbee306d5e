/**
 * The sc.exe command lines equivalent to what the console is about to do, shown before it applies a change.
 * Syntax from the "sc.exe create", "sc.exe config", "sc.exe description", "sc.exe failure", "sc.exe
 * failureflag" and "sc.exe delete" pages (learn.microsoft.com, Windows Commands). sc.exe reads its command line
 * with CommandLineToArgvW, and an option is two argv elements: the key with its `=` ("binPath=") and the
 * value - hence the space after `=`. Every value goes through quoteArgument, so pasting a line into cmd.exe
 * hands sc.exe exactly these values (cmd.exe itself would still expand %VAR% and treat ^ & | < > outside
 * quotes specially; the line is written for sc.exe, not escaped for cmd.exe).
 * Passwords are never shown: `password= ********`.
 */
import { quoteArgument } from './binary-path';
import type { ErrorControl, NewService, RecoveryAction, RecoveryPolicy, ServiceConfigChange } from './service-manager';

/** What sc.exe shows for any password. */
export const PASSWORD_MASK = '********';

/** INFINITE (winbase.h, 0xFFFFFFFF): a reset period that never resets the failure count. */
export const INFINITE_SECONDS = 0xffff_ffff;

/** An sc.exe command line: "sc.exe" then each argv element quoted for CommandLineToArgvW. */
export function scCommandLine(args: readonly string[]): string {
  return ['sc.exe', ...args.map(quoteArgument)].join(' ');
}

/** sc.exe's start= values ("sc.exe config": auto, demand, disabled, delayed-auto). */
const START_VALUES = { automatic: 'auto', manual: 'demand', disabled: 'disabled' } as const;

/** sc.exe's error= values match ours. */
const ERROR_VALUES: Record<ErrorControl, string> = { ignore: 'ignore', normal: 'normal', severe: 'severe', critical: 'critical' };

/** sc.exe's depend= value: names separated by '/' (service names cannot contain '/'); '/' alone clears them. */
function dependValue(dependencies: readonly string[]): string {
  return dependencies.length ? dependencies.join('/') : '/';
}

/**
 * `sc.exe create` for a new own-process service: binPath=, DisplayName=, type= own, start=, error=, then obj=
 * only for an account other than the default LocalSystem, password= (masked) only when a password is given,
 * depend= only when there are dependencies. With `delayedAutoStart` (applied after CreateServiceW through
 * ChangeServiceConfig2W), an automatic service shows `start= delayed-auto`, as sc.exe spells that pair.
 */
export function scCreateCommand(s: NewService, options: { delayedAutoStart?: boolean } = {}): string {
  const start = s.startType === 'automatic' && options.delayedAutoStart ? 'delayed-auto' : START_VALUES[s.startType];
  const args = ['create', s.name, 'binPath=', s.binaryPath, 'DisplayName=', s.displayName, 'type=', 'own', 'start=', start, 'error=', ERROR_VALUES[s.errorControl]];
  if (s.account !== null) args.push('obj=', s.account);
  if (s.password) args.push('password=', PASSWORD_MASK);
  if (s.dependencies.length) args.push('depend=', dependValue(s.dependencies));
  return scCommandLine(args);
}

/**
 * `sc.exe config` with only the ChangeServiceConfigW fields present in `change` (binPath=, DisplayName=,
 * start=, error=, obj= and password=, depend=; an empty dependency list is `depend= /`), or null when none is.
 * The start type and the delayed flag pair up as sc.exe has them: an automatic start with delayedAutoStart
 * true is `start= delayed-auto`, otherwise `start= auto` (sc.exe clears the flag with it). A delayedAutoStart
 * change without a startType is shown the same way, as the automatic service it only applies to (sc.exe has no
 * option for the flag alone); next to a manual or disabled start type it is not shown, as it has no effect.
 * A logon with no account is LocalSystem; its password shows masked when one is given.
 */
export function scConfigCommand(name: string, change: ServiceConfigChange): string | null {
  const args: string[] = [];
  if (change.binaryPath !== undefined) args.push('binPath=', change.binaryPath);
  if (change.displayName !== undefined) args.push('DisplayName=', change.displayName);
  const startType = change.startType ?? (change.delayedAutoStart !== undefined ? 'automatic' : undefined);
  if (startType !== undefined) args.push('start=', startType === 'automatic' && change.delayedAutoStart === true ? 'delayed-auto' : START_VALUES[startType]);
  if (change.errorControl !== undefined) args.push('error=', ERROR_VALUES[change.errorControl]);
  if (change.logon !== undefined) {
    args.push('obj=', change.logon.account ?? 'LocalSystem');
    if (change.logon.password) args.push('password=', PASSWORD_MASK);
  }
  if (change.dependencies !== undefined) args.push('depend=', dependValue(change.dependencies));
  return args.length ? scCommandLine(['config', name, ...args]) : null;
}

/** `sc.exe description MySvc "text"` (an empty description clears it). */
export function scDescriptionCommand(name: string, description: string): string {
  return scCommandLine(['description', name, description]);
}

/** sc.exe failure's action words; "take no action" is an empty word ("sc.exe failure": actions= ""). */
const ACTION_WORDS: Record<RecoveryAction['type'], string> = { none: '', restart: 'restart', runCommand: 'run', reboot: 'reboot' };

/**
 * `sc.exe failure MySvc reset= 86400 actions= restart/60000/run/1000/""/0 command= "..." reboot= "..."`.
 * actions= is action/delay-in-ms pairs joined by '/', where "take no action" is the empty word: written `""`,
 * which CommandLineToArgvW reads as nothing, the idiom sc.exe's page uses (actions= "" for no actions at all).
 * reset= is in seconds and both reset= and actions= are required together; a period that never resets is
 * INFINITE, written as its value 4294967295 because sc.exe reads reset= as a number (its page names no
 * INFINITE keyword). command= and reboot= are always given, so the line sets the whole policy as
 * ChangeServiceConfig2W does (an empty value clears them).
 */
export function scFailureCommand(name: string, policy: RecoveryPolicy): string {
  const reset = policy.resetPeriodSeconds === null ? INFINITE_SECONDS : policy.resetPeriodSeconds;
  const actions = policy.actions.map((a) => `${ACTION_WORDS[a.type] || '""'}/${a.delayMs}`).join('/');
  // The actions value has no spaces, tabs or quotes of its own: written as is, with `""` for empty words.
  const head = scCommandLine(['failure', name, 'reset=', String(reset)]);
  const tail = scCommandLine(['command=', policy.command, 'reboot=', policy.rebootMessage]).slice('sc.exe '.length);
  return `${head} actions= ${actions || '""'} ${tail}`;
}

/** `sc.exe failureflag MySvc 1`: recovery actions also when the service stops itself with an error. */
export function scFailureFlagCommand(name: string, flag: boolean): string {
  return scCommandLine(['failureflag', name, flag ? '1' : '0']);
}

/** `sc.exe delete MySvc`: marks the service for deletion (it goes once stopped and every handle is closed). */
export function scDeleteCommand(name: string): string {
  return scCommandLine(['delete', name]);
}
