/**
 * The priority class of processes, read on demand (the process menu marks the current one): each target
 * opened with PROCESS_QUERY_LIMITED_INFORMATION and verified like the actions (verified-open.ts), then
 * GetPriorityClass ("GetPriorityClass function (processthreadsapi.h)": 0 on failure). Not on the refresh
 * path: the snapshot's base priority gives the class every tick where the system reports it, but Wine 8
 * puts 2 in every entry while it stores and returns the class SetPriorityClass set, so this is the read
 * that works on both.
 */
import { AppError } from '../../core/app-error';
import type { PriorityClass, PriorityReading, ProcessTarget } from '../../core/processes/process-source';
import { closeEach } from '../handles';
import { PROCESS_QUERY_LIMITED_INFORMATION, kernel32 } from '../kernel32';
import { Win32Error } from '../win32-error';
import { PRIORITY_CLASS_VALUES } from './control';
import { failureOn, openVerified } from './verified-open';

const BY_VALUE: ReadonlyMap<number, PriorityClass> = new Map(Object.entries(PRIORITY_CLASS_VALUES).map(([name, value]) => [value, name as PriorityClass]));

/** The class of each target, in order, or why it could not be read. Never throws for a single target. */
export function readPriorityClasses(targets: readonly ProcessTarget[]): PriorityReading[] {
  const verified = openVerified(targets, PROCESS_QUERY_LIMITED_INFORMATION, 'read the priority of');
  try {
    return verified.map((v): PriorityReading => {
      if ('error' in v) return { ok: false, error: v.error };
      try {
        const value = kernel32().GetPriorityClass(v.handle.value);
        if (value === 0) throw Win32Error.fromLastError('GetPriorityClass');
        const priorityClass = BY_VALUE.get(value);
        if (!priorityClass) return { ok: false, error: new AppError('WIN32', `GetPriorityClass returned 0x${value.toString(16)}, which is no priority class`) };
        return { ok: true, priorityClass };
      } catch (err) {
        return { ok: false, error: failureOn('read the priority of', v.target.pid, v.process.name, err) };
      }
    });
  } finally {
    closeEach(verified.flatMap((v) => ('handle' in v ? [v.handle] : [])));
  }
}
