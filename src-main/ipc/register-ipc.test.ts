import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-preload/contract/channels';
import type { Result } from '../../src-preload/contract/errors';
import { silentLogger, type Logger } from '../core/logger';
import { DEFAULT_SETTINGS } from '../core/settings/settings-store';
import { createDispatcher, type CallContext, type Dispatch, type Handlers } from './dispatch';
import {
  createTrustedSenderCheck,
  registerIpc,
  sendEvent,
  untrustedSenderReason,
  type PushTarget,
  type InvokeEvent,
  type IpcMainLike,
  type SenderContents,
  type SenderFrame,
} from './register-ipc';

/** The main process's own UI, faked: these tests never reach a handler that asks the admin. */
const context: CallContext = {
  desktop: {
    confirm: async () => false,
    copyText: async () => {},
    saveText: async () => null,
    openFolder: async () => {},
  },
};

const PAGE = 'app://console/index.html';

function mainFrame(url = PAGE): SenderFrame {
  return { url, parent: null, processId: 7, routingId: 1 };
}

function contents(id: number, frame: SenderFrame = mainFrame(), destroyed = false): SenderContents {
  return { id, mainFrame: frame, isDestroyed: () => destroyed };
}

const ours = contents(1);

function eventFrom(sender: SenderContents, senderFrame: SenderFrame | null): InvokeEvent {
  return { sender, senderFrame };
}

const trustedEvent = eventFrom(ours, ours.mainFrame);

describe('untrustedSenderReason', () => {
  it('accepts the main frame of our window on app://console', () => {
    expect(untrustedSenderReason(trustedEvent, ours)).toBeNull();
    expect(untrustedSenderReason(eventFrom(ours, { ...ours.mainFrame, url: 'app://console/' }), ours)).toBeNull();
  });

  it('refuses another webContents, even one showing our page', () => {
    const other = contents(2);
    expect(untrustedSenderReason(eventFrom(other, other.mainFrame), ours)).toBe('sender is not the console window');
  });

  it('checks the window before the origin (order matters for the log)', () => {
    const other = contents(2, mainFrame('https://evil.example/'));
    expect(untrustedSenderReason(eventFrom(other, other.mainFrame), ours)).toBe('sender is not the console window');
  });

  it('refuses everything when our window is gone or destroyed', () => {
    expect(untrustedSenderReason(trustedEvent, null)).toBe('the console window is gone');
    expect(untrustedSenderReason(trustedEvent, contents(1, mainFrame(), true))).toBe('the console window is gone');
  });

  it('refuses a null sender frame (navigated away or destroyed)', () => {
    expect(untrustedSenderReason(eventFrom(ours, null), ours)).toBe('sender frame is gone');
  });

  it.each([
    ['https://evil.example/index.html'],
    ['file:///C:/Program%20Files/Admin%20Console/resources/app.asar/out/renderer/index.html'],
    ['app://console.evil/index.html'],
    ['app://consolex/index.html'],
    ['app://evil/console/index.html'],
    ['app://console@evil/index.html'],
    ['app://evil@console/index.html'],
    ['app://console:8080/index.html'],
    ['devtools://devtools/bundled/index.html'],
    ['about:blank'],
    [''],
    ['not a url'],
  ])('refuses a frame at %j', (url) => {
    const frame = { ...mainFrame(), url };
    expect(untrustedSenderReason(eventFrom(ours, frame), ours)).toBe('sender frame is not on app://console');
  });

  it('refuses a subframe on our own origin', () => {
    const child: SenderFrame = { url: 'app://console/frame.html', parent: ours.mainFrame, processId: 7, routingId: 9 };
    expect(untrustedSenderReason(eventFrom(ours, child), ours)).toBe('sender is not the main frame');
  });

  it('refuses a frame that reports a parent even if its ids match the main frame (each check stands alone)', () => {
    const odd: SenderFrame = { ...ours.mainFrame, parent: {} };
    expect(untrustedSenderReason(eventFrom(ours, odd), ours)).toBe('sender is not the main frame');
  });

  it('refuses a parentless frame that is not our main frame (a fenced frame root, say)', () => {
    const lookalike: SenderFrame = { url: PAGE, parent: null, processId: 7, routingId: 42 };
    expect(untrustedSenderReason(eventFrom(ours, lookalike), ours)).toBe('sender is not the main frame');
    const otherProcess: SenderFrame = { url: PAGE, parent: null, processId: 8, routingId: 1 };
    expect(untrustedSenderReason(eventFrom(ours, otherProcess), ours)).toBe('sender is not the main frame');
  });

  it('createTrustedSenderCheck reads the window at call time', () => {
    let current: SenderContents | null = null;
    const check = createTrustedSenderCheck(() => current);
    expect(check(trustedEvent)).toBe(false);
    current = ours;
    expect(check(trustedEvent)).toBe(true);
  });
});

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>;

function fakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
}

