import type { AuditAction, AuditFamily, AuditOutcome } from './audit-record';

/** The event source the installer registers under the Application log (build/installer.nsh). */
export const AUDIT_EVENT_SOURCE = 'Admin Console';

/**
 * Event IDs per action family: stable, so log collectors can filter on them. native/event-messages.mc
 * declares the same IDs (each message is "%1", the audit line); event-messages.test.ts keeps the two equal.
 */
export const AUDIT_EVENT_IDS: Readonly<Record<AuditFamily, number>> = Object.freeze({
  process: 1000,
  job: 2000,
  run: 3000,
  template: 4000,
  service: 5000,
  settings: 6000,
});

/**
 * The event ID of the service host's entries (native/service-host/eventlog.h, MSG_HOSTED_SERVICE in
 * native/event-messages.mc): one JSON object per entry, {"service":NAME,"event":KIND,...}.
 */
export const HOSTED_SERVICE_EVENT_ID = 7000;

/** The event log's entry types we write. */
export type AuditEventType = 'information' | 'warning' | 'error';

/** Writes one entry to the Windows event log; throws (a Win32 error with its code) when it cannot. */
export interface AuditEventLog {
  report(type: AuditEventType, eventId: number, text: string): void;
  /** Releases the source (DeregisterEventSource). */
  close(): void;
}

/** The event ID of an action: its family's. */
export function auditEventId(action: AuditAction): number {
  const family = action.slice(0, action.indexOf('.')) as AuditFamily;
  const id = AUDIT_EVENT_IDS[family];
  if (id === undefined) throw new Error(`audit action '${action}' has no family`);
  return id;
}

/** Failed actions are errors and refused ones warnings; done and declined ones are information. */
export function auditEventType(outcome: AuditOutcome): AuditEventType {
  return outcome === 'failed' ? 'error' : outcome === 'refused' ? 'warning' : 'information';
}

/** ReportEventW takes at most 31,839 characters per insertion string ("ReportEventW function", MSDN). */
export const EVENT_TEXT_MAX = 31_839;

/** The audit line as the event's insertion string: whole when it fits, else cut with a pointer to the file. */
export function auditEventText(line: string): string {
  if (line.length <= EVENT_TEXT_MAX) return line;
  const note = ' … (cut to fit the event log; the whole entry is in logs\\audit.log)';
  return `${line.slice(0, EVENT_TEXT_MAX - note.length)}${note}`;
}
