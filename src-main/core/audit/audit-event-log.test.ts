import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_IDS, EVENT_TEXT_MAX, auditEventId, auditEventText, auditEventType } from './audit-event-log';
import { AUDIT_FAMILIES } from './audit-record';

describe('audit event IDs and types', () => {
  it('gives every family its own stable ID, the same the message file declares with the text "%1"', () => {
    const mc = fs.readFileSync(path.join(__dirname, '../../../native/event-messages.mc'), 'utf8');
    const declared = [...mc.matchAll(/^MessageId=(\d+)\s*\nSymbolicName=\w+\s*\nLanguage=English\s*\n(.*)\n\.$/gm)].map((m) => [Number(m[1]), m[2]!.trim()]);
    expect(declared).toEqual(AUDIT_FAMILIES.map((f) => [AUDIT_EVENT_IDS[f], '%1']));
    expect(new Set(Object.values(AUDIT_EVENT_IDS)).size).toBe(AUDIT_FAMILIES.length);
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
