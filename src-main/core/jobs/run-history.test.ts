import fs, { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummaryValue } from '../../../src-preload/contract/job-schemas';
import type { Logger } from '../logger';
import type { AtomicFs } from '../settings/atomic-file';
import type { OutputChunk } from './output-buffer';
import { RunHistoryStore } from './run-history';

let dir: string;
let folder: string;
const warnings: string[] = [];
const logger: Logger = { info() {}, error() {}, warn: (m) => void warnings.push(m) };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runs-'));
  folder = path.join(dir, 'runs');
  warnings.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const id = (n: number) => n.toString(16).padStart(16, '0');
const summary = (n: number, change: Partial<RunSummaryValue> = {}): RunSummaryValue => ({
  id: id(n),
  commandLine: `cmd /c echo ${n}`,
  workingDirectory: null,
  template: null,
  timeoutSeconds: 30,
  state: 'exited',
  pid: 100 + n,
  exitCode: 0,
  startedAt: 1_000 + n,
  endedAt: 2_000 + n,
  truncatedBytes: 0,
  outputBytes: 3,
  message: null,
  ...change,
});
const output = (text: string): OutputChunk[] => [
  { stream: 'stdout', text },
  { stream: 'stderr', text: 'warning\n' },
];
const runFiles = () => fs.readdirSync(folder).filter((f) => /^[0-9a-f]{16}\.json$/.test(f));

