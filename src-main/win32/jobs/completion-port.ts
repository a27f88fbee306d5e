/**
 * The console's one I/O completion port for job notifications ("JOBOBJECT_ASSOCIATE_COMPLETION_PORT
 * structure", MSDN). Every watched job reports to it under its own completion key; one waiter loop
 * takes packets with GetQueuedCompletionStatus through koffi's `.async` (on a worker thread: a
 * synchronous wait would stall the JS thread, README, "What Wine proves and what waits for Windows") and hands each message to the listener of its
 * key, on the JS thread.
 *
 * The port is kept for the life of the process, like the SCM connection (OwnedHandle.keep): Windows
 * ties a job to one port for good, so the port must outlive every job that reports to it. The waiter
 * runs only while some job is watched and wakes every WAIT_MS, so stopWatching() ends it within that.
 */
import koffi from 'koffi';
import type { JobMessage, JobObject } from '../../core/jobs/job-system';
import { OwnedHandle } from '../handles';
import { WAIT_TIMEOUT, kernel32 } from '../kernel32';
import { JOBOBJECT_ASSOCIATE_COMPLETION_PORT } from '../structs';
import { INVALID_HANDLE_VALUE } from '../types';
import { Win32Error } from '../win32-error';
import { JobObjectInfoClass } from './job-information';
import { jobMessageOf } from './job-messages';
import type { Win32Job } from './job-objects';
import { asWin32Job, onJobClose } from './job-objects';

/** How long one wait lasts: the most stopWatching() waits, and how often the loop sees a stop. */
export const WAIT_MS = 500;
/** After an unexpected wait failure, the loop pauses this long before waiting again. */
const RETRY_MS = 1000;
/** ERROR_INVALID_PARAMETER: a job already tied to a completion port refuses another association. */
const ERROR_INVALID_PARAMETER = 87;
/** Keys of closed jobs remembered by name, for a job the console opens again (bounded). */
const MAX_RETIRED_KEYS = 256;

type Listener = (message: JobMessage) => void;

const listeners = new Map<bigint, Listener>();
/**
 * Keys of jobs closed while the kernel object lived on (another handle, another program): Windows keeps
 * the association, so the same job opened again reports under its old key, and associating it again fails
 * with 87. By job name, which is unique in the session while the object lives.
 */
const retiredKeys = new Map<string, bigint>();
let nextKey = 1n;
let port: OwnedHandle | undefined;
/** The waiter loop while it runs (running is cleared in the same turn the loop decides to end). */
let waiter: Promise<void> = Promise.resolve();
let running = false;
let stopRequested = false;

/** What the waiter has seen, for tests and diagnostics. */
const stats = { waits: 0, delivered: 0, dropped: 0, failures: 0, lastFailure: null as string | null };

/** A copy of the waiter's counters: waits, messages delivered and dropped (no listener), failures. */
export function completionPortStats(): Readonly<typeof stats> & { watched: number; running: boolean } {
  return { ...stats, watched: listeners.size, running };
}

function portHandle(): bigint {
  port ??= OwnedHandle.keep('completion-port', kernel32().CreateIoCompletionPort(INVALID_HANDLE_VALUE, null, 0, 1), 'CreateIoCompletionPort');
  return port.value;
}

function associate(job: Win32Job, key: bigint): void {
  const buffer = Buffer.alloc(koffi.sizeof(JOBOBJECT_ASSOCIATE_COMPLETION_PORT));
  koffi.encode(buffer, JOBOBJECT_ASSOCIATE_COMPLETION_PORT, { CompletionKey: key, CompletionPort: portHandle() });
  if (!kernel32().SetInformationJobObject(job.value, JobObjectInfoClass.AssociateCompletionPortInformation, buffer, buffer.length)) {
    throw Win32Error.fromLastError(`SetInformationJobObject(${job.name}, completion port)`);
  }
}

/**
 * JobSystem.watch: the job's messages go to `listener` from now on (a second watch of the same handle
 * replaces the listener). A job that already reports to another program's port refuses (87: a job has
 * one port for good).
 */