function setup(isTrusted: (event: InvokeEvent) => boolean) {
  const ipc = fakeIpcMain();
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
  registerIpc(ipc, dispatch, isTrusted, context, silentLogger);
  const call = (channel: string, event: InvokeEvent, ...args: unknown[]) => {
    const listener = ipc.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { ipc, dispatch, call };
}

describe('registerIpc', () => {
  it('registers one handler per declared channel and nothing else', () => {
    const { ipc } = setup(() => true);
    expect([...ipc.listeners.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s: an untrusted sender gets ACCESS_DENIED and dispatch never runs', async (channel) => {
    const { dispatch, call } = setup(() => false);
    const result = await call(channel, trustedEvent, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses an untrusted sender before looking at the argument count', async () => {
    const { dispatch, call } = setup(() => false);
    expect(await call('settings:get', trustedEvent)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('treats a sender check that throws as untrusted', async () => {
    const { dispatch, call } = setup(() => {
      throw new Error('frame disposed');
    });
    expect(await call('settings:get', trustedEvent, {})).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([[[]], [[{}, {}]], [[{}, 'extra', 3]]])('refuses %j arguments with BAD_REQUEST without dispatching', async (args) => {
    const { dispatch, call } = setup(() => true);
    const result = await call('settings:get', trustedEvent, ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes exactly (channel, request, context) to dispatch: handlers never see the event', async () => {
    const { dispatch, call } = setup(() => true);
    const request = { intervalMs: 1000 };
    expect(await call('settings:setRefresh', trustedEvent, request)).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch.mock.calls[0]).toEqual(['settings:setRefresh', request, context]);
  });

  it('with the real sender check and dispatcher, a handler runs only for our main frame', async () => {
    const settings = DEFAULT_SETTINGS;
    const get = vi.fn(() => settings);
    const handlers = { 'settings:get': get } as unknown as Handlers;
    const ipc = fakeIpcMain();
    registerIpc(ipc, createDispatcher(handlers, silentLogger), createTrustedSenderCheck(() => ours), context, silentLogger);
    const listener = ipc.listeners.get('settings:get');
    if (!listener) throw new Error('settings:get not registered');

    const child: SenderFrame = { url: PAGE, parent: ours.mainFrame, processId: 7, routingId: 2 };
    expect(await listener(eventFrom(ours, child), {})).toMatchObject({ error: { code: 'ACCESS_DENIED' } });
    expect(await listener(eventFrom(contents(3), mainFrame()), {})).toMatchObject({ error: { code: 'ACCESS_DENIED' } });
    expect(get).not.toHaveBeenCalled();

    expect(await listener(trustedEvent, {})).toEqual({ ok: true, value: settings });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('logs refused callers with the frame URL', async () => {
    const warn = vi.fn();
    const logger: Logger = { ...silentLogger, warn };
    const ipc = fakeIpcMain();
    registerIpc(ipc, vi.fn<Dispatch>(), () => false, context, logger);
    await ipc.listeners.get('system:getInfo')?.(eventFrom(ours, mainFrame('https://evil.example/')), {});
    expect(warn).toHaveBeenCalledWith('IPC call refused: untrusted sender', { channel: 'system:getInfo', url: 'https://evil.example/' });
  });
});

function fakeWindow(options: { url?: string; destroyed?: boolean; contentsDestroyed?: boolean } = {}) {
  const send = vi.fn();
  const window: PushTarget = {
    isDestroyed: () => options.destroyed ?? false,
    webContents: {
      isDestroyed: () => options.contentsDestroyed ?? false,
      mainFrame: { url: options.url ?? PAGE },
      send,
    },
  };
  return { window, send };
}

const settingsPayload = { ...DEFAULT_SETTINGS, refresh: { intervalMs: 2000, paused: true } };

describe('sendEvent', () => {
  it('sends a declared event with a valid payload to our live window', () => {
    const { window, send } = fakeWindow();
    expect(sendEvent(window, 'settings:changed', settingsPayload)).toBe(true);
    expect(send).toHaveBeenCalledWith('settings:changed', settingsPayload);
  });

  it.each([
    ['no window', null],
    ['a destroyed window', fakeWindow({ destroyed: true }).window],
    ['destroyed webContents', fakeWindow({ contentsDestroyed: true }).window],
  ])('does not send to %s', (_what, window) => {
    expect(sendEvent(window, 'settings:changed', settingsPayload)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///C:/index.html', 'app://console.evil/'])('does not send to a page at %s', (url) => {
    const { window, send } = fakeWindow({ url });
    expect(sendEvent(window, 'settings:changed', settingsPayload)).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses an undeclared event name and a payload outside the contract, and logs both', () => {
    const error = vi.fn();
    const logger: Logger = { ...silentLogger, error };
    const { window, send } = fakeWindow();
    // @ts-expect-error an undeclared event cannot even be named in typed code
    expect(sendEvent(window, 'processes:changed', {}, logger)).toBe(false);
    const bad = { schemaVersion: 1, refresh: { intervalMs: 5, paused: false } } as unknown as typeof settingsPayload;
    expect(sendEvent(window, 'settings:changed', bad, logger)).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(2);
  });
});
