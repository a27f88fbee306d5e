/**
 * A command in a job whose output comes back on anonymous pipes the console owns ("Creating a Child
 * Process with Redirected Input and Output", MSDN): stdin is a pipe already at its end, stdout and
 * stderr are pipes only the child's side of which is inheritable, and only the child inherits them
 * (PROC_THREAD_ATTRIBUTE_HANDLE_LIST, see job-launch.ts). Reads never block: PeekNamedPipe says how many
 * bytes are there and ReadFile takes exactly those.
 *
 * Wine 8 honours the handle list (checked: an inheritable pipe left out of the list is not inherited by
 * the child, one in it is), so there is no fallback to plain inheritance.
 */
import type { JobObject, LaunchOptions, PipedProcess } from '../../core/jobs/job-system';
import { OwnedHandle, closeEach } from '../handles';
import { ERROR_BROKEN_PIPE, HANDLE_FLAG_INHERIT, WAIT_OBJECT_0, kernel32 } from '../kernel32';
import { Win32Error } from '../win32-error';
import { startInJob } from './job-launch';

/** Pipe buffer size asked of CreatePipe (a hint): large enough that a chatty command rarely waits for us. */
const PIPE_BUFFER_BYTES = 64 * 1024;
/** At most this much is read per call, so one call's memory is bounded whatever the pipe holds. */
const MAX_READ_BYTES = 1024 * 1024;

/** An anonymous pipe: the end that stays with us (never inheritable) and the end for the child (inheritable). */
interface Pipe {
  ours: OwnedHandle;
  theirs: OwnedHandle;
}

/**
 * CreatePipe with both ends not inheritable, then only the child's end made inheritable: our end can
 * never reach a child, and the child's end exists only until CreateProcessW has copied it (all on the JS
 * thread, so no other CreateProcessW of ours runs in between).
 */
function createPipe(childReads: boolean): Pipe {
  const k32 = kernel32();
  const read: [bigint | null] = [null];
  const write: [bigint | null] = [null];
  if (!k32.CreatePipe(read, write, null, PIPE_BUFFER_BYTES)) throw Win32Error.fromLastError('CreatePipe');
  const readEnd = OwnedHandle.adopt('pipe', read[0], 'CreatePipe');
  const writeEnd = OwnedHandle.adopt('pipe', write[0], 'CreatePipe');
  const pipe = childReads ? { ours: writeEnd, theirs: readEnd } : { ours: readEnd, theirs: writeEnd };
  if (!k32.SetHandleInformation(pipe.theirs.value, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT)) {
    const error = Win32Error.fromLastError('SetHandleInformation');
    closeEach([readEnd, writeEnd]);
    throw error;
  }
  return pipe;
}

/**
 * What can be read from one of our pipe ends now: the bytes available (maybe none), or null once every
 * writer has closed it and it is drained (ERROR_BROKEN_PIPE); the end is then closed at once.
 */
export function readAvailable(pipe: OwnedHandle): Buffer | null {
  if (pipe.closed) return null;
  const k32 = kernel32();
  const available: [number] = [0];
  if (!k32.PeekNamedPipe(pipe.value, null, 0, null, available, null)) return endOrThrow(pipe, 'PeekNamedPipe');
  if (available[0] === 0) return Buffer.alloc(0);
  const buffer = Buffer.alloc(Math.min(available[0], MAX_READ_BYTES));
  const read: [number] = [0];
  if (!k32.ReadFile(pipe.value, buffer, buffer.length, read, null)) return endOrThrow(pipe, 'ReadFile');
  return buffer.subarray(0, read[0]);
}

function endOrThrow(pipe: OwnedHandle, fn: string): null {
  const error = Win32Error.fromLastError(fn);
  if (error.win32Code !== ERROR_BROKEN_PIPE) throw error;
  pipe.close();
  return null;
}

class PipedCommand implements PipedProcess {
  #exitCode: number | null = null;

  constructor(
    readonly pid: number,
    readonly createTime: bigint,
    private readonly process: OwnedHandle,
    private readonly stdout: OwnedHandle,
    private readonly stderr: OwnedHandle,
  ) {}

  readStdout(): Buffer | null {
    return readAvailable(this.stdout);
  }

  readStderr(): Buffer | null {
    return readAvailable(this.stderr);
  }

  /**
   * Asks whether the process handle is signalled first, so a process that really exits with 259 is not
   * mistaken for one still running (STILL_ACTIVE); the code is kept, and still answered after close().
   */
  exitCode(): number | null {
    if (this.#exitCode !== null || this.process.closed) return this.#exitCode;
    const k32 = kernel32();
    if (k32.WaitForSingleObject(this.process.value, 0) !== WAIT_OBJECT_0) return null;
    const code: [number] = [0];
    if (!k32.GetExitCodeProcess(this.process.value, code)) throw Win32Error.fromLastError('GetExitCodeProcess');
    this.#exitCode = code[0] >>> 0;
    return this.#exitCode;
  }

  close(): void {
    closeEach([this.process, this.stdout, this.stderr]);
  }
}

/**
 * JobSystem.launchPiped. stdin's write end is closed before the child starts, so the child reads end of
 * file at once; the child's ends are closed right after CreateProcessW (the child has its copies), so
 * our read ends see ERROR_BROKEN_PIPE exactly when the last writer, grandchildren included, has gone.
 */
export function launchPipedInJob(job: JobObject, options: LaunchOptions): PipedProcess {
  const pipes: Pipe[] = [];
  try {
    const input = createPipe(true);
    pipes.push(input);
    input.ours.close();
    const output = createPipe(false);
    pipes.push(output);
    const error = createPipe(false);
    pipes.push(error);
    const started = startInJob(job, options, { input: input.theirs, output: output.theirs, error: error.theirs });
    closeEach(pipes.map((p) => p.theirs));
    return new PipedCommand(started.pid, started.createTime, started.process, output.ours, error.ours);
  } catch (err) {
    closeEach(pipes.flatMap((p) => [p.ours, p.theirs]));
    throw err;
  }
}
