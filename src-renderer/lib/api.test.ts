import { afterEach, describe, expect, it } from 'vitest';
import { currentToasts, dismissToast } from '../shared/toast-store';
import { describeErrorCodes, isConnected, NOT_CONNECTED_MESSAGE, request, requestOrReport, toastFromError } from './api';

// A test double of the bridge on globalThis (which is `window` in the renderer).
type Global = { adminConsole?: unknown };
const g = globalThis as Global;

function install(api: unknown): void {
  g.adminConsole = api;
}

afterEach(() => {
  delete g.adminConsole;
});

describe('request', () => {
  it('answers "not connected" without a bridge, and does not throw', async () => {
    expect(isConnected()).toBe(false);
    const result = await request('system:getInfo', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: NOT_CONNECTED_MESSAGE } });
  });

  it('calls domain.verb with the request and passes the Result through', async () => {
    const calls: unknown[] = [];
    const settings = { schemaVersion: 1, refresh: { intervalMs: 2000, paused: false } };
    install({
      settings: {
        setRefresh: async (req: unknown) => {
          calls.push(req);
          return { ok: true, value: settings };
        },
      },
      on: () => () => undefined,
    });
    expect(isConnected()).toBe(true);
    const result = await request('settings:setRefresh', { intervalMs: 2000 });
    expect(calls).toEqual([{ intervalMs: 2000 }]);
    expect(result).toEqual({ ok: true, value: settings });
  });

  it('passes a failed Result through with its Win32 code', async () => {
    const error = { code: 'WIN32', message: 'Access is denied.', win32Code: 5 };
    install({ system: { getInfo: async () => ({ ok: false, error }) } });
    expect(await request('system:getInfo', {})).toEqual({ ok: false, error });
  });

  it('turns a rejected call, a missing channel and a malformed answer into failures', async () => {
    install({
      system: { getInfo: async () => Promise.reject(new Error('socket closed')) },
      performance: { getHistory: async () => ({ samples: [] }) },
    });
    const rejected = await request('system:getInfo', {});
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(rejected.error.message).toBe('system:getInfo could not reach the main process: socket closed');

    const missing = await request('settings:get', {});
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/does not offer settings:get/);

    const malformed = await request('performance:getHistory', {});
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(malformed.error.message).toBe('performance:getHistory answered in an unexpected shape.');
  });
});

describe('error to toast', () => {
  it('names the error code and the Win32 code in decimal and hex', () => {
    expect(describeErrorCodes({ code: 'ACCESS_DENIED', message: 'x' })).toBe('ACCESS_DENIED');
    expect(describeErrorCodes({ code: 'WIN32', message: 'x', win32Code: 5 })).toBe('WIN32 · Win32 error 5 (0x00000005)');
    expect(describeErrorCodes({ code: 'WIN32', message: 'x', win32Code: 0xc0000022 })).toBe(
      'WIN32 · Win32 error 3221225506 (0xC0000022)',
    );
  });

  it('says what failed and why, with a fallback when main gave no reason', () => {
    expect(toastFromError('Could not pause updates', { code: 'WIN32', message: ' Access is denied. ', win32Code: 5 })).toEqual({
      tone: 'error',
      title: 'Could not pause updates',
      message: 'Access is denied.',
      meta: 'WIN32 · Win32 error 5 (0x00000005)',
    });
    expect(toastFromError('Could not x', { code: 'INTERNAL', message: '' }).message).toBe('The main process gave no reason.');
  });
});

describe('requestOrReport', () => {
  it('returns the value on success, and null plus an error toast on failure', async () => {
    install({
      settings: {
        get: async () => ({ ok: true, value: { schemaVersion: 1, refresh: { intervalMs: 1000, paused: true } } }),
        setRefresh: async () => ({ ok: false, error: { code: 'BAD_REQUEST', message: 'intervalMs out of range' } }),
      },
    });
    expect(await requestOrReport('Could not read the refresh settings', 'settings:get', {})).toEqual({
      schemaVersion: 1,
      refresh: { intervalMs: 1000, paused: true },
    });
    expect(currentToasts()).toEqual([]);
    expect(await requestOrReport('Could not change the refresh interval', 'settings:setRefresh', { intervalMs: 500 })).toBeNull();
    const shown = currentToasts();
    expect(shown.map((t) => [t.tone, t.title, t.message, t.meta])).toEqual([
      ['error', 'Could not change the refresh interval', 'intervalMs out of range', 'BAD_REQUEST'],
    ]);
    for (const t of shown) dismissToast(t.id);
    expect(currentToasts()).toEqual([]);
  });
});
