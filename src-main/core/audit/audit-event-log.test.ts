import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_IDS, EVENT_TEXT_MAX, HOSTED_SERVICE_EVENT_ID, auditEventId, auditEventText, auditEventType } from './audit-event-log';
import { AUDIT_FAMILIES } from './audit-record';

describe('audit event IDs and types', () => {
  it('gives every family its own stable ID, the same the message file declares with the text "%1"', () => {
    const mc = fs.readFileSync(path.join(__dirname, '../../../native/event-messages.mc'), 'utf8');
    const declared = [...mc.matchAll(/^MessageId=(\d+)\s*\nSymbolicName=\w+\s*\nLanguage=English\s*\n(.*)\n\.$/gm)].map((m) => [Number(m[1]), m[2]!.trim()]);
    // The audit families, then the service host's entries (native/service-host/eventlog.h).
    expect(declared).toEqual([...AUDIT_FAMILIES.map((f) => [AUDIT_EVENT_IDS[f], '%1']), [HOSTED_SERVICE_EVENT_ID, '%1']]);
    expect(new Set(Object.values(AUDIT_EVENT_IDS)).size).toBe(AUDIT_FAMILIES.length);
    expect(Object.values(AUDIT_EVENT_IDS)).not.toContain(HOSTED_SERVICE_EVENT_ID);
    const header = fs.readFileSync(path.join(__dirname, '../../../native/service-host/eventlog.h'), 'utf8');
    expect(header).toMatch(new RegExp(`#define HOST_EVENT_ID ${HOSTED_SERVICE_EVENT_ID}\\b`));
    expect(auditEventId('process.terminate')).toBe(1000);
    expect(auditEventId('settings.refresh')).toBe(6000);
  });

  it('writes failures as errors, refusals as warnings, the rest as information', () => {
    expect([auditEventType('ok'), auditEventType('declined'), auditEventType('refused'), auditEventType('failed')]).toEqual(['information', 'information', 'warning', 'error']);
  });

  it('fits the line into one insertion string, saying where the whole entry is when it is cut', () => {
    expect(auditEventText('{"a":1}')).toBe('{"a":1}');
    const cut = auditEventText('x'.repeat(EVENT_TEXT_MAX + 10));
    expect(cut).toHaveLength(EVENT_TEXT_MAX);
    expect(cut).toMatch(/the whole entry is in logs\\audit\.log\)$/);
  });
});
