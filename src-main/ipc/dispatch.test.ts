import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, type Channel } from '../../src-preload/contract/channels';
import { channelSchemas, eventSchemas } from '../../src-preload/contract/schemas';
import { newHostedDefinition } from '../../src-preload/contract/hosted-defaults';
import { AppError } from '../core/app-error';
import { createDispatcher, type CallContext, type Handlers } from './dispatch';
import { DEFAULT_SETTINGS } from '../core/settings/settings-store';

/** No test here reaches a handler that asks the admin. */
const context: CallContext = { desktop: { confirm: async () => false, copyText: async () => {}, saveText: async () => null, openFolder: async () => {} } };

/** Handlers that record whether they were reached. */
function spyHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn(() => { calls.push(c); throw new Error('a handler must not be reached'); })]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const testLimits = {
  processMemoryBytes: null,
  jobMemoryBytes: 8 * 1024 ** 3,
  activeProcesses: 32,
  processUserTimeMs: null,
  jobUserTimeMs: 30 * 60_000,
  cpuRate: { kind: 'hardCap', percent: 50 },
  affinity: [0, 1],
  priorityClass: 'belowNormal',
  schedulingClass: null,
  workingSet: null,
  killOnJobClose: true,
  dieOnUnhandledException: false,
  breakawayOk: false,
  silentBreakawayOk: false,
  uiRestrictions: ['readClipboard'],
};

const testDefinition = {
  name: 'MyAgent',
  displayName: 'My agent',
  program: 'C:\\Program Files\\My Agent\\agent.exe',
  arguments: ['--port', '8080'],
  startup: 'automaticDelayed',
  errorControl: 'normal',
  account: { kind: 'user', name: '.\\svc-agent', password: 'secret' },
  dependencies: ['Tcpip'],
  description: 'Collects things.',
  recovery: { actions: [{ type: 'restart', delaySeconds: 60 }], resetPeriodSeconds: 86_400, command: '', rebootMessage: '', onNonCrashFailures: true },
};

/**
 * One valid request per channel: the positive control. Each must reach its handler, and the same request
 * with one extra key must not - which proves every request schema is strict, not just picky.
 */
