import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../app-error';
import { RotatingFile } from '../file-logger';
import type { Logger } from '../logger';
import type { AuditEventLog, AuditEventType } from './audit-event-log';
import type { AuditRecord } from './audit-record';
import { AUDIT_ROTATION, AUDIT_STRING_MAX, AuditTrail } from './audit-trail';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An event log double: records what it was given, or fails with a Win32-style error while `failing` is set. */
class FakeEventLog implements AuditEventLog {
  reports: { type: AuditEventType; eventId: number; text: string }[] = [];
  failing: AppError | null = null;
  closed = false;
  report(type: AuditEventType, eventId: number, text: string): void {
    if (this.failing) throw this.failing;
    this.reports.push({ type, eventId, text });
  }
  close(): void {
    this.closed = true;
  }
}

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = { info: (m) => lines.push(`info ${m}`), warn: (m, f) => lines.push(`warn ${m} ${JSON.stringify(f)}`), error: (m) => lines.push(`error ${m}`) };
  return { logger, lines };
}

function setup(rotation: { fileBytes: number; files: number } = AUDIT_ROTATION) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
  const file = new RotatingFile(dir, 'audit.log', rotation);
  const eventLog = new FakeEventLog();
  const { logger, lines } = recordingLogger();
  const trail = new AuditTrail(file, 'HOST\\admin', eventLog, logger, () => new Date('2026-12-02T10:00:00.000Z'));
  const read = () => {
    const all: Record<string, unknown>[] = [];
    for (let age = rotation.files - 1; age >= 0; age--) {
      if (fs.existsSync(file.numbered(age))) all.push(...fs.readFileSync(file.numbered(age), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
    }
    return all;
  };
  return { trail, eventLog, logLines: lines, read, file };
}

const terminate: AuditRecord = { action: 'process.terminate', target: { pid: 4242, createTime: '133000000000000000', name: 'notepad.exe' }, outcome: 'ok' };

describe('AuditTrail', () => {
  it('writes one JSON line per action: time, account, action, target, before, after, outcome, Win32 code and message', () => {
    const { trail, read } = setup();
    trail.record(terminate);
    trail.record({ action: 'service.edit', target: { service: 'Spooler' }, before: { startType: 'auto' }, after: { startType: 'demand' }, outcome: 'failed', win32Code: 5, message: 'Access is denied.' });
    expect(read()).toEqual([
      { time: '2026-12-02T10:00:00.000Z', account: 'HOST\\admin', action: 'process.terminate', target: terminate.target, outcome: 'ok' },
      {
        time: '2026-12-02T10:00:00.000Z',
        account: 'HOST\\admin',
        action: 'service.edit',
        target: { service: 'Spooler' },
        before: { startType: 'auto' },
        after: { startType: 'demand' },
        outcome: 'failed',
        win32Code: 5,
        message: 'Access is denied.',
      },
    ]);
  });

  it('sends the same line to the event log with the family ID and a type by outcome', () => {
    const { trail, eventLog, file } = setup();
    trail.record(terminate);
    trail.record({ action: 'job.launch', target: { job: 'Build' }, outcome: 'failed', win32Code: 2 });
    trail.record({ action: 'service.uninstall', target: { service: 'X' }, outcome: 'refused' });
    trail.record({ action: 'settings.refresh', target: { setting: 'refresh' }, outcome: 'declined' });
    const lines = fs.readFileSync(file.path, 'utf8').trim().split('\n');
    expect(eventLog.reports).toEqual([
      { type: 'information', eventId: 1000, text: lines[0] },
      { type: 'error', eventId: 2000, text: lines[1] },
      { type: 'warning', eventId: 5000, text: lines[2] },
      { type: 'information', eventId: 6000, text: lines[3] },
    ]);
  });

  it('still writes the file when the event log fails, says so in the console log once per outage, and recovers', () => {
    const { trail, eventLog, logLines, read } = setup();
    eventLog.failing = new AppError('WIN32', 'ReportEventW failed: The RPC server is unavailable. (error 1722)', 1722);
    trail.record(terminate);
    trail.record(terminate);
    eventLog.failing = null;
    trail.record(terminate);
    expect(read()).toHaveLength(3);
    expect(eventLog.reports).toHaveLength(1);
    expect(logLines).toEqual([
      expect.stringMatching(/^warn writing an audit entry to the Windows event log failed.*"win32Code":1722/),
      'info writing audit entries to the Windows event log works again',
    ]);
  });

  it('never throws into the admin action when the file cannot be written either', () => {
    const { trail, eventLog, logLines, file } = setup();
    fs.mkdirSync(file.path); // a directory where the file should be: every append fails
    expect(() => trail.record(terminate)).not.toThrow();
    expect(() => trail.record(terminate)).not.toThrow();
    expect(eventLog.reports).toHaveLength(2);
    expect(logLines.filter((l) => l.startsWith('error audit file write failed'))).toHaveLength(1);
  });

  it('cuts long strings to a bounded size with their length and SHA-256, so one entry stays small', () => {
    const { trail, read } = setup();
    const long = 'a'.repeat(100_000);
    trail.record({ action: 'service.start', target: { service: 'X' }, after: { arguments: [long, 'short'] }, outcome: 'ok' });
    const [entry] = read() as [{ after: { arguments: string[] } }];
    expect(entry.after.arguments[1]).toBe('short');
    expect(entry.after.arguments[0]!.length).toBeLessThan(AUDIT_STRING_MAX + 120);
    expect(entry.after.arguments[0]).toMatch(/… \[100000 characters, sha256 [0-9a-f]{64}\]$/);
  });

  it('keeps an old uninstall through 1,000 start records as large as a request can make them', { timeout: 30_000 }, () => {
    const { trail, read } = setup();
    trail.record({ action: 'service.uninstall', target: { service: 'Evidence' }, before: { binaryPath: 'C:\\x.exe' }, outcome: 'ok', message: 'Deleted.' });
    // The contract allows 32 start arguments of 8,191 characters each.
    const args = Array.from({ length: 32 }, (_, i) => `${i}`.padEnd(8191, 'x'));
    for (let i = 0; i < 1000; i++) trail.record({ action: 'service.start', target: { service: `Noise${i}` }, after: { arguments: args }, outcome: 'failed', win32Code: 1056, message: 'x'.repeat(8191) });
    const entries = read();
    expect(entries).toHaveLength(1001);
    expect(entries[0]).toMatchObject({ action: 'service.uninstall', target: { service: 'Evidence' } });
  });

  describe('request', () => {
    it('records a declined confirmation once per target when the domain recorded nothing, and rethrows', async () => {
      const { trail, read } = setup();
      const declined = new AppError('CANCELLED', 'Stop services: cancelled; nothing was changed.');
      await expect(trail.request('service.stop', [{ service: 'A' }, { service: 'B' }], () => Promise.reject(declined))).rejects.toBe(declined);
      await expect(trail.request('job.launch', { job: 'J' }, () => Promise.reject(declined), { asked: { commandLine: 'cmd /c x' } })).rejects.toBe(declined);
      expect(read().map((e) => [e.action, e.target, e.after, e.outcome, e.message])).toEqual([
        ['service.stop', { service: 'A' }, undefined, 'declined', declined.message],
        ['service.stop', { service: 'B' }, undefined, 'declined', declined.message],
        ['job.launch', { job: 'J' }, { commandLine: 'cmd /c x' }, 'declined', declined.message],
      ]);
    });

    it('records the outcome of an action whose domain keeps no record, with before and after', async () => {
      const { trail, read } = setup();
      await trail.request('settings.refresh', { setting: 'refresh' }, async () => ({ intervalMs: 2000 }), { before: { intervalMs: 1000 }, after: (v) => v });
      await expect(trail.request('job.create', { job: 'J' }, () => Promise.reject(new AppError('WIN32', 'CreateJobObjectW failed (error 183)', 183)))).rejects.toThrow();
      expect(read().map((e) => [e.action, e.before, e.after, e.outcome, e.win32Code])).toEqual([
        ['settings.refresh', { intervalMs: 1000 }, { intervalMs: 2000 }, 'ok', undefined],
        ['job.create', undefined, undefined, 'failed', 183],
      ]);
    });

    it('adds nothing when the domain recorded the action itself, even across awaits', async () => {
      const { trail, read } = setup();
      await trail.request('job.terminate', { job: 'J' }, async () => {
        await new Promise((r) => setTimeout(r, 1));
        trail.record({ action: 'job.terminate', target: { job: 'J' }, outcome: 'ok', message: 'Terminated.' });
      });
      await expect(
        trail.request('job.close', { job: 'J' }, async () => {
          trail.record({ action: 'job.close', target: { job: 'J' }, outcome: 'failed', message: 'no' });
          throw new AppError('WIN32', 'no', 6);
        }),
      ).rejects.toThrow();
      expect(read().map((e) => [e.action, e.outcome])).toEqual([
        ['job.terminate', 'ok'],
        ['job.close', 'failed'],
      ]);
    });

    it('keeps concurrent requests apart', async () => {
      const { trail, read } = setup();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const first = trail.request('job.terminate', { job: 'A' }, async () => {
        await gate;
      });
      const second = trail.request('job.terminate', { job: 'B' }, async () => {
        trail.record({ action: 'job.terminate', target: { job: 'B' }, outcome: 'ok', message: 'by the domain' });
      });
      await second;
      release();
      await first;
      expect(read().map((e) => [e.target, e.message])).toEqual([
        [{ job: 'B' }, 'by the domain'],
        [{ job: 'A' }, undefined],
      ]);
    });
  });

  it('closes the event source on close and writes the file only afterwards', () => {
    const { trail, eventLog, read } = setup();
    trail.close();
    trail.record(terminate);
    expect(eventLog.closed).toBe(true);
    expect(eventLog.reports).toHaveLength(0);
    expect(read()).toHaveLength(1);
  });
});
