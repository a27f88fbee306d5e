import { describe, expect, it, vi } from 'vitest';
import { guardAllWebContents, guardWebContents, type GuardedContents } from './web-contents-guard';

type AnyListener = (...args: unknown[]) => void;

/** A webContents double that records listeners and the window-open handler. */
function fakeContents() {
  const listeners = new Map<string, AnyListener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: AnyListener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  };
  const preventable = (url?: string) => ({ url, preventDefault: vi.fn() });
  return {
    contents: contents as unknown as GuardedContents,
    emit,
    preventable,
    listenerCount: (event: string) => listeners.get(event)?.length ?? 0,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('cancels %s, even to our own origin', (name) => {
    const fake = fakeContents();
    const report = vi.fn();
    guardWebContents(fake.contents, report);
    for (const url of ['https://evil.example/', 'app://console/index.html', 'file:///C:/Windows/win.ini']) {
      const event = fake.preventable(url);
      fake.emit(name, event);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
      expect(report).toHaveBeenLastCalledWith(name, url);
    }
  });

  it('denies every window.open', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.open('app://console/index.html')).toEqual({ action: 'deny' });
  });

  it('prevents a <webview> from attaching', () => {
    const fake = fakeContents();
    const report = vi.fn();
    guardWebContents(fake.contents, report);
    const event = fake.preventable();
    fake.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith('will-attach-webview', 'https://evil.example/');
  });
});

describe('guardAllWebContents', () => {
  it('guards every webContents the app creates, not only the main window', () => {
    let created: ((event: unknown, contents: GuardedContents) => void) | undefined;
    const app = {
      on: vi.fn((event: string, listener: (event: unknown, contents: GuardedContents) => void) => {
        if (event === 'web-contents-created') created = listener;
      }),
    };
    guardAllWebContents(app);
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));

    for (let i = 0; i < 3; i++) {
      const fake = fakeContents();
      created?.({}, fake.contents);
      const event = fake.preventable('https://evil.example/');
      fake.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
      expect(fake.listenerCount('will-attach-webview')).toBe(1);
      expect(fake.listenerCount('will-redirect')).toBe(1);
      expect(fake.listenerCount('will-frame-navigate')).toBe(1);
    }
  });
});
