import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asideCandidate, setAside, setAsideSync } from './set-aside';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'set-aside-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One millisecond, so every file set aside in a test shares it (what made the settings test flaky). */
const SAME_MS = new Date('2025-01-02T03:04:05.678Z');
const contentsByName = () => Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

describe.each([
  ['setAside', (file: string, now: Date) => setAside(file, now)],
  ['setAsideSync', async (file: string, now: Date) => setAsideSync(file, now)],
])('%s', (_name, keepAside) => {
  it('keeps every file set aside in the same millisecond, each under its own name', async () => {
    const file = path.join(dir, 'settings.json');
    const kept: string[] = [];
    for (const text of ['first', 'second', 'third']) {
      fs.writeFileSync(file, text);
      kept.push(path.basename(await keepAside(file, SAME_MS)));
    }
    expect(kept).toEqual(['settings.corrupt-2025-01-02T03-04-05-678Z.json', 'settings.corrupt-2025-01-02T03-04-05-678Z-2.json', 'settings.corrupt-2025-01-02T03-04-05-678Z-3.json']);
    expect(contentsByName()).toEqual({ [kept[0]!]: 'first', [kept[1]!]: 'second', [kept[2]!]: 'third' });
  });

  it('never replaces a file that already has the name', async () => {
    const file = path.join(dir, 'jobs.json');
    fs.writeFileSync(asideCandidate(file, SAME_MS, 1), 'kept earlier by someone else');
    fs.writeFileSync(file, 'bad');
    const kept = await keepAside(file, SAME_MS);
    expect(path.basename(kept)).toBe('jobs.corrupt-2025-01-02T03-04-05-678Z-2.json');
    expect(fs.readFileSync(asideCandidate(file, SAME_MS, 1), 'utf8')).toBe('kept earlier by someone else');
    expect(fs.readFileSync(kept, 'utf8')).toBe('bad');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('when the rename fails, throws and leaves no reservation behind', async () => {
    await expect(keepAside(path.join(dir, 'gone.json'), SAME_MS)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
