import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import { DEFAULT_SETTINGS, SettingsStore } from './settings-store';
import { writeFileAtomic, type AtomicFs } from './atomic-file';
import type { Logger } from '../logger';

let dir: string;
const warnings: string[] = [];
const logger: Logger = { info() {}, error() {}, warn: (m) => void warnings.push(m) };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'));
  warnings.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SettingsStore', () => {
  it('uses defaults when there is no file, and writes only on change', async () => {
    const file = path.join(dir, 'settings.json');
    const store = await SettingsStore.open(file, logger);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(fs.existsSync(file)).toBe(false);
    const next = await store.update((s) => ({ ...s, refresh: { intervalMs: 2000, paused: true } }));
    expect(next.refresh).toEqual({ intervalMs: 2000, paused: true });
    const reopened = await SettingsStore.open(file, logger);
    expect(reopened.get().refresh).toEqual({ intervalMs: 2000, paused: true });
  });

  it('keeps a corrupt file aside and falls back to defaults', async () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"schemaVersion":1,"refresh":{"intervalMs":');
    const store = await SettingsStore.open(file, logger);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toContain('"intervalMs":');
    expect(warnings).toHaveLength(1);
  });

  it('keeps a schema-invalid file aside too (interval out of range, unknown keys)', async () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, refresh: { intervalMs: 50, paused: false } }));
    expect((await SettingsStore.open(file, logger)).get()).toEqual(DEFAULT_SETTINGS);
    fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, extra: true }));
    expect((await SettingsStore.open(file, logger)).get()).toEqual(DEFAULT_SETTINGS);
    expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(2);
  });

  it('keeps both of two bad files set aside in the same millisecond (the clock held still)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-01-02T03:04:05.678Z') });
    try {
      const file = path.join(dir, 'settings.json');
      fs.writeFileSync(file, 'first bad');
      await SettingsStore.open(file, logger);
      fs.writeFileSync(file, 'second bad');
      await SettingsStore.open(file, logger);
      const aside = fs.readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
      expect(aside.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).sort()).toEqual(['first bad', 'second bad']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fills in settings added by later releases (an older file without processes keeps its refresh)', async () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, refresh: { intervalMs: 2000, paused: true } }));
    const settings = (await SettingsStore.open(file, logger)).get();
    expect(settings.refresh).toEqual({ intervalMs: 2000, paused: true });
    expect(settings.processes).toEqual(DEFAULT_SETTINGS.processes);
    expect(warnings).toEqual([]);
  });

  it('refuses an invalid change and leaves file and memory unchanged', async () => {
    const file = path.join(dir, 'settings.json');
    const store = await SettingsStore.open(file, logger);
    await store.update((s) => ({ ...s, refresh: { intervalMs: 3000, paused: false } }));
    await expect(store.update((s) => ({ ...s, refresh: { intervalMs: 20, paused: false } }))).rejects.toThrow();
    expect(store.get().refresh.intervalMs).toBe(3000);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).refresh.intervalMs).toBe(3000);
  });
});

describe('writeFileAtomic', () => {
  it('leaves the old file whole when the write crashes half-way', async () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, 'old contents');
    const crashing: AtomicFs = {
      rename: fsp.rename,
      rm: fsp.rm,
      open: (async (p: string, flags: string) => {
        const h = await fsp.open(p, flags);
        return Object.assign(Object.create(h), {
          writeFile: async (data: string) => {
            await h.writeFile(data.slice(0, 5));
            throw new Error('power cut');
          },
          close: () => h.close(),
        });
      }) as AtomicFs['open'],
    };
    await expect(writeFileAtomic(file, 'new contents that never land', crashing)).rejects.toThrow('power cut');
    expect(fs.readFileSync(file, 'utf8')).toBe('old contents');
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('replaces the file when the write completes', async () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });
});
