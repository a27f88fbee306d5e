import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, CHANNELS, EVENTS, splitChannel } from './contract/channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<IpcListener>>();
  return {
    listeners,
    exposeInMainWorld: vi.fn(),
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })),
      on: vi.fn((channel: string, listener: IpcListener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: IpcListener) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
}));

/** What the page would get: the object handed to exposeInMainWorld. */
const CONSOLE_PAGE = { protocol: 'app:', host: 'console' };

async function loadPreload(location: { protocol: string; host: string } | undefined = CONSOLE_PAGE) {
  vi.resetModules();
  electron.exposeInMainWorld.mockClear();
  vi.stubGlobal('location', location);
  await import('./index');
  const call = electron.exposeInMainWorld.mock.calls[0];
  return call as [string, Record<string, unknown>] | undefined;
}

/** Simulates main pushing an event, the way Electron calls listeners: (IpcRendererEvent, payload). */
function push(channel: string, payload: unknown): void {
  const ipcRendererEvent = { sender: electron.ipcRenderer, senderId: 0, ports: [] };
  for (const listener of electron.listeners.get(channel) ?? []) listener(ipcRendererEvent, payload);
}

beforeEach(() => {
  electron.listeners.clear();
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.on.mockClear();
  electron.ipcRenderer.removeListener.mockClear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preload', () => {
  it(`exposes exactly one object as window.${API_GLOBAL}`, async () => {
    const exposed = await loadPreload();
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposed?.[0]).toBe(API_GLOBAL);
  });

  it('has one function per channel grouped by domain, plus on, and nothing else', async () => {
    const [, api] = (await loadPreload()) ?? [];
    const expected: Record<string, string[]> = {};
    for (const channel of CHANNELS) {
      const [domain, verb] = splitChannel(channel);
      (expected[domain] ??= []).push(verb);
    }
    expect(Object.keys(api ?? {}).sort()).toEqual([...Object.keys(expected), 'on'].sort());
    for (const [domain, verbs] of Object.entries(expected)) {
      const group = api?.[domain] as Record<string, unknown>;
      expect(Object.keys(group).sort()).toEqual([...verbs].sort());
      for (const verb of verbs) expect(typeof group[verb]).toBe('function');
    }
    const values = JSON.stringify(api, (_k, v: unknown) => (typeof v === 'function' ? 'fn' : v));
    expect(values).not.toMatch(/invoke|ipcRenderer|send/);
  });

  it('freezes the API, each domain and each function', async () => {
    const [, api] = (await loadPreload()) ?? [];
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api?.on)).toBe(true);
    for (const channel of CHANNELS) {
      const [domain, verb] = splitChannel(channel);
      const group = api?.[domain] as Record<string, unknown>;
      expect(Object.isFrozen(group)).toBe(true);
      expect(Object.isFrozen(group[verb])).toBe(true);
    }
    expect(() => {
      (api as Record<string, unknown>).invoke = () => undefined;
    }).toThrow(TypeError);
  });

  it.each(CHANNELS)('%s invokes its own channel with exactly one argument', async (channel) => {
    const [, api] = (await loadPreload()) ?? [];
    const [domain, verb] = splitChannel(channel);
    const fn = (api?.[domain] as Record<string, (...args: unknown[]) => Promise<unknown>>)[verb];
    const request = { intervalMs: 1000 };
    await expect(fn?.(request, 'smuggled', { more: true })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke.mock.calls[0]).toEqual([channel, request]);
    // Called with nothing, it still sends one (undefined) argument, which main rejects as BAD_REQUEST.
    await fn?.();
    expect(electron.ipcRenderer.invoke.mock.calls[1]).toEqual([channel, undefined]);
  });

  it.each(EVENTS)('on(%s) delivers the payload only, never the IpcRendererEvent', async (event) => {
    const [, api] = (await loadPreload()) ?? [];
    const on = api?.on as (e: string, cb: (...args: unknown[]) => void) => () => void;
    const listener = vi.fn();
    on(event, listener);
    push(event, { value: 42 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ value: 42 }]);
  });

  it('the unsubscribe removes exactly the wrapper it added, once', async () => {
    const [, api] = (await loadPreload()) ?? [];
    const on = api?.on as (e: string, cb: (...args: unknown[]) => void) => () => void;
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = on('settings:changed', first);
    on('settings:changed', second);
    expect(Object.isFrozen(unsubscribe)).toBe(true);
    unsubscribe();
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    const [channel, removed] = electron.ipcRenderer.removeListener.mock.calls[0] ?? [];
    expect(channel).toBe('settings:changed');
    expect(removed).toBe(electron.ipcRenderer.on.mock.calls[0]?.[1]);
    push('settings:changed', 'x');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('x');
  });

  it.each(['system:getInfo', 'processes:gone', '__proto__', 'constructor', '', 42, null])(
    'on(%j) is refused and subscribes nothing',
    async (event) => {
      const [, api] = (await loadPreload()) ?? [];
      const on = api?.on as (e: unknown, cb: unknown) => () => void;
      expect(() => on(event, () => {})).toThrow(TypeError);
      expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    },
  );

  it('refuses a listener that is not a function', async () => {
    const [, api] = (await loadPreload()) ?? [];
    const on = api?.on as (e: unknown, cb: unknown) => () => void;
    expect(() => on('settings:changed', 'alert(1)')).toThrow(TypeError);
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it.each([
    [{ protocol: 'https:', host: 'evil.example' }],
    [{ protocol: 'file:', host: '' }],
    [{ protocol: 'app:', host: 'console.evil' }],
    [undefined],
  ])('withholds the API from a page at %j', async (location) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.resetModules();
    electron.exposeInMainWorld.mockClear();
    vi.stubGlobal('location', location);
    await import('./index');
    expect(electron.exposeInMainWorld).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