describe('RunHistoryStore', () => {
  it('creates its folder, saves runs with their output, lists newest first, and reloads', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    expect(store.list()).toEqual([]);
    await store.save(summary(1), output('one\n'));
    await store.save(summary(3), output('three\n'));
    await store.save(summary(2), output('two\n'));
    expect(store.list().map((r) => r.id)).toEqual([id(3), id(2), id(1)]);
    expect(store.load(id(2))).toEqual({ run: summary(2), chunks: output('two\n') });
    const reopened = await RunHistoryStore.open(folder, logger);
    expect(reopened.list()).toEqual(store.list());
    expect(reopened.load(id(3))?.chunks[0]?.text).toBe('three\n');
    expect(reopened.load('../../etc/passwd')).toBeNull();
    expect(reopened.load(id(99))).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('lists and loads a run from the moment save() is called, and forgets it if the write fails', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    const saving = store.save(summary(1), output('at once\n'));
    expect(store.list().map((r) => r.id)).toEqual([id(1)]);
    expect(store.load(id(1))?.chunks[0]?.text).toBe('at once\n');
    await saving;
    expect(store.load(id(1))?.chunks[0]?.text).toBe('at once\n');
    const failing = await RunHistoryStore.open(folder, logger, { fs: { open: fsp.open, rm: fsp.rm, rename: () => Promise.reject(new Error('disk full')) } });
    const lost = failing.save(summary(2), output('never lands'));
    expect(failing.load(id(2))).not.toBeNull();
    await expect(lost).rejects.toThrow('disk full');
    expect(failing.load(id(2))).toBeNull();
    expect(failing.list().map((r) => r.id)).toEqual([id(1)]);
  });

  it('replaces a run saved again under the same id', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    await store.save(summary(1, { state: 'running', endedAt: null }), []);
    await store.save(summary(1), output('done\n'));
    expect(store.list()).toEqual([summary(1)]);
    expect(runFiles()).toHaveLength(1);
  });

  it('keeps at most the count cap, deleting the oldest runs and their files', async () => {
    const store = await RunHistoryStore.open(folder, logger, { maxRuns: 3 });
    for (let n = 1; n <= 5; n++) await store.save(summary(n), output(`${n}\n`));
    expect(store.list().map((r) => r.id)).toEqual([id(5), id(4), id(3)]);
    expect(runFiles().sort()).toEqual([id(3), id(4), id(5)].map((x) => `${x}.json`));
    expect(store.load(id(1))).toBeNull();
  });

  it('keeps the total size under the cap, oldest first, but always keeps the run just saved', async () => {
    const store = await RunHistoryStore.open(folder, logger, { maxBytes: 5_000 });
    for (let n = 1; n <= 4; n++) await store.save(summary(n), output('x'.repeat(1_000)));
    expect(store.totalBytes).toBeLessThanOrEqual(5_000);
    expect(store.list().map((r) => r.id)).toEqual([id(4), id(3), id(2)]);
    const onDisk = runFiles().reduce((sum, f) => sum + fs.statSync(path.join(folder, f)).size, 0);
    expect(onDisk).toBe(store.totalBytes);
    await store.save(summary(5), output('y'.repeat(10_000)));
    expect(store.list().map((r) => r.id)).toEqual([id(5)]);
  });

  it('enforces the caps at open too (a smaller cap configured later)', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    for (let n = 1; n <= 4; n++) await store.save(summary(n), output('z'));
    const smaller = await RunHistoryStore.open(folder, logger, { maxRuns: 2 });
    expect(smaller.list().map((r) => r.id)).toEqual([id(4), id(3)]);
    expect(runFiles()).toHaveLength(2);
  });

  it('refuses a summary or output the contract would not accept, saving nothing (a rejection, never a throw)', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    const saving = store.save({ ...summary(1), exitCode: 1.5 }, []);
    expect(saving).toBeInstanceOf(Promise);
    await expect(saving).rejects.toThrow();
    await expect(store.save({ ...summary(1), id: 'not-an-id' }, [])).rejects.toThrow();
    await expect(store.save(summary(1), [{ stream: 'stdin' as 'stdout', text: 'x' }])).rejects.toThrow();
    expect(store.list()).toEqual([]);
    expect(runFiles()).toEqual([]);
  });

  it('skips and keeps aside a bad run file, logging it, without failing', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    await store.save(summary(1), output('good\n'));
    fs.writeFileSync(path.join(folder, `${id(2)}.json`), '{"schemaVersion":1,"run":');
    fs.writeFileSync(path.join(folder, `${id(3)}.json`), JSON.stringify({ schemaVersion: 1, run: summary(4), chunks: [] }));
    const reopened = await RunHistoryStore.open(folder, logger);
    expect(reopened.list().map((r) => r.id)).toEqual([id(1)]);
    expect(warnings).toHaveLength(2);
    expect(fs.readdirSync(folder).filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
  });

  it('a run file damaged after it was indexed is dropped on load, kept aside and logged', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    await store.save(summary(1), output('fine\n'));
    fs.writeFileSync(path.join(folder, `${id(1)}.json`), 'garbage');
    expect(store.load(id(1))).toBeNull();
    expect(store.list()).toEqual([]);
    expect(warnings).toHaveLength(1);
    await store.save(summary(2), []);
    expect((await RunHistoryStore.open(folder, logger)).list().map((r) => r.id)).toEqual([id(2)]);
  });

  it('rebuilds a corrupt or missing index from the run files', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    await store.save(summary(1), output('a'));
    await store.save(summary(2), output('b'));
    fs.writeFileSync(path.join(folder, 'index.json'), '[');
    const rebuilt = await RunHistoryStore.open(folder, logger);
    expect(rebuilt.list().map((r) => r.id)).toEqual([id(2), id(1)]);
    expect(warnings).toHaveLength(1);
    fs.rmSync(path.join(folder, 'index.json'));
    expect((await RunHistoryStore.open(folder, logger)).list()).toHaveLength(2);
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')).runs).toHaveLength(2);
  });

  it('the index holds summaries only, never the output', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    await store.save(summary(1), output('SECRET-OUTPUT'.repeat(100)));
    const index = fs.readFileSync(path.join(folder, 'index.json'), 'utf8');
    expect(index).not.toContain('SECRET-OUTPUT');
    expect(index.length).toBeLessThan(1000);
  });

  it('survives a crash mid-write: the run file or the index (the next open repairs the index)', async () => {
    const store = await RunHistoryStore.open(folder, logger);
    await store.save(summary(1), output('kept'));
    const failOn = (name: string): AtomicFs => ({
      open: (async (p: string, flags: string, mode?: number) => {
        const h = await fsp.open(p, flags, mode);
        if (!path.basename(p).startsWith(`.${name}`)) return h;
        return Object.assign(Object.create(h), {
          writeFile: async (data: string) => {
            await h.writeFile(data.slice(0, 10));
            throw new Error('power cut');
          },
          close: () => h.close(),
        });
      }) as AtomicFs['open'],
      rename: fsp.rename,
      rm: fsp.rm,
    });
    const crashingRun = await RunHistoryStore.open(folder, logger, { fs: failOn(id(2)) });
    await expect(crashingRun.save(summary(2), output('lost'))).rejects.toThrow('power cut');
    expect(crashingRun.list().map((r) => r.id)).toEqual([id(1)]);
    expect(fs.readdirSync(folder).sort()).toEqual([`${id(1)}.json`, 'index.json']);

    const crashingIndex = await RunHistoryStore.open(folder, logger, { fs: failOn('index.json') });
    await expect(crashingIndex.save(summary(3), output('landed before the index'))).rejects.toThrow('power cut');
    const repaired = await RunHistoryStore.open(folder, logger);
    expect(repaired.list().map((r) => r.id)).toEqual([id(3), id(1)]);
    expect(repaired.load(id(3))?.chunks[0]?.text).toBe('landed before the index');
  });

  it('removes temp files a crash left behind', async () => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `.${id(1)}.json.abcdef123456.tmp`), 'half');
    await RunHistoryStore.open(folder, logger);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('serializes concurrent saves', async () => {
    const store = await RunHistoryStore.open(folder, logger, { maxRuns: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, n) => store.save(summary(n + 1), output(`${n}`))));
    expect(store.list()).toHaveLength(10);
    expect(runFiles()).toHaveLength(10);
    expect((await RunHistoryStore.open(folder, logger, { maxRuns: 10 })).list().map((r) => r.id)).toEqual(store.list().map((r) => r.id));
  });
});
