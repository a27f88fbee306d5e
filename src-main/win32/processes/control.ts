/**
 * Acting on processes: terminate, suspend, resume, priority class, affinity. Each target is opened
 * with only the right its action needs and verified while open (verified-open.ts); then the actions
 * run in the order given, and every target gets its own outcome.
 */
import { AppError } from '../../core/app-error';
import type { ActionOutcome, PriorityClass, ProcessAction, ProcessControl, ProcessTarget } from '../../core/processes/process-source';
import type { OwnedHandle } from '../handles';
import { closeEach } from '../handles';
import { PROCESS_SET_INFORMATION, PROCESS_SUSPEND_RESUME, PROCESS_TERMINATE, kernel32 } from '../kernel32';
import { ntdll } from '../ntdll';
import { Win32Error, ntSuccess } from '../win32-error';
import type { VerifiedTarget } from './verified-open';
import { failureOn, openVerified } from './verified-open';

/** SetPriorityClass values (winbase.h) by the names the contract uses. */
export const PRIORITY_CLASS_VALUES: Readonly<Record<PriorityClass, number>> = Object.freeze({
  idle: 0x40,
  belowNormal: 0x4000,
  normal: 0x20,
  aboveNormal: 0x8000,
  high: 0x80,
  realtime: 0x100,
});

const ACCESS: Readonly<Record<ProcessAction['kind'], number>> = {
  terminate: PROCESS_TERMINATE,
  suspend: PROCESS_SUSPEND_RESUME,
  resume: PROCESS_SUSPEND_RESUME,
  setPriority: PROCESS_SET_INFORMATION,
  setAffinity: PROCESS_SET_INFORMATION,
};

const VERB: Readonly<Record<ProcessAction['kind'], string>> = {
  terminate: 'terminate',
  suspend: 'suspend',
  resume: 'resume',
  setPriority: 'set the priority of',
  setAffinity: 'set the affinity of',
};

/** The processors this process may use (GetProcessAffinityMask's system mask, this processor group). */
export function systemAffinityMask(): bigint {
  const processMask: [bigint | number] = [0];
  const systemMask: [bigint | number] = [0];
  const k32 = kernel32();
  if (!k32.GetProcessAffinityMask(k32.GetCurrentProcess(), processMask, systemMask)) throw Win32Error.fromLastError('GetProcessAffinityMask');
  return BigInt(systemMask[0]);
}

/** Why an affinity mask cannot be applied on this machine, or null when it can. */
export function affinityMaskProblem(mask: bigint, systemMask: bigint): string | null {
  if (mask <= 0n) return 'an affinity mask needs at least one processor';
  const outside = mask & ~systemMask;
  if (outside !== 0n) return `affinity mask 0x${mask.toString(16)} names processors this machine does not have (system mask 0x${systemMask.toString(16)})`;
  return null;
}

function apply(handle: OwnedHandle, action: ProcessAction): void {
  const k32 = kernel32();
  switch (action.kind) {
    case 'terminate':
      if (!k32.TerminateProcess(handle.value, action.exitCode >>> 0)) throw Win32Error.fromLastError('TerminateProcess');
      return;
    case 'suspend': {
      const status = ntdll().NtSuspendProcess(handle.value);
      if (!ntSuccess(status)) throw Win32Error.fromNtStatus('NtSuspendProcess', status);
      return;
    }
    case 'resume': {
      const status = ntdll().NtResumeProcess(handle.value);
      if (!ntSuccess(status)) throw Win32Error.fromNtStatus('NtResumeProcess', status);
      return;
    }
    case 'setPriority':
      if (!k32.SetPriorityClass(handle.value, PRIORITY_CLASS_VALUES[action.priorityClass])) throw Win32Error.fromLastError('SetPriorityClass');
      return;
    case 'setAffinity':
      if (!k32.SetProcessAffinityMask(handle.value, action.mask)) throw Win32Error.fromLastError('SetProcessAffinityMask');
      return;
  }
}

/** Runs `action` on each target in order; see ProcessControl.act. */
export function actOnProcesses(targets: readonly ProcessTarget[], action: ProcessAction): ActionOutcome[] {
  if (action.kind === 'setAffinity') {
    let problem: string | null;
    try {
      problem = affinityMaskProblem(action.mask, systemAffinityMask());
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const error = new AppError(err instanceof AppError ? err.code : 'INTERNAL', `cannot read this machine's processor mask: ${why}`, (err as AppError).win32Code);
      return targets.map(() => ({ ok: false, error }));
    }
    if (problem) {
      const error = new AppError('BAD_REQUEST', problem);
      return targets.map(() => ({ ok: false, error }));
    }
  }
  const verb = VERB[action.kind];
  return actOnVerified(openVerified(targets, ACCESS[action.kind], verb), verb, (handle) => apply(handle, action));
}

/**
 * Runs `run` on each verified target in order, then closes every handle, each on its own: a close
 * that fails skips no other close and changes no outcome (the action has happened either way; the
 * failure is kept in handleLedger.closeFailures()). Never throws.
 */
export function actOnVerified(verified: readonly VerifiedTarget[], verb: string, run: (handle: OwnedHandle) => void): ActionOutcome[] {
  try {
    return verified.map((v): ActionOutcome => {
      if ('error' in v) return { ok: false, error: v.error };
      try {
        run(v.handle);
        return { ok: true };
      } catch (err) {
        return { ok: false, error: failureOn(verb, v.target.pid, v.process.name, err) };
      }
    });
  } finally {
    closeEach(verified.map((v) => ('handle' in v ? v.handle : null)));
  }
}

/** The process control the core consumes (its ProcessControl interface), backed by Win32. */
export const win32ProcessControl: ProcessControl = { act: actOnProcesses };
