import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS } from '../../../src-preload/contract/channels';
import { createDispatcher, type CallContext, type Handlers } from '../../ipc/dispatch';
import type { Logger } from '../logger';
import { DEFAULT_SETTINGS, SettingsStore } from './settings-store';
import { applyTableLayout } from './table-layout';

const logger: Logger = { info() {}, warn() {}, error() {} };
const context: CallContext = { desktop: { confirm: async () => false, copyText: async () => {}, saveText: async () => null, openFolder: async () => {} } };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A dispatcher whose only live channel is settings:setTableLayout, on a real settings file. */
function layoutDispatcher(store: SettingsStore) {
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, () => Promise.reject(new Error(`${c} must not be reached`))])) as unknown as Handlers;
  handlers['settings:setTableLayout'] = (req) => store.update((s) => applyTableLayout(s, req));
  return createDispatcher(handlers, logger);
}

describe('applyTableLayout', () => {
  it('replaces one table’s widths whole and keeps its details size and the other tables', () => {
    const a = applyTableLayout(structuredClone(DEFAULT_SETTINGS), { table: 'processes', widths: { name: 300, pid: 90 }, detailsSize: 500 });
    const b = applyTableLayout(a, { table: 'processes', widths: { pid: 100 } });
    expect(b.processes.widths).toEqual({ pid: 100 });
    expect(b.processes.detailsSize).toBe(500);
    expect(b.processes.columns).toEqual(DEFAULT_SETTINGS.processes.columns);
    expect(b.services).toEqual(DEFAULT_SETTINGS.services);
    const c = applyTableLayout(b, { table: 'jobs', detailsSize: 240 });
    expect(c.jobs).toEqual({ widths: {}, detailsSize: 240 });
    expect(c.processes).toEqual(b.processes);
  });
});

describe('settings:setTableLayout over IPC', () => {
  it('saves widths per table to the file, and a reopened store has them', async () => {
    const file = path.join(dir, 'settings.json');
    const store = await SettingsStore.open(file, logger);
    const dispatch = layoutDispatcher(store);
    const result = await dispatch('settings:setTableLayout', { table: 'services', widths: { displayName: 320 }, detailsSize: 420 }, context);
    expect(result).toMatchObject({ ok: true, value: { services: { widths: { displayName: 320 }, detailsSize: 420 } } });
    const reopened = (await SettingsStore.open(file, logger)).get();
    expect(reopened.services).toEqual({ show: 'services', widths: { displayName: 320 }, detailsSize: 420 });
    expect(reopened.processes.widths).toEqual({});
  });

  it('answers bad widths with BAD_REQUEST and changes nothing, in memory or on disk', async () => {
    const file = path.join(dir, 'settings.json');
    const store = await SettingsStore.open(file, logger);
    const dispatch = layoutDispatcher(store);
    await dispatch('settings:setTableLayout', { table: 'processes', widths: { name: 250 } }, context);
    const before = fs.readFileSync(file, 'utf8');
    const bad: unknown[] = [
      { table: 'processes', widths: { name: 39 } },
      { table: 'processes', widths: { name: 1201 } },
      { table: 'processes', widths: { name: 120.5 } },
      { table: 'processes', widths: { name: '120' } },
      { table: 'processes', widths: { nosuchcolumn: 120 } },
      { table: 'processes', widths: JSON.parse('{"__proto__": 120}') as unknown },
      // A Services column is not a Processes column.
      { table: 'processes', widths: { displayName: 120 } },
      { table: 'jobs', widths: { pid: 120 } },
      { table: 'drivers', widths: {} },
      { table: 'services' },
      { table: 'services', detailsSize: 10 },
      { table: 'services', detailsSize: 5000 },
      { table: 'services', widths: {}, extra: 1 },
      { widths: { name: 100 } },
    ];
    for (const req of bad) {
      const result = await dispatch('settings:setTableLayout', req, context);
      expect(result, JSON.stringify(req)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(store.get().processes.widths).toEqual({ name: 250 });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('loads a settings file from before widths existed, and one with widths', async () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, refresh: { intervalMs: 1000, paused: false }, processes: { columns: ['name', 'pid'], view: 'flat' } }));
    const old = (await SettingsStore.open(file, logger)).get();
    expect(old.processes).toEqual({ columns: ['name', 'pid'], view: 'flat', widths: {} });
    expect(old.services).toEqual({ show: 'services', widths: {} });
    expect(old.jobs).toEqual({ widths: {} });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
    // Services' "Show" choice and its widths live in one object: a layout change keeps the choice.
    fs.writeFileSync(file, JSON.stringify({ ...old, services: { show: 'drivers' } }));
    const drivers = await SettingsStore.open(file, logger);
    expect(drivers.get().services).toEqual({ show: 'drivers', widths: {} });
    await layoutDispatcher(drivers)('settings:setTableLayout', { table: 'services', widths: { name: 200 } }, context);
    expect(drivers.get().services).toEqual({ show: 'drivers', widths: { name: 200 } });
    fs.writeFileSync(file, JSON.stringify({ ...old, processes: { ...old.processes, widths: { pid: 120 }, detailsSize: 400 } }));
    expect((await SettingsStore.open(file, logger)).get().processes).toMatchObject({ widths: { pid: 120 }, detailsSize: 400 });
  });
});
