import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileLogger } from './file-logger';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('createFileLogger', () => {
  it('appends one JSON line per entry under logs/', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    const log = createFileLogger(dir);
    log.info('started', { pid: 1 });
    log.error('failed', { code: 5 });
    const lines = fs.readFileSync(path.join(dir, 'logs', 'console.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['info', 'started'],
      ['error', 'failed'],
    ]);
    expect(lines[1].code).toBe(5);
  });

  it('rotates by bytes (not characters) and keeps one previous file', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    const log = createFileLogger(dir, 'console.log', { fileBytes: 400, files: 2 });
    for (let i = 0; i < 20; i++) log.info('ünïcödé ✓✓✓✓', { i });
    const current = fs.statSync(path.join(dir, 'logs', 'console.log')).size;
    const previous = fs.statSync(path.join(dir, 'logs', 'console.1.log')).size;
    expect(current).toBeLessThanOrEqual(400);
    expect(previous).toBeLessThanOrEqual(400);
    expect(previous).toBeGreaterThan(0);
  });
});
