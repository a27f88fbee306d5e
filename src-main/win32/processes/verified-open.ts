/**
 * Opens processes named by (PID, creation time) and proves each handle is that process before
 * anyone acts on it.
 *
 * Why a fresh snapshot rather than GetProcessTimes on the handle: under Wine GetProcessTimes on
 * another process returns the caller's CPU times (README, "What Wine proves and what waits for Windows"), so the one path that works on both is
 * the process list itself, and it costs ONE call for any number of targets. It is taken AFTER every
 * target is open: an open handle pins the process object, so a PID we hold cannot be reused before
 * we act, and the snapshot cannot describe an earlier holder of the PID. A process that exited while
 * we held it leaves the list, or (where Windows still lists such a zombie) has a signalled handle:
 * NOT_FOUND either way; a PID now naming a process started at another time is refused (CONFLICT). On real Windows GetProcessTimes would also be exact, but it would be one more
 * call per target and would not give the name an ACCESS_DENIED message needs.
 */
import { AppError } from '../../core/app-error';
import type { ProcessTarget, RawProcess } from '../../core/processes/process-source';
import type { OwnedHandle } from '../handles';
import { closeEach, closeQuietly, openProcess } from '../handles';
import { SYNCHRONIZE, WAIT_OBJECT_0, kernel32 } from '../kernel32';
import { ERROR_ACCESS_DENIED, Win32Error } from '../win32-error';
import { readProcessSnapshot } from './snapshot';

/** A target and its verified handle, or why it cannot be acted on. */
export type VerifiedTarget = { target: ProcessTarget; process: RawProcess; handle: OwnedHandle } | { target: ProcessTarget; error: AppError };

/** "notepad.exe (PID 1234)": how messages name a process. */
export function describeProcess(pid: number, name: string | undefined): string {
  return name ? `${name} (PID ${pid})` : `process ${pid}`;
}

function exited(pid: number): AppError {
  return new AppError('NOT_FOUND', `process ${pid} has exited`);
}

/**
 * Opens with SYNCHRONIZE as well where allowed, so an exited process we still hold (Windows may keep
 * listing such a "zombie" while handles to it are open) is caught before we act on it.
 */
function openWithExitCheck(pid: number, access: number): { handle: OwnedHandle; canWait: boolean } {
  try {
    return { handle: openProcess(pid, access | SYNCHRONIZE), canWait: true };
  } catch (err) {
    if (!(err instanceof Win32Error && err.dosError === ERROR_ACCESS_DENIED)) throw err;
    return { handle: openProcess(pid, access), canWait: false };
  }
}

/** A process handle is signalled once the process has ended. */
function hasExited(handle: OwnedHandle): boolean {
  return kernel32().WaitForSingleObject(handle.value, 0) === WAIT_OBJECT_0;
}

/** The refusal for a target the snapshot does not show as (pid, createTime), or null when it matches. */
export function identityError(target: ProcessTarget, current: RawProcess | undefined): AppError | null {
  if (!current) return exited(target.pid);
  if (current.createTime !== target.createTime) {
    return new AppError('CONFLICT', `process has exited / PID reused: PID ${target.pid} now names ${current.name}, started at another time`);
  }
  return null;
}

/**
 * Re-labels a failure on one process so the admin sees which one, keeping its code and Win32 code
 * (error 5 is ACCESS_DENIED, as Win32Error already classifies it).
 */
export function failureOn(what: string, pid: number, name: string | undefined, err: unknown): AppError {
  if (err instanceof Win32Error) {
    const prefix = err.code === 'ACCESS_DENIED' ? 'access denied: ' : '';
    return new AppError(err.code, `${prefix}cannot ${what} ${describeProcess(pid, name)}: ${err.message}`, err.win32Code);
  }
  if (err instanceof AppError) return err;
  // Not a Win32 failure (a bug of ours, e.g. a koffi type error): still one target's outcome, never a throw.
  return new AppError('INTERNAL', `cannot ${what} ${describeProcess(pid, name)}: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * Opens every target with `access`, then takes one snapshot and checks each against it. The caller
 * closes every returned handle. Never throws for one target; a failing snapshot fails them all.
 * Handles of refused targets are closed here, each on its own (closeQuietly: a failing close
 * neither throws nor skips the others).
 */
export function openVerified(targets: readonly ProcessTarget[], access: number, what: string): VerifiedTarget[] {
  const opened = targets.map((target) => {
    try {
      return { target, ...openWithExitCheck(target.pid, access), openError: null as unknown };
    } catch (err) {
      return { target, handle: null, canWait: false, openError: err };
    }
  });
  let byPid: Map<number, RawProcess>;
  try {
    byPid = new Map(readProcessSnapshot().processes.map((p) => [p.pid, p]));
  } catch (err) {
    closeEach(opened.map((o) => o.handle));
    const error = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
    return targets.map((target) => ({ target, error }));
  }
  return opened.map(({ target, handle, canWait, openError }): VerifiedTarget => {
    const current = byPid.get(target.pid);
    const refused = identityError(target, current) ?? (handle && canWait && hasExited(handle) ? exited(target.pid) : null);
    if (refused) {
      closeQuietly(handle);
      return { target, error: refused };
    }
    // current is set here (identityError refused its absence); the open failure names the process.
    if (!handle || !current) return { target, error: failureOn(what, target.pid, current?.name, openError) };
    return { target, process: current, handle };
  });
}
