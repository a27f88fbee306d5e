import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeApiShape, expectedApiShape } from './api-shape';
import { API_GLOBAL, CHANNELS, EVENTS } from './channels';

// The real preload (src-preload/index.ts) with Electron faked: what it hands to exposeInMainWorld is
// exactly what the page gets as window.adminConsole.
const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: electron.exposeInMainWorld }, ipcRenderer: electron.ipcRenderer }));

async function exposedApi(): Promise<unknown> {
  vi.resetModules();
  electron.exposeInMainWorld.mockClear();
  vi.stubGlobal('location', { protocol: 'app:', host: 'console' });
  await import('../index');
  const [name, api] = electron.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe(API_GLOBAL);
  return api;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API shape derived from the contract', () => {
  it("matches the preload's real exposed object, key for key and member for member", async () => {
    expect(describeApiShape(await exposedApi())).toEqual(expectedApiShape());
  });

  it('covers every channel and on(), so the Electron e2e test cannot fall behind a new domain', () => {
    const shape = expectedApiShape();
    const domains = new Set(CHANNELS.map((c) => c.split(':')[0]));
    expect(Object.keys(shape).sort()).toEqual([...domains, 'on'].sort());
    const verbs = Object.values(shape).flatMap((v) => (typeof v === 'string' ? [] : Object.keys(v)));
    expect(verbs).toHaveLength(CHANNELS.length);
    // Events are reached through on(), never as keys of their own.
    for (const event of EVENTS) expect(shape[event]).toBeUndefined();
  });

  it('tells an extra key, a missing verb and a non-function member apart from the contract', async () => {
    const api = (await exposedApi()) as Record<string, Record<string, unknown>>;
    expect(describeApiShape({ ...api, invoke: () => undefined })).not.toEqual(expectedApiShape());
    const { getInfo: _dropped, ...systemWithoutGetInfo } = api.system ?? {};
    expect(describeApiShape({ ...api, system: systemWithoutGetInfo })).not.toEqual(expectedApiShape());
    expect(describeApiShape({ ...api, system: { ...api.system, getInfo: 'not a function' } })).not.toEqual(expectedApiShape());
    expect(describeApiShape(undefined)).toEqual({});
  });

  it('runs from its source text alone, as page.evaluate sends it into the page', async () => {
    const api = await exposedApi();
    // No module scope: a helper or import it relied on would be undefined here and throw.
    const rebuilt = new Function(`return (${describeApiShape.toString()});`)() as typeof describeApiShape;
    expect(rebuilt(api)).toEqual(expectedApiShape());
  });
});
