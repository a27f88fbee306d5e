/**
 * Starting commands inside a job, and adding running processes to one. A command is created suspended,
 * assigned, then resumed ("CreateProcessW" + "AssignProcessToJobObject" + "ResumeThread"), so not one
 * of its instructions runs outside the job and every process it starts is born inside it.
 */
import koffi from 'koffi';
import { AppError } from '../../core/app-error';
import type { JobObject, LaunchOptions, LaunchedInJob } from '../../core/jobs/job-system';
import { OwnedHandle, closeEach, closeQuietly } from '../handles';
import type { FileTime, ProcessInformation, StartupInfoExW } from '../kernel32';
import { PROCESS_QUERY_LIMITED_INFORMATION, PROCESS_SET_QUOTA, PROCESS_TERMINATE, kernel32 } from '../kernel32';
import { CREATE_NO_WINDOW, CREATE_SUSPENDED } from '../processes/launch';
import { describeProcess, openVerified } from '../processes/verified-open';
import { STARTUPINFOEXW, STARTUPINFOW } from '../structs';
import { ERROR_ACCESS_DENIED, Win32Error } from '../win32-error';
import { environmentBlock, mergeEnvironment } from './environment-block';
import { asWin32Job } from './job-objects';

/** Process creation flags (winbase.h). */
export const CREATE_UNICODE_ENVIRONMENT = 0x400;
export const EXTENDED_STARTUPINFO_PRESENT = 0x8_0000;
/** STARTF_USESTDHANDLES (winbase.h): hStdInput/hStdOutput/hStdError are the child's standard handles. */
export const STARTF_USESTDHANDLES = 0x100;
/** PROC_THREAD_ATTRIBUTE_HANDLE_LIST (winbase.h): the only handles the child inherits. */
export const PROC_THREAD_ATTRIBUTE_HANDLE_LIST = 0x2_0002;

/** The three handles a piped child gets as stdin, stdout and stderr (inheritable, in our process). */
export interface ChildStdio {
  input: OwnedHandle;
  output: OwnedHandle;
  error: OwnedHandle;
}

/** A command started in a job: its PID and creation time, and our handle to it (the caller closes it). */
export interface StartedInJob extends LaunchedInJob {
  process: OwnedHandle;
}

/** The program of a command line (its first argument, as CommandLineToArgvW reads it), for messages. */
export function programOf(commandLine: string): string {
  const trimmed = commandLine.trimStart();
  const program = trimmed.startsWith('"') ? trimmed.slice(1, (trimmed.indexOf('"', 1) + 1 || trimmed.length + 1) - 1) : trimmed.split(/[ \t]/, 1)[0];
  return (program ?? '').slice(0, 260);
}

/** The FILETIME of a process's creation, from a handle we hold (right for another process under Wine too). */
export function creationTimeOf(process: OwnedHandle): bigint {
  const creation = {} as FileTime;
  const unused = {} as FileTime;
  if (!kernel32().GetProcessTimes(process.value, creation, unused, unused, unused)) throw Win32Error.fromLastError('GetProcessTimes');
  return (BigInt(creation.dwHighDateTime >>> 0) << 32n) | BigInt(creation.dwLowDateTime >>> 0);
}

/**
 * Why AssignProcessToJobObject refused with error 5: the access we ask for is always granted by then (the
 * process was opened with it, the job with JOB_OBJECT_ASSIGN_PROCESS), so the process is in a job this
 * one cannot join ("Nested Jobs", MSDN: before Windows 8 no nesting at all; since, not into a job that
 * has members outside the process's own job chain).
 */
function assignRefusal(err: Win32Error, what: string, jobName: string): AppError {
  if (err.dosError !== ERROR_ACCESS_DENIED) return err;
  return new AppError(
    'ACCESS_DENIED',
    `cannot add ${what} to the job "${jobName}": it is already in a job that cannot be nested here ` +
      `(e.g. a job without nesting support, or one that forbids breakaway); ${err.message}`,
    err.win32Code,
  );
}

/** Builds a PROC_THREAD_ATTRIBUTE_LIST naming exactly `handles` as the ones to inherit; returns it and the value it points to. */
function handleListAttribute(handles: readonly bigint[]): { list: Buffer; value: Buffer } {
  const k32 = kernel32();
  const size: [number | bigint] = [0];
  // The first call only reports the size (FALSE with ERROR_INSUFFICIENT_BUFFER).
  k32.InitializeProcThreadAttributeList(null, 1, 0, size);
  const list = Buffer.alloc(Number(size[0]));
  if (!k32.InitializeProcThreadAttributeList(list, 1, 0, size)) throw Win32Error.fromLastError('InitializeProcThreadAttributeList');
  // The list keeps a pointer to this array, so the caller keeps `value` alive until the list is deleted.
  const value = Buffer.alloc(handles.length * 8);
  handles.forEach((h, i) => value.writeBigUInt64LE(h, i * 8));
  if (!k32.UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, value, value.length, null, null)) {
    const error = Win32Error.fromLastError('UpdateProcThreadAttribute(handle list)');
    k32.DeleteProcThreadAttributeList(list);
    throw error;
  }
  return { list, value };
}

