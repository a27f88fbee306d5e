/**
 * Recovery actions between the form's words (seconds, "enable actions for stops with errors") and
 * SERVICE_FAILURE_ACTIONSW's (milliseconds per SC_ACTION, reset period in seconds, INFINITE = never); see
 * "SERVICE_FAILURE_ACTIONSW structure", "SC_ACTION structure" and "SERVICE_FAILURE_ACTIONS_FLAG structure".
 */
import type { ServiceDefinitionValue } from '../../../src-preload/contract/service-schemas';
import { hasUnquotedPathRisk } from './binary-path';
import type { RecoveryAction, RecoveryPolicy } from './service-manager';

/** The recovery part of the install / edit form. */
export type RecoveryForm = ServiceDefinitionValue['recovery'];

/** The form's limits (service-schemas.ts): actions per policy, delay per action, reset period, text lengths. */
export const MAX_RECOVERY_ACTIONS = 16;
export const MAX_DELAY_SECONDS = 7 * 86_400;
export const MAX_RESET_SECONDS = 365 * 86_400;
const MAX_COMMAND = 8191;
const MAX_REBOOT_MESSAGE = 1024;

/** The policy the form describes: delays become milliseconds; a null reset period stays null (INFINITE). */
export function toRecoveryPolicy(recovery: RecoveryForm): RecoveryPolicy {
  return {
    resetPeriodSeconds: recovery.resetPeriodSeconds,
    rebootMessage: recovery.rebootMessage,
    command: recovery.command,
    actions: recovery.actions.map((a) => ({ type: a.type, delayMs: a.delaySeconds * 1000 })),
  };
}

/**
 * The form's starting point for a service's policy. A policy that could not be read (null; Wine cannot read
 * it back) gives what a service without recovery reads as: no actions, reset period 0. Values the form cannot
 * hold are brought into its range so the edit form always opens: delays are rounded to whole seconds, and
 * delays, the reset period, the number of actions and the texts are capped at the form's limits (and control
 * characters, which the form's command cannot hold, become spaces). Saving then writes the capped values.
 */
export function fromRecoveryPolicy(policy: RecoveryPolicy | null, onNonCrashFailures: boolean | null): RecoveryForm {
  const flag = onNonCrashFailures ?? false;
  if (!policy) return { actions: [], resetPeriodSeconds: 0, command: '', rebootMessage: '', onNonCrashFailures: flag };
  return {
    actions: policy.actions.slice(0, MAX_RECOVERY_ACTIONS).map((a) => ({ type: a.type, delaySeconds: Math.min(Math.round(a.delayMs / 1000), MAX_DELAY_SECONDS) })),
    resetPeriodSeconds: policy.resetPeriodSeconds === null ? null : Math.min(policy.resetPeriodSeconds, MAX_RESET_SECONDS),
    // eslint-disable-next-line no-control-regex
    command: policy.command.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_COMMAND),
    rebootMessage: policy.rebootMessage.slice(0, MAX_REBOOT_MESSAGE),
    onNonCrashFailures: flag,
  };
}

/** One thing in the recovery part of the form that cannot work, with the form field it belongs to. */
export interface RecoveryProblem {
  field: string;
  message: string;
}

/**
 * What in the recovery form cannot work as given: more than 16 actions; a delay or reset period that is not a
 * whole, non-negative number of seconds within the form's range; a "run a program" action with no program, or
 * with an unquoted program path containing spaces (CWE-428: the SCM runs it with CreateProcessW as the service's
 * account). A reboot action is allowed: it is a legitimate choice, only an unusual one.
 */
export function recoveryProblems(recovery: RecoveryForm): RecoveryProblem[] {
  const problems: RecoveryProblem[] = [];
  if (recovery.actions.length > MAX_RECOVERY_ACTIONS) {
    problems.push({ field: 'recovery.actions', message: `At most ${MAX_RECOVERY_ACTIONS} recovery actions (there are ${recovery.actions.length}).` });
  }
  recovery.actions.forEach((action, i) => {
    const d = action.delaySeconds;
    if (!Number.isInteger(d) || d < 0 || d > MAX_DELAY_SECONDS) {
      problems.push({ field: `recovery.actions.${i}.delaySeconds`, message: `The delay of the ${ordinal(i + 1)} action must be a whole number of seconds from 0 to ${MAX_DELAY_SECONDS} (7 days).` });
    }
  });
  const reset = recovery.resetPeriodSeconds;
  if (reset !== null && (!Number.isInteger(reset) || reset < 0 || reset > MAX_RESET_SECONDS)) {
    problems.push({ field: 'recovery.resetPeriodSeconds', message: `The reset period must be a whole number of seconds from 0 to ${MAX_RESET_SECONDS} (365 days), or never.` });
  }
  if (recovery.actions.some((a) => a.type === 'runCommand')) {
    if (recovery.command.trim() === '') {
      problems.push({ field: 'recovery.command', message: 'A "run a program" action needs the program to run (its command line).' });
    } else if (hasUnquotedPathRisk(recovery.command)) {
      problems.push({ field: 'recovery.command', message: 'Put the program path in quotes: it contains a space, so Windows could run another program (CWE-428).' });
    }
  }
  return problems;
}

/** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st, ... */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

const ACTION_TEXT: Record<RecoveryAction['type'], string> = {
  none: 'take no action',
  restart: 'restart',
  runCommand: 'run a program',
  reboot: 'restart the computer',
};

function delayText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A period in the largest unit that divides it: "1 day", "2 hours", "90 min", "45 s". */
export function periodText(seconds: number): string {
  const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (seconds > 0 && seconds % 86_400 === 0) return unit(seconds / 86_400, 'day', 'days');
  if (seconds > 0 && seconds % 3600 === 0) return unit(seconds / 3600, 'hour', 'hours');
  if (seconds > 0 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * One line like services.msc's Recovery tab: "1st: restart after 60 s; 2nd: restart after 120 s; then: run a
 * program after 0 s; reset after 1 day; also on stops with errors". The last action repeats for every later
 * failure, hence "then" (or "every failure" when it is the only one). "none" without actions (the flag does
 * nothing then); "unknown" when the policy could not be read. A "take no action" entry keeps no delay.
 */
export function describeRecovery(policy: RecoveryPolicy | null, onNonCrashFailures: boolean | null): string {
  if (!policy) return 'unknown';
  const { actions } = policy;
  if (actions.length === 0) return 'none';
  const parts = actions.map((a, i) => {
    const label = actions.length === 1 ? 'every failure' : i === actions.length - 1 ? 'then' : ordinal(i + 1);
    return `${label}: ${ACTION_TEXT[a.type]}${a.type === 'none' ? '' : ` after ${delayText(a.delayMs)}`}`;
  });
  parts.push(policy.resetPeriodSeconds === null ? 'never reset' : `reset after ${periodText(policy.resetPeriodSeconds)}`);
  // The program is what an admin must see: it runs as the service's account when the service fails.
  if (actions.some((a) => a.type === 'runCommand')) parts.push(`program: ${policy.command || '(none)'}`);
  if (actions.some((a) => a.type === 'reboot') && policy.rebootMessage) parts.push(`reboot message: ${policy.rebootMessage}`);
  if (onNonCrashFailures === true) parts.push('also on stops with errors');
  else if (onNonCrashFailures === null) parts.push('stops with errors: unknown');
  return parts.join('; ');
}
