/**
 * The job event timeline: what the completion port reported (processes joining and leaving, limits hit) and
 * what the admin did (created, limits applied, terminated), bounded, in time order.
 */
import type { JobEventValue } from '../../../src-preload/contract/job-schemas';
import type { JobMessage } from './job-system';

/** Entries kept; the oldest go first. */
export const DEFAULT_TIMELINE_CAPACITY = 1000;

/** An event before the timeline numbers it. */
export type NewJobEvent = Omit<JobEventValue, 'id'>;

const before = (a: JobEventValue, b: JobEventValue) => a.time < b.time || (a.time === b.time && a.id < b.id);

/**
 * Ordering rule: entries are ordered by time, then by id (ids increase in the order entries are added).
 * Entries normally arrive in time order, but a completion-port message can be stamped earlier than an admin
 * entry added before it reached the JS thread (the port is read on a worker thread, so a stamp taken there
 * can predate one taken on the JS thread). Such an entry is placed by its time, not appended: all() and
 * drain() are always in (time, id) order, and a push can therefore carry an entry older than one already
 * pushed; consumers merge pushed events by (time, id), never by arrival. Its id is still the next one, so
 * "added since the last drain" is exactly "id above the last drained id". When full, the entry earliest in
 * that order is dropped; one dropped before it was drained is never pushed.
 */
export class JobTimeline {
  private entries: JobEventValue[] = [];
  private nextId = 1;
  private drainedUpTo = 0;

  constructor(readonly capacity: number = DEFAULT_TIMELINE_CAPACITY) {
    if (!(capacity >= 1)) throw new RangeError('the timeline must keep at least one entry');
  }

  /** Numbers the event, places it by (time, id), and returns it with its id. */
  add(event: NewJobEvent): JobEventValue {
    const entry: JobEventValue = { ...event, text: event.text.slice(0, 4096), id: this.nextId++ };
    let index = this.entries.length;
    while (index > 0 && before(entry, this.entries[index - 1]!)) index--;
    this.entries.splice(index, 0, entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return { ...entry };
  }

  /** The entries added since the last drain (in time, id order), for the next push. */
  drain(): JobEventValue[] {
    const fresh = this.entries.filter((e) => e.id > this.drainedUpTo).map((e) => ({ ...e }));
    this.drainedUpTo = this.nextId - 1;
    return fresh;
  }

  /** Every kept entry, oldest first. */
  all(): JobEventValue[] {
    return this.entries.map((e) => ({ ...e }));
  }
}

const processWord = (pid: number | null) => (pid === null ? 'A process' : `Process ${pid}`);

/**
 * A completion-port message as a timeline entry, worded for the admin (MSDN JOBOBJECT_ASSOCIATE_COMPLETION_PORT
 * lists the messages). Important (worth a toast): abnormal exits, every limit message, and the job emptying;
 * processes joining and exiting normally are not.
 */
export function eventForMessage(job: string, message: JobMessage, now: number): NewJobEvent {
  const who = processWord(message.pid);
  const entry = (text: string, important: boolean): NewJobEvent => ({ time: now, job, kind: message.kind, pid: message.pid, text, important });
  switch (message.kind) {
    case 'newProcess':
      return entry(`${who} joined the job.`, false);
    case 'exitProcess':
      return entry(`${who} exited.`, false);
    case 'abnormalExitProcess':
      return entry(`${who} ended abnormally (its exit code is an error status such as an access violation).`, true);
    case 'activeProcessZero':
      return entry('No processes are left in the job.', true);
    case 'activeProcessLimit':
      return entry('The active-process limit was reached: a new process was refused.', true);
    case 'processMemoryLimit':
      return entry(`${who} hit the memory-per-process limit: an allocation failed.`, true);
    case 'jobMemoryLimit':
      return entry(`${who} took the job to its memory limit: an allocation failed.`, true);
    case 'endOfJobTime':
      return entry('The job used up its CPU time limit.', true);
    case 'endOfProcessTime':
      // Windows posts it after it has asked for the process's termination.
      return entry(`${who} used up its CPU time limit and is being ended.`, true);
    case 'notificationLimit':
      return entry('The job went over a notification limit.', true);
    case 'other':
      return entry(`The job reported message ${message.code}${message.pid === null ? '' : ` about process ${message.pid}`}.`, false);
  }
}
