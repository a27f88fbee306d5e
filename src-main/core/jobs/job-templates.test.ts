import fs, { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobTemplate, type JobTemplateValue } from '../../../src-preload/contract/job-schemas';
import type { Logger } from '../logger';
import type { AtomicFs } from '../settings/atomic-file';
import { defaultTemplates, JobTemplateStore } from './job-templates';
import { noLimits } from './limit-differences';

let dir: string;
let file: string;
const warnings: string[] = [];
const logger: Logger = { info() {}, error() {}, warn: (m) => void warnings.push(m) };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'templates-'));
  file = path.join(dir, 'job-templates.json');
  warnings.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const template = (name: string, change: Partial<JobTemplateValue['limits']> = {}): JobTemplateValue => ({ name, description: `${name} preset`, limits: { ...noLimits(), ...change } });

/** An fs whose writes stop half-way, like a power cut during the write. */
const crashingFs: AtomicFs = {
  rename: fsp.rename,
  rm: fsp.rm,
  open: (async (p: string, flags: string) => {
    const h = await fsp.open(p, flags);
    return Object.assign(Object.create(h), {
      writeFile: async (data: string) => {
        await h.writeFile(data.slice(0, 20));
        throw new Error('power cut');
      },
      close: () => h.close(),
    });
  }) as AtomicFs['open'],
};

describe('defaultTemplates', () => {
  it('are valid templates whose build box fits the machine', () => {
    for (const n of [1, 2, 4, 64]) for (const t of defaultTemplates(n)) expect(JobTemplate.parse(t)).toEqual(t);
    expect(defaultTemplates(2)[0]).toMatchObject({ name: 'Build box', limits: { affinity: [0, 1], jobMemoryBytes: 8 * 1024 ** 3, jobUserTimeMs: 1_800_000, killOnJobClose: true } });
    expect(defaultTemplates(2)[0]?.description).toMatch(/^2 cores, 8 GB/);
    expect(defaultTemplates(16)[0]?.limits.affinity).toEqual([0, 1, 2, 3]);
    expect(defaultTemplates(1)[0]?.description).toMatch(/^1 core,/);
    expect(defaultTemplates(8).map((t) => t.name)).toEqual(['Build box', 'Contained command', 'Small sandbox']);
    expect(defaultTemplates(8)[1]?.limits).toEqual({ ...noLimits(), killOnJobClose: true });
    expect(defaultTemplates(8)[2]?.limits).toMatchObject({ activeProcesses: 32, jobMemoryBytes: 1024 ** 3, killOnJobClose: true });
    expect(defaultTemplates(8)[2]?.limits.uiRestrictions).toHaveLength(8);
  });
});

describe('JobTemplateStore', () => {
  it('starts with the defaults and writes nothing until a change', async () => {
    const store = await JobTemplateStore.open(file, logger, 8);
    expect(store.list()).toEqual(defaultTemplates(8));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('adds, replaces by name ignoring case in place, finds ignoring case, and persists', async () => {
    const store = await JobTemplateStore.open(file, logger, 8);
    await store.save(template('Night batch', { activeProcesses: 4 }));
    const list = await store.save(template('CONTAINED COMMAND', { killOnJobClose: true, dieOnUnhandledException: true }));
    expect(list.map((t) => t.name)).toEqual(['Build box', 'CONTAINED COMMAND', 'Small sandbox', 'Night batch']);
    expect(store.get('contained command')?.limits.dieOnUnhandledException).toBe(true);
    expect(store.get('nope')).toBeNull();
    const reopened = await JobTemplateStore.open(file, logger, 8);
    expect(reopened.list()).toEqual(list);
  });

  it('removes by name ignoring case; a missing name is NOT_FOUND; an emptied list stays empty', async () => {
    const store = await JobTemplateStore.open(file, logger, 8);
    await store.remove('build BOX');
    await expect(store.remove('Build box')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.remove('Contained command');
    expect(await store.remove('Small sandbox')).toEqual([]);
    expect((await JobTemplateStore.open(file, logger, 8)).list()).toEqual([]);
  });

  it('refuses an invalid template and keeps memory and file unchanged', async () => {
    const store = await JobTemplateStore.open(file, logger, 8);
    await store.save(template('A'));
    const before = fs.readFileSync(file, 'utf8');
    await expect(store.save({ ...template('B'), limits: { ...noLimits(), activeProcesses: 0 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.save({ ...template('C'), extra: 1 } as JobTemplateValue)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(store.list().map((t) => t.name)).toEqual(['Build box', 'Contained command', 'Small sandbox', 'A']);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('keeps a corrupt or schema-invalid file aside and uses the defaults', async () => {
    fs.writeFileSync(file, '{"schemaVersion":1,"templates":[');
    expect((await JobTemplateStore.open(file, logger, 8)).list()).toEqual(defaultTemplates(8));
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, templates: [template('Same'), template('SAME')] }));
    expect((await JobTemplateStore.open(file, logger, 8)).list()).toEqual(defaultTemplates(8));
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('job-templates.corrupt-'));
    expect(aside).toHaveLength(2);
    expect(aside.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).sort()[1]).toContain('"templates":[');
    expect(warnings).toHaveLength(2);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('survives a crash mid-write: the old file stays whole, memory unchanged, no temp file left', async () => {
    const good = await JobTemplateStore.open(file, logger, 8);
    await good.save(template('Kept'));
    const before = fs.readFileSync(file, 'utf8');
    const crashing = await JobTemplateStore.open(file, logger, 8, crashingFs);
    await expect(crashing.save(template('Lost'))).rejects.toThrow('power cut');
    expect(crashing.get('Lost')).toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['job-templates.json']);
    expect((await JobTemplateStore.open(file, logger, 8)).get('Kept')).not.toBeNull();
  });

  it('serializes writes: concurrent saves all land, in call order', async () => {
    const store = await JobTemplateStore.open(file, logger, 8);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(template(`T${i}`, { activeProcesses: i + 1 }))));
    const names = (await JobTemplateStore.open(file, logger, 8)).list().map((t) => t.name);
    expect(names.slice(3)).toEqual(Array.from({ length: 20 }, (_, i) => `T${i}`));
  });

  it('a failed write does not block the next one', async () => {
    const store = await JobTemplateStore.open(file, logger, 8);
    const bad = store.save({ ...template('Bad'), name: '' });
    const good = store.save(template('Good'));
    await expect(bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(good).resolves.toHaveLength(4);
  });
});