/**
 * Creates the command suspended, with the console's environment plus the additions and, with `stdio`,
 * exactly those three handles inherited (PROC_THREAD_ATTRIBUTE_HANDLE_LIST: not one other inheritable
 * handle of the console leaks into the child); then assigns it to the job and resumes it. If the
 * assignment or the resume fails, the suspended process is terminated before it ran, and every handle
 * is closed. The caller closes the returned process handle.
 */
export function startInJob(job: JobObject, options: LaunchOptions, stdio: ChildStdio | null): StartedInJob {
  const j = asWin32Job(job);
  const jobHandle = j.value;
  const k32 = kernel32();
  const environment = environmentBlock(mergeEnvironment(process.env, options.environment));
  // CreateProcessW may write into the command line, so it gets a writable, NUL-terminated copy.
  const commandLine = Buffer.from(`${options.commandLine}\0`, 'utf16le');
  let flags = CREATE_SUSPENDED | CREATE_UNICODE_ENVIRONMENT | CREATE_NO_WINDOW;
  let attribute: { list: Buffer; value: Buffer } | null = null;
  // Without stdio: STARTF_USESTDHANDLES with three NULLs, so the command gets no standard handles at all.
  // Wine 8 otherwise duplicates the console's own standard handles into the child even with
  // bInheritHandles FALSE (seen: a grandchild kept a test runner's output pipe open); Windows passes
  // them on only to a console child and only as values, but NULL is what we mean on both.
  const startup: StartupInfoExW = { StartupInfo: { cb: koffi.sizeof(STARTUPINFOW), dwFlags: STARTF_USESTDHANDLES }, lpAttributeList: null };
  if (stdio) {
    attribute = handleListAttribute([stdio.input.value, stdio.output.value, stdio.error.value]);
    flags |= EXTENDED_STARTUPINFO_PRESENT;
    startup.StartupInfo = {
      cb: koffi.sizeof(STARTUPINFOEXW),
      dwFlags: STARTF_USESTDHANDLES,
      hStdInput: stdio.input.value,
      hStdOutput: stdio.output.value,
      hStdError: stdio.error.value,
    };
    startup.lpAttributeList = koffi.address(attribute.list);
  }
  const info = {} as ProcessInformation;
  let created = 0;
  let error = 0;
  try {
    // bInheritHandles must be TRUE for the handle list to apply; without stdio nothing is inherited. With
    // `application` the program is that file: CreateProcessW does not search for it (the console's current
    // folder, an unquoted path's "C:\Program.exe"), so what was confirmed is what runs.
    created = k32.CreateProcessW(options.application ?? null, commandLine, null, null, stdio ? 1 : 0, flags, environment, options.workingDirectory, startup, info);
    // Read before DeleteProcThreadAttributeList: GetLastError is only valid right after the failed call.
    if (!created) error = k32.GetLastError();
  } finally {
    if (attribute) k32.DeleteProcThreadAttributeList(attribute.list);
  }
  if (!created) throw Win32Error.fromCode(`CreateProcessW(${options.application ?? programOf(options.commandLine)})`, error);
  const processHandle = OwnedHandle.adopt('process', info.hProcess, 'CreateProcessW');
  const thread = OwnedHandle.adopt('thread', info.hThread, 'CreateProcessW');
  try {
    if (!k32.AssignProcessToJobObject(jobHandle, processHandle.value)) {
      throw assignRefusal(Win32Error.fromLastError(`AssignProcessToJobObject(${j.name})`), `the new process ${info.dwProcessId}`, j.name);
    }
    const createTime = creationTimeOf(processHandle);
    if (k32.ResumeThread(thread.value) === 0xffff_ffff) throw Win32Error.fromLastError('ResumeThread');
    return { pid: info.dwProcessId, createTime, process: processHandle };
  } catch (err) {
    // Still suspended (or never resumed): it has not run, and now never will.
    k32.TerminateProcess(processHandle.value, 1);
    closeQuietly(processHandle);
    throw err;
  } finally {
    closeQuietly(thread);
  }
}

/** JobSystem.launch: the command in the job, no handles inherited; our handles are closed before returning. */
export function launchInJob(job: JobObject, options: LaunchOptions): LaunchedInJob {
  const started = startInJob(job, options, null);
  closeQuietly(started.process);
  return { pid: started.pid, createTime: started.createTime };
}

/**
 * JobSystem.assign: opens exactly the process (PID + creation time, verified while the handle is open:
 * CONFLICT when the PID now names another process, NOT_FOUND when it is gone) with the rights
 * AssignProcessToJobObject needs, and assigns it. Error 5 becomes ACCESS_DENIED with the nesting
 * explanation.
 */
export function assignToJob(job: JobObject, pid: number, createTime: bigint): void {
  const j = asWin32Job(job);
  const [verified] = openVerified([{ pid, createTime }], PROCESS_SET_QUOTA | PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION, `add to the job "${j.name}"`);
  if (!verified) throw new Error('openVerified returned no outcome');
  if ('error' in verified) throw verified.error;
  try {
    if (!kernel32().AssignProcessToJobObject(j.value, verified.handle.value)) {
      throw assignRefusal(Win32Error.fromLastError(`AssignProcessToJobObject(${j.name})`), describeProcess(pid, verified.process.name), j.name);
    }
  } finally {
    closeEach([verified.handle]);
  }
}