const validRequests = {
  'system:getInfo': {},
  'performance:getHistory': {},
  'settings:get': {},
  'settings:setRefresh': { intervalMs: 2000 },
  'settings:setProcessView': { view: 'flat' },
  'settings:setTableLayout': { table: 'services', widths: { name: 180 } },
  'settings:setServiceView': { show: 'drivers' },
  'processes:getSnapshot': {},
  'processes:getModules': { target: { pid: 42, createTime: '133485408000000000' } },
  'processes:history': { target: { pid: 42, createTime: '133485408000000000' } },
  'processes:terminate': { targets: [{ pid: 42, createTime: '133485408000000000' }] },
  'processes:terminateTree': { targets: [{ pid: 42, createTime: '1' }], allowCritical: true },
  'processes:suspend': { targets: [{ pid: 42, createTime: '1' }] },
  'processes:resume': { targets: [{ pid: 42, createTime: '1' }] },
  'processes:getPriorityClasses': { targets: [{ pid: 42, createTime: '1' }] },
  'processes:setPriority': { targets: [{ pid: 42, createTime: '1' }], priorityClass: 'belowNormal' },
  'processes:setAffinity': { targets: [{ pid: 42, createTime: '1' }], processors: [0, 1] },
  'desktop:copyText': { text: 'C:\\Windows\\notepad.exe' },
  'desktop:saveCsv': { suggestedName: 'processes.csv', content: 'a,b\r\n' },
  'services:getSnapshot': {},
  'services:start': { names: ['Spooler'], arguments: ['--verbose'] },
  'services:stop': { names: ['Spooler', 'W32Time'] },
  'services:pause': { names: ['LanmanServer'] },
  'services:continue': { names: ['LanmanServer'] },
  'services:restart': { names: ['Spooler'] },
  'services:getDefinition': { name: 'Spooler' },
  'services:plan': { kind: 'install', definition: testDefinition },
  'services:install': { definition: testDefinition },
  'services:edit': { name: 'MyAgent', definition: testDefinition },
  'services:uninstall': { name: 'MyAgent' },
  'services:fixUnquotedPath': { name: 'MyAgent' },
  'services:getHostedDefinition': { name: 'web' },
  'services:planHosted': { kind: 'install', definition: newHostedDefinition('web', 'C:\\apps\\web\\server.exe') },
  'services:installHosted': { definition: newHostedDefinition('web', 'C:\\apps\\web\\server.exe') },
  'services:editHosted': { name: 'web', definition: newHostedDefinition('web', 'C:\\apps\\web\\server.exe') },
  'services:watchHosted': { name: 'web' },
  'services:unwatchHosted': { name: 'web' },
  'services:hostedHistory': { name: 'web' },
  'services:getHostedLog': { name: 'web', maxBytes: 65_536 },
  'services:searchHostedLog': { name: 'web', text: 'error', maxMatches: 100 },
  'services:restartProgram': { name: 'web' },
  'services:openLogFolder': { name: 'web' },
  'jobs:getSnapshot': {},
  'jobs:create': { name: 'Build box', template: 'Build box: 4 cores, 8 GB, 30 min', limits: null },
  'jobs:open': { name: 'OtherTool' },
  'jobs:launch': { job: 'Build box', commandLine: '"C:\\Tools\\build.exe" --all', workingDirectory: 'C:\\src' },
  'jobs:addProcess': { job: 'Build box', target: { pid: 42, createTime: '133485408000000000' } },
  'jobs:setLimits': { job: 'Build box', limits: testLimits },
  'jobs:terminate': { job: 'Build box' },
  'jobs:close': { job: 'Build box' },
  'jobs:saveTemplate': { template: { name: 'Tiny', description: 'one core', limits: testLimits } },
  'jobs:deleteTemplate': { name: 'Tiny' },
  'jobs:history': { job: 'Build box' },
  'run:start': { commandLine: 'cmd /c dir', workingDirectory: null, environment: [{ name: 'LANG', value: 'C' }], timeoutSeconds: 30, template: null },
  'run:cancel': { id: '0123456789abcdef' },
  'run:getHistory': {},
  'run:getOutput': { id: '0123456789abcdef' },
} satisfies Record<Channel, unknown>;

/** Values that no request schema accepts as a whole request. */
const malformed: unknown[] = [undefined, null, 42, 'text', [], true, () => 1];

describe('the contract', () => {
  it('declares a schema for every channel and event and nothing else', () => {
    expect(Object.keys(channelSchemas).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(eventSchemas).sort()).toEqual([...EVENTS].sort());
  });

  it.each(CHANNELS)('%s: a valid request reaches its handler; the same request with an extra key does not', async (channel) => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatcher(handlers, { info() {}, warn() {}, error() {} });
    await dispatch(channel, validRequests[channel], context);
    expect(calls, 'the valid request reached the handler').toEqual([channel]);
    const extra = await dispatch(channel, { ...validRequests[channel], extra: 1 }, context);
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toEqual([channel]);
  });

  it.each(CHANNELS)('%s: malformed and extra-key requests are BAD_REQUEST and reach no handler', async (channel) => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatcher(handlers, { info() {}, warn() {}, error() {} });
    for (const request of malformed) {
      const result = await dispatch(channel, request, context);
      expect(result, `${channel} with ${String(request)}`).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const extra = await dispatch(channel, { unexpectedKey: 1 }, context);
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const proto = await dispatch(channel, JSON.parse('{"__proto__": {"polluted": true}}'), context);
    expect(proto).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toEqual([]);
  });
});

