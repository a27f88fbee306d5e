import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS } from '../../src-preload/contract/channels';
import { channelSchemas, eventSchemas } from '../../src-preload/contract/schemas';
import { AppError } from '../core/app-error';
import { createDispatcher, type Handlers } from './dispatch';

/** Handlers that record whether they were reached. */
function spyHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn(() => { calls.push(c); throw new Error('a handler must not be reached'); })]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

/** Values that no request schema accepts as a whole request. */
const malformed: unknown[] = [undefined, null, 42, 'text', [], true, () => 1];

describe('the contract', () => {
  it('declares a schema for every channel and event and nothing else', () => {
    expect(Object.keys(channelSchemas).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(eventSchemas).sort()).toEqual([...EVENTS].sort());
  });

  it.each(CHANNELS)('%s: malformed and extra-key requests are BAD_REQUEST and reach no handler', async (channel) => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatcher(handlers, { info() {}, warn() {}, error() {} });
    for (const request of malformed) {
      const result = await dispatch(channel, request);
      expect(result, `${channel} with ${String(request)}`).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const extra = await dispatch(channel, { unexpectedKey: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const proto = await dispatch(channel, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(proto).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toEqual([]);
  });
});

describe('createDispatcher', () => {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const base = (): Handlers => ({
    'system:getInfo': () => ({ computerName: 'PC', windowsVersion: { major: 10, minor: 0, build: 19045 }, logicalProcessors: 4, totalPhysicalBytes: 1, wineVersion: null, dataFolder: 'C:\\ProgramData\\Admin Console' }),
    'performance:getHistory': () => ({ intervalMs: 1000, samples: [] }),
    'settings:get': () => ({ schemaVersion: 1, refresh: { intervalMs: 1000, paused: false } }),
    'settings:setRefresh': (r) => ({ schemaVersion: 1, refresh: { intervalMs: r.intervalMs ?? 1000, paused: r.paused ?? false } }),
  });

  it('refuses unknown channels, including prototype names', async () => {
    const dispatch = createDispatcher(base(), logger);
    for (const channel of ['nope:nothing', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('answers a valid request with the validated value', async () => {
    const dispatch = createDispatcher(base(), logger);
    expect(await dispatch('settings:setRefresh', { intervalMs: 2000 })).toEqual({ ok: true, value: { schemaVersion: 1, refresh: { intervalMs: 2000, paused: false } } });
  });

  it('refuses out-of-range values before the handler', async () => {
    const handlers = base();
    const spy = vi.fn(handlers['settings:setRefresh']);
    handlers['settings:setRefresh'] = spy;
    const dispatch = createDispatcher(handlers, logger);
    for (const req of [{ intervalMs: 499 }, { intervalMs: 10_001 }, { intervalMs: 1000.5 }, { paused: 'yes' }, {}]) {
      expect(await dispatch('settings:setRefresh', req)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('passes AppError codes through with the Win32 code', async () => {
    const handlers = base();
    handlers['system:getInfo'] = () => {
      throw new AppError('ACCESS_DENIED', 'OpenProcess failed: Access is denied. (error 5)', 5);
    };
    const dispatch = createDispatcher(handlers, logger);
    expect(await dispatch('system:getInfo', {})).toEqual({ ok: false, error: { code: 'ACCESS_DENIED', message: 'OpenProcess failed: Access is denied. (error 5)', win32Code: 5 } });
  });

  it('logs unexpected exceptions with their stack and answers INTERNAL without details', async () => {
    const handlers = base();
    handlers['settings:get'] = () => {
      throw new TypeError('secret internals');
    };
    const errorLog = vi.fn();
    const dispatch = createDispatcher(handlers, { ...logger, error: errorLog });
    const result = await dispatch('settings:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(errorLog.mock.calls[0]?.[1]?.error).toContain('secret internals');
  });

  it('refuses to return a response outside the contract', async () => {
    const handlers = base();
    handlers['performance:getHistory'] = () => ({ intervalMs: 1000, samples: [], leaked: 'x' }) as never;
    const dispatch = createDispatcher(handlers, logger);
    expect(await dispatch('performance:getHistory', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
