/**
 * Handle ownership: every kernel handle the console opens is held by an OwnedHandle whose close()
 * is the only way it is closed, and a ledger counts opens and closes by kind so tests can prove that
 * nothing leaks.
 */
import { kernel32 } from './kernel32';
import { INVALID_HANDLE_VALUE } from './types';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

/** What a handle refers to, for the ledger (e.g. "process", "job", "service"). */
export type HandleKind = string;

/** Opens and closes of one kind of handle. */
export interface HandleCounts {
  opened: number;
  closed: number;
}

const counts = new Map<HandleKind, HandleCounts>();
/** Handles held for the life of the process on purpose (OwnedHandle.keep), by kind: no leak, so not in openCount(). */
const kept = new Map<HandleKind, number>();
/** The most recent close failures (bounded): nothing can be done about one, but it must not go unseen. */
const closeFailures: string[] = [];
const MAX_CLOSE_FAILURES = 20;

function countsFor(kind: HandleKind): HandleCounts {
  let entry = counts.get(kind);
  if (!entry) counts.set(kind, (entry = { opened: 0, closed: 0 }));
  return entry;
}

/** Counts every handle opened and closed through this module. */
export const handleLedger = {
  /** Handles open right now, over all kinds (or one kind). */
  openCount(kind?: HandleKind): number {
    let open = 0;
    for (const [k, c] of counts) if (kind === undefined || k === kind) open += c.opened - c.closed;
    return open;
  },
  /**
   * Handles kept open for the life of the process on purpose (OwnedHandle.keep), over all kinds or
   * one: e.g. the one SCM connection every service query goes through. Tests check it stays at one.
   */
  keptCount(kind?: HandleKind): number {
    let total = 0;
    for (const [k, n] of kept) if (kind === undefined || k === kind) total += n;
    return total;
  },
  /** A copy of the counts by kind. */
  snapshot(): Record<HandleKind, HandleCounts> {
    return Object.fromEntries([...counts].map(([k, c]) => [k, { ...c }]));
  },
  /** The last close failures closeQuietly swallowed, oldest first ("process handle: CloseHandle failed: ..."). */
  closeFailures(): readonly string[] {
    return [...closeFailures];
  },
};

/** How a kind of handle is closed: CloseHandle for kernel objects, FindClose for a directory listing. */
export interface HandleCloser {
  /** The API's name, for a Win32Error. */
  fn: string;
  /** Closes the handle; nonzero on success (a BOOL). */
  close(handle: bigint): number;
}

const closeHandle: HandleCloser = { fn: 'CloseHandle', close: (handle) => kernel32().CloseHandle(handle) };

/** A handle and the duty to close it exactly once (CloseHandle, or the closer it was adopted with). */
export class OwnedHandle {
  #value: bigint | null;
  readonly #keptForLife: boolean;

  private constructor(
    /** What the handle refers to, as counted by the ledger. */
    readonly kind: HandleKind,
    value: bigint,
    private readonly closer: HandleCloser,
    keptForLife = false,
  ) {
    this.#value = value;
    this.#keptForLife = keptForLife;
    if (keptForLife) kept.set(kind, (kept.get(kind) ?? 0) + 1);
    else countsFor(kind).opened++;
  }

  /**
   * Takes ownership of a handle an API just returned. NULL and INVALID_HANDLE_VALUE mean the call
   * failed: then this raises a Win32Error for `fn` from the last error, so call it right away.
   * `closer` is for handles CloseHandle must not close (FindFirstFileExW's takes FindClose).
   */
  static adopt(kind: HandleKind, value: Pointer, fn: string, closer: HandleCloser = closeHandle): OwnedHandle {
    if (value === null || value === 0n || value === INVALID_HANDLE_VALUE) throw Win32Error.fromLastError(fn);
    return new OwnedHandle(kind, value, closer);
  }

  /**
   * Like adopt, for a handle kept open for the life of the process on purpose (the OS closes it at
   * exit): counted by handleLedger.keptCount(), not openCount(), so leak checks stay exact.
   */
  static keep(kind: HandleKind, value: Pointer, fn: string, closer: HandleCloser = closeHandle): OwnedHandle {
    if (value === null || value === 0n || value === INVALID_HANDLE_VALUE) throw Win32Error.fromLastError(fn);
    return new OwnedHandle(kind, value, closer, true);
  }

  /** The raw handle for a Win32 call; throws once closed so a closed (maybe reused) value is never passed on. */
  get value(): bigint {
    if (this.#value === null) throw new Error(`${this.kind} handle used after close()`);
    return this.#value;
  }

  /** True once close() has run. */
  get closed(): boolean {
    return this.#value === null;
  }

  /**
   * Closes the handle; later calls do nothing. Counted as closed even if closing fails (the value is
   * unusable either way), and then the failure is raised as a Win32Error.
   */
  close(): void {
    const value = this.#value;
    if (value === null) return;
    this.#value = null;
    if (this.#keptForLife) kept.set(this.kind, (kept.get(this.kind) ?? 1) - 1);
    else countsFor(this.kind).closed++;
    if (!this.closer.close(value)) throw Win32Error.fromLastError(this.closer.fn);
  }
}

/**
 * Closes a handle as cleanup: never throws, so one failing close cannot skip the closes after it,
 * replace a result already obtained, or turn a read that never throws into one that does. The
 * failure is kept in handleLedger.closeFailures() and returned (null when the close succeeded).
 * The handle counts as closed either way (see OwnedHandle.close).
 */
export function closeQuietly(handle: OwnedHandle | null | undefined): Error | null {
  if (!handle) return null;
  try {
    handle.close();
    return null;
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    closeFailures.push(`${handle.kind} handle: ${error.message}`);
    if (closeFailures.length > MAX_CLOSE_FAILURES) closeFailures.shift();
    return error;
  }
}

/** Closes every handle given, each on its own (closeQuietly); returns the failures. */
export function closeEach(handles: Iterable<OwnedHandle | null | undefined>): Error[] {
  const failures: Error[] = [];
  for (const handle of handles) {
    const failure = closeQuietly(handle);
    if (failure) failures.push(failure);
  }
  return failures;
}

/** Opens a process by PID with the given access rights (OpenProcess); the caller closes it. */
export function openProcess(pid: number, access: number): OwnedHandle {
  return OwnedHandle.adopt('process', kernel32().OpenProcess(access, 0, pid), 'OpenProcess');
}
