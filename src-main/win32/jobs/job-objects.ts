/**
 * Job objects by name: create, open, close, terminate. A JobObject the core holds is a Win32Job, which
 * owns the job handle (counted in the ledger as 'job').
 *
 * Why the name goes under `Local\`: the console's jobs belong to the admin's logon session, like the
 * processes it starts in them, and creating a named object in the Global namespace from a session other
 * than 0 needs SeCreateGlobalPrivilege. `Local\` is the session's own namespace and needs no privilege;
 * the contract's names (letters, digits, space, dot, dash, underscore) never hold the namespace separator.
 * Named objects of every type share the namespace ("Object Namespaces", MSDN), so an event called the same
 * blocks a job name too (CONFLICT).
 */
import { AppError } from '../../core/app-error';
import type { JobObject } from '../../core/jobs/job-system';
import { OwnedHandle } from '../handles';
import { ERROR_ALREADY_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, kernel32 } from '../kernel32';
import { Win32Error } from '../win32-error';

/** Job access rights (winnt.h). */
export const JOB_OBJECT_ASSIGN_PROCESS = 0x1;
export const JOB_OBJECT_SET_ATTRIBUTES = 0x2;
export const JOB_OBJECT_QUERY = 0x4;
export const JOB_OBJECT_TERMINATE = 0x8;

/** What open() asks for: everything the console does with a job, and nothing more (not its security). */
export const JOB_OPEN_ACCESS = JOB_OBJECT_ASSIGN_PROCESS | JOB_OBJECT_SET_ATTRIBUTES | JOB_OBJECT_QUERY | JOB_OBJECT_TERMINATE;

/** The object-manager name of a job the console names `name`. */
export function jobObjectName(name: string): string {
  return `Local\\${name}`;
}

/** Called with the job right before its handle closes (the completion port drops its key). */
type CloseHook = (job: Win32Job) => void;
const closeHooks: CloseHook[] = [];

/** Runs `hook` for every job about to close (completion-port.ts registers one). */
export function onJobClose(hook: CloseHook): void {
  closeHooks.push(hook);
}

/** A job the console has a handle to. close() is idempotent; a CloseHandle failure is raised once. */
export class Win32Job implements JobObject {
  /** Set by completion-port.ts while the job reports to the console's port. */
  completionKey: bigint | null = null;

  constructor(
    readonly name: string,
    private readonly handle: OwnedHandle,
  ) {}

  /** The raw job handle for a call; CONFLICT once the job was closed (the core raced a close). */
  get value(): bigint {
    if (this.handle.closed) throw new AppError('CONFLICT', `the job "${this.name}" was closed`);
    return this.handle.value;
  }

  get closed(): boolean {
    return this.handle.closed;
  }

  close(): void {
    if (this.handle.closed) return;
    for (const hook of closeHooks) hook(this);
    this.handle.close();
  }
}

/** The Win32Job behind a JobObject the core passes back; anything else is a bug of the caller. */
export function asWin32Job(job: JobObject): Win32Job {
  if (!(job instanceof Win32Job)) throw new Error(`not a job this layer opened: ${job.name}`);
  return job;
}

/**
 * CreateJobObjectW for a new job. When a job of that name exists already, Windows hands back a handle
 * to it with ERROR_ALREADY_EXISTS: that handle is closed and the call refused (CONFLICT), so a create
 * never silently adopts someone else's job.
 */
export function createJob(name: string | null): Win32Job {
  const k32 = kernel32();
  // Unnamed (the Run dialog's jobs): no other program, and no second handle of the console's own, can open it,
  // so closing the console's one handle is certain to end the whole tree.
  if (name === null) return new Win32Job('(unnamed)', OwnedHandle.adopt('job', k32.CreateJobObjectW(null, null), 'CreateJobObjectW'));
  const raw = k32.CreateJobObjectW(null, jobObjectName(name));
  if (!raw) {
    const error = Win32Error.fromLastError(`CreateJobObjectW(${name})`);
    if (error.win32Code === ERROR_INVALID_HANDLE) throw new AppError('CONFLICT', `another kind of object is already named "${name}" in this session: ${error.message}`, error.win32Code);
    throw error;
  }
  // Read right after the call: on success CreateJobObjectW sets it to 0 or ERROR_ALREADY_EXISTS.
  const lastError = k32.GetLastError();
  const handle = OwnedHandle.adopt('job', raw, 'CreateJobObjectW');
  if (lastError === ERROR_ALREADY_EXISTS) {
    handle.close();
    throw new AppError('CONFLICT', `a job named "${name}" already exists in this session`, ERROR_ALREADY_EXISTS);
  }
  return new Win32Job(name, handle);
}

/** OpenJobObjectW with JOB_OPEN_ACCESS; NOT_FOUND when no job has the name (2), CONFLICT when a non-job object has it (6). */
export function openJob(name: string): Win32Job {
  const raw = kernel32().OpenJobObjectW(JOB_OPEN_ACCESS, 0, jobObjectName(name));
  if (!raw) {
    const error = Win32Error.fromLastError(`OpenJobObjectW(${name})`);
    if (error.win32Code === ERROR_FILE_NOT_FOUND) throw new AppError('NOT_FOUND', `no job named "${name}" in this session: ${error.message}`, error.win32Code);
    if (error.win32Code === ERROR_INVALID_HANDLE) throw new AppError('CONFLICT', `"${name}" names another kind of object, not a job: ${error.message}`, error.win32Code);
    throw error;
  }
  return new Win32Job(name, OwnedHandle.adopt('job', raw, 'OpenJobObjectW'));
}

/** TerminateJobObject: every process in the job ends with `exitCode`. */
export function terminateJob(job: JobObject, exitCode: number): void {
  const j = asWin32Job(job);
  if (!kernel32().TerminateJobObject(j.value, exitCode >>> 0)) throw Win32Error.fromLastError(`TerminateJobObject(${j.name})`);
}
