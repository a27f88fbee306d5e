// The Windows event log as the audit trail writes it: RegisterEventSourceW + ReportEventW, read back with
// OpenEventLogW + ReadEventLogW on Windows. Wine 8 stubs the event log (a fake source handle, ReportEventW
// returns TRUE and stores nothing, ReadEventLogW is at the end at once), so there only the binding is proven.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, test } from 'node:test';
import { auditEventId, auditEventText, auditEventType } from '../core/audit/audit-event-log';
import { EVENT_TYPE_CODES, EventSource } from './event-log';
import { readNewestEvents } from './event-log-readback';
import { handleLedger } from './handles';
import { wineVersion } from './system';

const APPLICATION_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application';

describe('event log', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every event source and log handle was closed'));

  test('a source registers, takes an entry of each type and deregisters (the binding, everywhere)', () => {
    const keptBefore = handleLedger.keptCount('event source');
    const source = EventSource.register('Admin Console binding test');
    assert.equal(handleLedger.keptCount('event source'), keptBefore + 1, 'held for the life of the console, so counted as kept');
    try {
      for (const type of ['information', 'warning', 'error'] as const) source.report(type, 1000, `{"outcome":"${type}","text":"ünïcödé ✓"}`);
      // The longest insertion string ReportEventW takes: what auditEventText cuts every line to.
      source.report('information', 1000, auditEventText('x'.repeat(40_000)));
    } finally {
      source.close();
    }
    assert.equal(handleLedger.keptCount('event source'), keptBefore, 'close() deregistered it');
  });

  test('Wine stores nothing: ReadEventLogW is at the end at once (so the read-back below is Windows-only)', (t) => {
    if (wineVersion() === null) return t.skip('Windows: the read-back test below proves what is stored');
    const source = EventSource.register('Admin Console binding test');
    try {
      source.report('information', 1000, 'stored?');
    } finally {
      source.close();
    }
    assert.deepEqual(readNewestEvents('Application', 10), []);
  });

  test('entries read back with their event ID, type and text (Windows)', (t) => {
    if (wineVersion() !== null) return t.skip('Wine 8 stubs the event log: ReportEventW stores nothing and ReadEventLogW returns no records');
    // A test source of its own, registered as the installer registers "Admin Console" (without the message
    // file: ID, type and insertion string are what is checked), and removed afterwards.
    const name = `Admin Console test ${randomBytes(4).toString('hex')}`;
    const key = `${APPLICATION_KEY}\\${name}`;
    const reg = (...args: string[]) => {
      const r = spawnSync('reg', args, { encoding: 'utf8', windowsHide: true });
      assert.equal(r.status, 0, `reg ${args.join(' ')}: ${r.stderr}`);
    };
    reg('add', key, '/v', 'TypesSupported', '/t', 'REG_DWORD', '/d', '7', '/f');
    try {
      const written = [
        { action: 'process.terminate', outcome: 'ok' },
        { action: 'service.uninstall', outcome: 'refused' },
        { action: 'job.launch', outcome: 'failed' },
        { action: 'settings.refresh', outcome: 'declined' },
      ] as const;
      const lines = written.map((w, i) => JSON.stringify({ ...w, n: i, marker: name }));
      const source = EventSource.register(name);
      try {
        written.forEach((w, i) => source.report(auditEventType(w.outcome), auditEventId(w.action), lines[i]!));
      } finally {
        source.close();
      }
      const ours = readNewestEvents('Application', 200)
        .filter((e) => e.source === name)
        .reverse();
      assert.deepEqual(
        ours.map((e) => ({ id: e.eventId, type: e.type, text: e.strings })),
        written.map((w, i) => ({ id: auditEventId(w.action), type: EVENT_TYPE_CODES[auditEventType(w.outcome)], text: [lines[i]] })),
      );
    } finally {
      reg('delete', key, '/f');
    }
  });
});
