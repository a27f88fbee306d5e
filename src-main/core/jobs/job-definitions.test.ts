import fs, { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../logger';
import type { AtomicFs } from '../settings/atomic-file';
import { JobDefinitionStore, type JobDefinition } from './job-definitions';
import { noLimits } from './limit-differences';

let dir: string;
let file: string;
const warnings: string[] = [];
const logger: Logger = { info() {}, error() {}, warn: (m) => void warnings.push(m) };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdefs-'));
  file = path.join(dir, 'jobs.json');
  warnings.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const def = (name: string, createdAt = 1000, change: Partial<JobDefinition['limits']> = {}): JobDefinition => ({ name, template: null, limits: { ...noLimits(), ...change }, createdAt });

describe('JobDefinitionStore', () => {
  it('starts empty without a file and writes nothing', async () => {
    const store = await JobDefinitionStore.open(file, logger);
    expect(store.list()).toEqual([]);
    expect(await store.remove('Nothing')).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('puts, replaces by name ignoring case (keeping createdAt), removes, and persists', async () => {
    const store = await JobDefinitionStore.open(file, logger);
    await store.put({ ...def('Build', 1000, { killOnJobClose: true }), template: 'Build box' });
    await store.put(def('Nightly', 2000));
    await store.put(def('build', 5000, { activeProcesses: 3 }));
    expect(store.list()).toEqual([{ name: 'build', template: null, limits: { ...noLimits(), activeProcesses: 3 }, createdAt: 1000 }, def('Nightly', 2000)]);
    expect(store.get('BUILD')?.limits.activeProcesses).toBe(3);
    expect((await JobDefinitionStore.open(file, logger)).list()).toEqual(store.list());
    expect(await store.remove('NIGHTLY')).toBe(true);
    expect((await JobDefinitionStore.open(file, logger)).list().map((d) => d.name)).toEqual(['build']);
  });

  it('refuses a definition the contract would not accept, changing nothing', async () => {
    const store = await JobDefinitionStore.open(file, logger);
    await store.put(def('Good'));
    const before = fs.readFileSync(file, 'utf8');
    await expect(store.put(def('bad\\name'))).rejects.toThrow();
    await expect(store.put(def('Neg', 1000, { jobMemoryBytes: 5 }))).rejects.toThrow();
    expect(store.list().map((d) => d.name)).toEqual(['Good']);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('keeps a corrupt file aside and starts empty', async () => {
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, jobs: [def('A'), def('a')] }));
    expect((await JobDefinitionStore.open(file, logger)).list()).toEqual([]);
    fs.writeFileSync(file, 'not json');
    expect((await JobDefinitionStore.open(file, logger)).list()).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('jobs.corrupt-'))).toHaveLength(2);
    expect(warnings).toHaveLength(2);
  });

  it('survives a crash mid-write with the old file whole', async () => {
    const store = await JobDefinitionStore.open(file, logger);
    await store.put(def('Kept'));
    const before = fs.readFileSync(file, 'utf8');
    const crashing: AtomicFs = {
      rm: fsp.rm,
      open: fsp.open,
      rename: async () => {
        throw new Error('power cut before the rename');
      },
    };
    const other = await JobDefinitionStore.open(file, logger, crashing);
    await expect(other.put(def('Lost'))).rejects.toThrow('power cut');
    expect(other.list().map((d) => d.name)).toEqual(['Kept']);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['jobs.json']);
  });

  it('serializes concurrent puts', async () => {
    const store = await JobDefinitionStore.open(file, logger);
    await Promise.all(Array.from({ length: 15 }, (_, i) => store.put(def(`Job ${i}`, i))));
    expect((await JobDefinitionStore.open(file, logger)).list().map((d) => d.createdAt)).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });
});
