import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RotatingFile, createFileLogger } from './file-logger';

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

describe('RotatingFile', () => {
  const lines = (file: RotatingFile, files: number) => {
    const all: string[] = [];
    for (let age = files - 1; age >= 0; age--) {
      const name = file.numbered(age);
      if (fs.existsSync(name)) all.push(...fs.readFileSync(name, 'utf8').split('\n').filter(Boolean));
    }
    return all;
  };

  it('keeps a contiguous tail of every line written, at least (files - 1) x fileBytes of it, in bounded bytes', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    const rotation = { fileBytes: 1000, files: 4 };
    const file = new RotatingFile(dir, 'audit.log', rotation);
    const written: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const line = JSON.stringify({ i, pad: 'x'.repeat(i % 37) });
      written.push(line);
      file.append(line);
    }
    const kept = lines(file, rotation.files);
    // Nothing in the middle is lost: what is kept is exactly the newest lines, in order.
    expect(kept).toEqual(written.slice(written.length - kept.length));
    const keptBytes = kept.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    expect(keptBytes).toBeGreaterThan((rotation.files - 1) * rotation.fileBytes - 100);
    const onDisk = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    expect(onDisk).toBeLessThanOrEqual(rotation.files * rotation.fileBytes);
    expect(fs.readdirSync(dir).sort()).toEqual(['audit.1.log', 'audit.2.log', 'audit.3.log', 'audit.log']);
  });

  it('picks up the size of a file already there, so a restart does not overrun the cap', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    fs.writeFileSync(path.join(dir, 'audit.log'), `${'y'.repeat(950)}\n`);
    const file = new RotatingFile(dir, 'audit.log', { fileBytes: 1000, files: 3 });
    file.append('z'.repeat(100));
    expect(fs.readFileSync(path.join(dir, 'audit.1.log'), 'utf8')).toBe(`${'y'.repeat(950)}\n`);
    expect(fs.readFileSync(path.join(dir, 'audit.log'), 'utf8')).toBe(`${'z'.repeat(100)}\n`);
  });

  it('keeps writing to the current file when a rotation fails, losing no line, and rotates once it can', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    const file = new RotatingFile(dir, 'audit.log', { fileBytes: 100, files: 2 });
    // A non-empty directory where the oldest file goes: removing it fails, as a file held open by a reader would.
    fs.mkdirSync(path.join(dir, 'audit.1.log'));
    fs.writeFileSync(path.join(dir, 'audit.1.log', 'held'), '');
    const written = Array.from({ length: 10 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
    for (const line of written) file.append(line);
    expect(fs.readFileSync(path.join(dir, 'audit.log'), 'utf8').split('\n').filter(Boolean)).toEqual(written);
    fs.rmSync(path.join(dir, 'audit.1.log'), { recursive: true });
    file.append('after');
    expect(fs.readFileSync(path.join(dir, 'audit.1.log'), 'utf8').split('\n').filter(Boolean)).toEqual(written);
    expect(fs.readFileSync(path.join(dir, 'audit.log'), 'utf8')).toBe('after\n');
  });

  it('refuses a rotation that keeps nothing', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    expect(() => new RotatingFile(dir, 'a.log', { fileBytes: 0, files: 2 })).toThrow(/bad log rotation/);
    expect(() => new RotatingFile(dir, 'a.log', { fileBytes: 10, files: 0 })).toThrow(/bad log rotation/);
  });
});