export function watchJob(job: JobObject, listener: Listener): void {
  const j = asWin32Job(job);
  if (j.completionKey === null) {
    const key = nextKey++;
    try {
      associate(j, key);
      j.completionKey = key;
    } catch (err) {
      const retired = retiredKeys.get(j.name);
      if (!(err instanceof Win32Error && err.win32Code === ERROR_INVALID_PARAMETER)) throw err;
      // Ours already, from an earlier handle to this job: it still reports under the old key.
      if (retired === undefined) throw err.withAdvice('the job already reports to another completion port (a job keeps its first one)');
      retiredKeys.delete(j.name);
      j.completionKey = retired;
    }
  }
  listeners.set(j.completionKey, listener);
  ensureWaiter();
}

// A job the core closes stops being delivered; its key is remembered in case it is opened again.
onJobClose((job) => {
  const key = job.completionKey;
  if (key === null) return;
  listeners.delete(key);
  job.completionKey = null;
  retiredKeys.delete(job.name);
  retiredKeys.set(job.name, key);
  if (retiredKeys.size > MAX_RETIRED_KEYS) retiredKeys.delete(retiredKeys.keys().next().value as string);
});

/** JobSystem.stopWatching: ends the waiter (within WAIT_MS); watching again starts a new one. */
export async function stopWatching(): Promise<void> {
  stopRequested = true;
  await waiter;
}

function ensureWaiter(): void {
  stopRequested = false;
  if (running) return;
  running = true;
  waiter = runWaiter();
}

interface Packet {
  code: number;
  key: bigint;
  overlapped: bigint | null;
}

/** One GetQueuedCompletionStatus on a koffi worker thread: a packet, or null when WAIT_MS passed without one. */
function nextPacket(portValue: bigint): Promise<Packet | null> {
  return new Promise((resolve, reject) => {
    const bytes: [number] = [0];
    const key: [number | bigint] = [0];
    const overlapped: [bigint | null] = [null];
    kernel32().GetQueuedCompletionStatus.async(portValue, bytes, key, overlapped, WAIT_MS, (err: unknown, ok: number) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      // FALSE with a packet is a failed I/O's packet; a job's packets always come with TRUE.
      if (ok || overlapped[0] !== null) return resolve({ code: bytes[0], key: BigInt(key[0]), overlapped: overlapped[0] });
      // koffi keeps the last error of the call for the callback (checked under Wine: 258 on a timeout).
      const code = kernel32().GetLastError();
      if (code === WAIT_TIMEOUT) return resolve(null);
      reject(Win32Error.fromCode('GetQueuedCompletionStatus', code));
    });
  });
}

/**
 * The loop: waits, delivers, and ends when asked to or when no job is watched. `running` is cleared in
 * the same turn as that decision, so a watch() right after starts a fresh loop instead of joining one
 * that is leaving. Never rejects: a failed wait is counted, and waited again after RETRY_MS.
 */
async function runWaiter(): Promise<void> {
  for (;;) {
    if (stopRequested || listeners.size === 0) {
      running = false;
      return;
    }
    let packet: Packet | null;
    try {
      stats.waits++;
      packet = await nextPacket(portHandle());
    } catch (err) {
      stats.failures++;
      stats.lastFailure = err instanceof Error ? err.message : String(err);
      await new Promise((r) => setTimeout(r, RETRY_MS));
      continue;
    }
    if (packet) deliver(packet);
  }
}

function deliver(packet: Packet): void {
  const listener = listeners.get(packet.key);
  if (!listener) {
    stats.dropped++;
    return;
  }
  stats.delivered++;
  try {
    listener(jobMessageOf(packet.code, packet.overlapped));
  } catch (err) {
    // A listener's bug must not end notifications for every job.
    stats.failures++;
    stats.lastFailure = `listener: ${err instanceof Error ? err.message : String(err)}`;
  }
}
