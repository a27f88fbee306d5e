import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, isNetworkUrl, type GuardedSession } from './session-guard';

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const installed: Record<string, Handler> = {};
  const record = (name: string) => (handler: Handler) => {
    installed[name] = handler;
  };
  const session = {
    setPermissionRequestHandler: record('request'),
    setPermissionCheckHandler: record('check'),
    setDevicePermissionHandler: record('device'),
    setDisplayMediaRequestHandler: record('displayMedia'),
    setSpellCheckerEnabled: (enable: boolean) => {
      installed.spellChecker = () => enable;
    },
    on: (event: string, listener: Handler) => record(event)(listener),
    webRequest: { onBeforeRequest: record('beforeRequest') },
  };
  return { session: session as unknown as GuardedSession, installed };
}

function installed() {
  const fake = fakeSession();
  const report = vi.fn();
  denyAllPermissions(fake.session, report);
  const get = <F>(name: string) => {
    const handler = fake.installed[name];
    if (!handler) throw new Error(`${name} handler not installed`);
    return handler as unknown as F;
  };
  return { get, report };
}

const PERMISSIONS = ['media', 'display-capture', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen', 'unknown'];

describe('denyAllPermissions', () => {
  it.each(PERMISSIONS)('denies a %s permission request', (permission) => {
    const { get, report } = installed();
    const callback = vi.fn();
    get<(c: unknown, p: string, cb: (g: boolean) => void, d: unknown) => void>('request')({}, permission, callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(report).toHaveBeenCalledWith('permission-request', permission);
  });

  it.each(PERMISSIONS)('answers no to a %s permission check, from any origin', (permission) => {
    const check = installed().get<(c: unknown, p: string, o: string, d: unknown) => boolean>('check');
    expect(check({}, permission, 'app://console', {})).toBe(false);
    expect(check(null, permission, 'https://evil.example', {})).toBe(false);
  });

  it.each(['hid', 'serial', 'usb', 'bluetooth'])('denies %s device permission', (deviceType) => {
    const device = installed().get<(d: unknown) => boolean>('device');
    expect(device({ deviceType, origin: 'app://console', device: {} })).toBe(false);
  });

  it('refuses display-media (screen capture) requests', () => {
    const { get, report } = installed();
    const callback = vi.fn();
    get<(r: unknown, cb: (s: unknown) => void) => void>('displayMedia')({ frame: {}, videoRequested: true }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(null);
    expect(report).toHaveBeenCalledWith('display-media', 'getDisplayMedia');
  });

  it('turns the spellchecker off (it would download dictionaries)', () => {
    expect(installed().get<() => boolean>('spellChecker')()).toBe(false);
  });

  it('cancels downloads', () => {
    const event = { preventDefault: vi.fn() };
    installed().get<(e: unknown) => void>('will-download')(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['https://evil.example/x.js', true],
    ['http://127.0.0.1:8080/', true],
    ['ws://localhost/', true],
    ['wss://evil.example/', true],
    ['file:///C:/Windows/win.ini', true],
    ['ftp://evil.example/', true],
    ['app://console/index.html', false],
    ['data:image/png;base64,AAAA', false],
    ['devtools://devtools/bundled/devtools_app.html', false],
  ])('network filter: %s cancelled=%s', (url, cancel) => {
    const callback = vi.fn();
    installed().get<(d: { url: string }, cb: (r: { cancel: boolean }) => void) => void>('beforeRequest')({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel });
  });

  it('isNetworkUrl is false for garbage', () => {
    expect(isNetworkUrl('not a url')).toBe(false);
  });
});