describe('createDispatcher', () => {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  /** Channels a test does not use answer INTERNAL if reached. */
  const unused = Object.fromEntries(CHANNELS.map((c) => [c, () => { throw new Error(`${c} is not part of this test`); }]));
  const base = (): Handlers => ({
    ...(unused as unknown as Handlers),
    'system:getInfo': () => ({ computerName: 'PC', windowsVersion: { major: 10, minor: 0, build: 19045 }, logicalProcessors: 4, totalPhysicalBytes: 1, wineVersion: null, dataFolder: 'C:\\ProgramData\\Admin Console', consolePids: [4242] }),
    'performance:getHistory': () => ({ intervalMs: 1000, samples: [] }),
    'settings:get': () => DEFAULT_SETTINGS,
    'settings:setRefresh': (r) => ({ ...DEFAULT_SETTINGS, refresh: { intervalMs: r.intervalMs ?? 1000, paused: r.paused ?? false } }),
  });

  it('refuses a channel that is not a string, without reaching a handler or throwing', async () => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatcher(handlers, logger);
    const throwingToString = { toString: () => { throw new Error('toString ran'); } };
    for (const channel of [undefined, null, 42, true, ['settings:get'], { toString: () => 'settings:get' }, Object.create(null), throwingToString, Symbol('settings:get')]) {
      const result = await dispatch(channel, {}, context);
      expect(result, String(typeof channel)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^the channel must be a string, got /) } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses unknown channels, including prototype names', async () => {
    const dispatch = createDispatcher(base(), logger);
    for (const channel of ['nope:nothing', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(channel, {}, context)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('answers a valid request with the validated value', async () => {
    const dispatch = createDispatcher(base(), logger);
    expect(await dispatch('settings:setRefresh', { intervalMs: 2000 }, context)).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, refresh: { intervalMs: 2000, paused: false } } });
  });

  it('refuses out-of-range values before the handler', async () => {
    const handlers = base();
    const spy = vi.fn(handlers['settings:setRefresh']);
    handlers['settings:setRefresh'] = spy;
    const dispatch = createDispatcher(handlers, logger);
    for (const req of [{ intervalMs: 499 }, { intervalMs: 10_001 }, { intervalMs: 1000.5 }, { paused: 'yes' }, {}]) {
      expect(await dispatch('settings:setRefresh', req, context)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('passes AppError codes through with the Win32 code', async () => {
    const handlers = base();
    handlers['system:getInfo'] = () => {
      throw new AppError('ACCESS_DENIED', 'OpenProcess failed: Access is denied. (error 5)', 5);
    };
    const dispatch = createDispatcher(handlers, logger);
    expect(await dispatch('system:getInfo', {}, context)).toEqual({ ok: false, error: { code: 'ACCESS_DENIED', message: 'OpenProcess failed: Access is denied. (error 5)', win32Code: 5 } });
  });

  it('logs unexpected exceptions with their stack and answers INTERNAL without details', async () => {
    const handlers = base();
    handlers['settings:get'] = () => {
      throw new TypeError('secret internals');
    };
    const errorLog = vi.fn();
    const dispatch = createDispatcher(handlers, { ...logger, error: errorLog });
    const result = await dispatch('settings:get', {}, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(errorLog.mock.calls[0]?.[1]?.error).toContain('secret internals');
  });

  it('refuses to return a response outside the contract', async () => {
    const handlers = base();
    handlers['performance:getHistory'] = () => ({ intervalMs: 1000, samples: [], leaked: 'x' }) as never;
    const dispatch = createDispatcher(handlers, logger);
    expect(await dispatch('performance:getHistory', {}, context)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('desktop:saveCsv file names', () => {
  const dispatchOk = createDispatcher(
    { ...(Object.fromEntries(CHANNELS.map((c) => [c, () => ({ savedTo: null })])) as unknown as Handlers) },
    { info() {}, warn() {}, error() {} },
  );
  it.each(['processes.csv', 'Processes 2026-11-22 08.30.csv'])('accepts %s', async (suggestedName) => {
    expect(await dispatchOk('desktop:saveCsv', { suggestedName, content: '' }, context)).toEqual({ ok: true, value: { savedTo: null } });
  });
  it.each(['..\\evil.csv', 'C:evil.csv', 'a/b.csv', 'x.exe', '.csv', 'a\u0001.csv', 'what?.csv'])('refuses %s', async (suggestedName) => {
    expect(await dispatchOk('desktop:saveCsv', { suggestedName, content: '' }, context)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
