/**
 * The Windows event log, as the audit trail writes it: RegisterEventSourceW once, ReportEventW per
 * entry ("Reporting an Event", MSDN). The installer registers the source under
 * HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Application with our message file, whose every
 * message is "%1", so Event Viewer shows the insertion string as the whole text.
 *
 * Wine 8 implements none of this: RegisterEventSourceW returns a fixed fake handle, ReportEventW is a
 * stub that returns TRUE and ReadEventLogW reports the end of the log at once, so reading entries back
 * is tested on Windows only.
 */
import type { AuditEventLog, AuditEventType } from '../core/audit/audit-event-log';
import { advapi32 } from './advapi32';
import { OwnedHandle, type HandleCloser } from './handles';
import { Win32Error } from './win32-error';

/** EVENTLOG_ERROR_TYPE, EVENTLOG_WARNING_TYPE, EVENTLOG_INFORMATION_TYPE (winnt.h). */
export const EVENT_TYPE_CODES: Readonly<Record<AuditEventType, number>> = Object.freeze({ error: 0x1, warning: 0x2, information: 0x4 });

const deregister: HandleCloser = { fn: 'DeregisterEventSource', close: (handle) => advapi32().DeregisterEventSource(handle) };

/**
 * A registered event source: report() writes one entry with a single insertion string and throws a
 * Win32Error (GetLastError, FormatMessage text) when ReportEventW fails.
 */
export class EventSource implements AuditEventLog {
  private constructor(private readonly handle: OwnedHandle) {}

  /**
   * RegisterEventSourceW on the local machine; throws a Win32Error when it fails. The console holds its
   * source for its whole life, so the handle is counted as kept (handleLedger.keptCount), not as a leak.
   */
  static register(source: string): EventSource {
    return new EventSource(OwnedHandle.keep('event source', advapi32().RegisterEventSourceW(null, source), 'RegisterEventSourceW', deregister));
  }

  report(type: AuditEventType, eventId: number, text: string): void {
    if (!advapi32().ReportEventW(this.handle.value, EVENT_TYPE_CODES[type], 0, eventId >>> 0, null, 1, 0, [text], null)) {
      throw Win32Error.fromLastError('ReportEventW');
    }
  }

  /** DeregisterEventSource. */
  close(): void {
    this.handle.close();
  }
}
