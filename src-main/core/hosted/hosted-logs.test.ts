import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLLOW_MAX_BYTES, LogFollower, listLogFiles, logFolderOf, logTail, searchLogs } from './hosted-logs';

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosted-logs-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const line = (i: number, text = 'tick') => `2026-12-02T21:03:04.${String(i).padStart(3, '0')}Z O ${text} ${i}\n`;

describe('hosted log files', () => {
  it('decides the folder from the name and refuses names that are not folder names', () => {
    expect(logFolderOf('/data/services', 'web')).toBe(path.join('/data/services', 'web'));
    for (const bad of ['..', '.', 'a:b', 'x*', 'trailing.', 'a|b']) expect(() => logFolderOf('/data/services', bad), bad).toThrow(/cannot name a log folder/);
  });

  it('lists the kept files newest first per stream and ignores everything else', async () => {
    const dir = folderWith({ 'output.2.log': 'x', 'output.log': 'x', 'output.1.log': 'x', 'stderr.log': 'x', 'notes.txt': 'x', 'output.log.bak': 'x' });
    expect((await listLogFiles(dir)).map((f) => f.file)).toEqual(['output.log', 'output.1.log', 'output.2.log', 'stderr.log']);
    expect(await listLogFiles(path.join(dir, 'missing'))).toEqual([]);
  });

  it('tails the newest bytes from a line start', async () => {
    const text = Array.from({ length: 100 }, (_, i) => line(i)).join('');
    const dir = folderWith({ 'output.log': text, 'output.1.log': 'old\n' });
    const tail = await logTail('web', dir, 1024);
    expect(tail.tails).toHaveLength(1);
    expect(tail.tails[0]?.truncated).toBe(true);
    expect(tail.tails[0]?.text.startsWith('2026-12-02T')).toBe(true);
    expect(tail.tails[0]?.text.endsWith(line(99))).toBe(true);
    expect(tail.tails[0]?.text.length).toBeLessThanOrEqual(1024);
    expect(tail.files.map((f) => f.file)).toEqual(['output.log', 'output.1.log']);
    const whole = await logTail('web', dir, 1_000_000);
    expect(whole.tails[0]).toEqual({ stream: 'output', text, truncated: false });
  });

  it('searches every kept file, newest first, case-insensitively, up to the limit', async () => {
    const dir = folderWith({ 'output.log': `${line(1)}${line(2, 'ERROR disk')}`, 'output.1.log': `${line(0, 'error old')}`, 'stderr.log': '' });
    const found = await searchLogs(dir, 'error', 10);
    expect(found).toEqual({
      matches: [
        { file: 'output.log', line: 2, text: line(2, 'ERROR disk').trimEnd() },
        { file: 'output.1.log', line: 1, text: line(0, 'error old').trimEnd() },
      ],
      truncated: false,
      filesSearched: 3,
    });
    expect(await searchLogs(dir, 'error', 1)).toMatchObject({ matches: [{ file: 'output.log' }], truncated: true });
  });

  it('follows appended lines, across a rotation, and skips (and counts) a flood', async () => {
    const dir = folderWith({ 'output.log': line(0) });
    const follower = new LogFollower(dir);
    expect(await follower.poll()).toEqual([]);
    fs.appendFileSync(path.join(dir, 'output.log'), line(1));
    expect(await follower.poll()).toEqual([{ stream: 'output', text: line(1), skippedBytes: 0 }]);
    expect(await follower.poll()).toEqual([]);
    // The host rotates: output.log -> output.1.log (with one more line first), a fresh output.log.
    fs.appendFileSync(path.join(dir, 'output.log'), line(2));
    fs.renameSync(path.join(dir, 'output.log'), path.join(dir, 'output.1.log'));
    fs.writeFileSync(path.join(dir, 'output.log'), line(3));
    expect(await follower.poll()).toEqual([
      { stream: 'output', text: line(2), skippedBytes: 0 },
      { stream: 'output', text: line(3), skippedBytes: 0 },
    ]);
    const flood = Array.from({ length: 20_000 }, (_, i) => line(i % 1000)).join('');
    fs.appendFileSync(path.join(dir, 'output.log'), flood);
    const [pushed] = await follower.poll();
    expect(pushed?.skippedBytes).toBe(flood.length - FOLLOW_MAX_BYTES);
    expect(pushed?.text.endsWith(line(19_999 % 1000))).toBe(true);
    expect(pushed?.text.startsWith('2026-')).toBe(true);
  });
});
