/**
 * Reads entries back from an event log (OpenEventLogW + ReadEventLogW, newest first): how the
 * Windows-only tests prove what ReportEventW wrote. Not used by the product.
 */
import koffi from 'koffi';
import { advapi32 } from './advapi32';
import { OwnedHandle, closeQuietly, type HandleCloser } from './handles';
import { kernel32 } from './kernel32';
import { EVENTLOGRECORD } from './structs';
import { Win32Error } from './win32-error';

/** EVENTLOG_SEQUENTIAL_READ | EVENTLOG_BACKWARDS_READ (winnt.h): newest first. */
const NEWEST_FIRST = 0x0001 | 0x0008;
const ERROR_HANDLE_EOF = 38;
const ERROR_INSUFFICIENT_BUFFER = 122;
const FIXED_SIZE = koffi.sizeof(EVENTLOGRECORD);

const closeEventLog: HandleCloser = { fn: 'CloseEventLog', close: (handle) => advapi32().CloseEventLog(handle) };

/** One entry as ReadEventLogW returns it. */
export interface EventLogEntry {
  recordNumber: number;
  source: string;
  eventId: number;
  /** EVENTLOG_*_TYPE. */
  type: number;
  strings: string[];
}

/** Reads a NUL-terminated UTF-16 string at `offset`; returns it and the offset after its NUL. */
function wideString(buffer: Buffer, offset: number, end: number): [string, number] {
  let at = offset;
  while (at + 1 < end && buffer.readUInt16LE(at) !== 0) at += 2;
  return [buffer.toString('utf16le', offset, at), at + 2];
}

/** Decodes the records in buffer[0, length). */
function decode(buffer: Buffer, length: number): EventLogEntry[] {
  const entries: EventLogEntry[] = [];
  for (let at = 0; at + FIXED_SIZE <= length; ) {
    const record = koffi.decode(buffer.subarray(at), EVENTLOGRECORD) as {
      Length: number; RecordNumber: number; EventID: number; EventType: number; NumStrings: number; StringOffset: number;
    };
    if (record.Length < FIXED_SIZE) break;
    const end = at + record.Length;
    const [source] = wideString(buffer, at + FIXED_SIZE, end);
    const strings: string[] = [];
    let offset = at + record.StringOffset;
    for (let i = 0; i < record.NumStrings; i++) {
      const [text, next] = wideString(buffer, offset, end);
      strings.push(text);
      offset = next;
    }
    entries.push({ recordNumber: record.RecordNumber, source, eventId: record.EventID, type: record.EventType, strings });
    at = end;
  }
  return entries;
}

/** The newest `count` entries of the log that `source` writes to (e.g. Application), newest first. */
export function readNewestEvents(source: string, count: number): EventLogEntry[] {
  const log = OwnedHandle.adopt('event log', advapi32().OpenEventLogW(null, source), 'OpenEventLogW', closeEventLog);
  try {
    const entries: EventLogEntry[] = [];
    let buffer = Buffer.alloc(64 * 1024);
    while (entries.length < count) {
      const read: [number] = [0];
      const needed: [number] = [0];
      if (!advapi32().ReadEventLogW(log.value, NEWEST_FIRST, 0, buffer, buffer.length, read, needed)) {
        const error = kernel32().GetLastError();
        if (error === ERROR_HANDLE_EOF) break;
        if (error === ERROR_INSUFFICIENT_BUFFER) {
          buffer = Buffer.alloc(needed[0]);
          continue;
        }
        throw Win32Error.fromCode('ReadEventLogW', error);
      }
      entries.push(...decode(buffer, read[0]));
    }
    return entries.slice(0, count);
  } finally {
    closeQuietly(log);
  }
}
