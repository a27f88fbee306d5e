/**
 * Channel and event names: the only part of the contract the sandboxed preload imports (it must stay
 * a few hundred bytes, so no zod here). Requests are `domain:verb`; pushed events are `domain:changed`.
 * Schemas for each name live in ./schemas.ts; a unit test keeps the two lists identical.
 */
export const CHANNELS = [
  'system:getInfo',
  'performance:getHistory',
  'settings:get',
  'settings:setRefresh',
  'settings:setProcessView',
  'settings:setTableLayout',
  'settings:setServiceView',
  'processes:getSnapshot',
  'processes:getModules',
  'processes:history',
  'processes:terminate',
  'processes:terminateTree',
  'processes:suspend',
  'processes:resume',
  'processes:getPriorityClasses',
  'processes:setPriority',
  'processes:setAffinity',
  'desktop:copyText',
  'desktop:saveCsv',
  'services:getSnapshot',
  'services:start',
  'services:stop',
  'services:pause',
  'services:continue',
  'services:restart',
  'services:getDefinition',
  'services:plan',
  'services:install',
  'services:edit',
  'services:uninstall',
  'services:fixUnquotedPath',
  'services:getHostedDefinition',
  'services:planHosted',
  'services:installHosted',
  'services:editHosted',
  'services:watchHosted',
  'services:unwatchHosted',
  'services:hostedHistory',
  'services:getHostedLog',
  'services:searchHostedLog',
  'services:restartProgram',
  'services:openLogFolder',
  'jobs:getSnapshot',
  'jobs:history',
  'jobs:create',
  'jobs:open',
  'jobs:launch',
  'jobs:addProcess',
  'jobs:setLimits',
  'jobs:terminate',
  'jobs:close',
  'jobs:saveTemplate',
  'jobs:deleteTemplate',
  'run:start',
  'run:cancel',
  'run:getHistory',
  'run:getOutput',
] as const;

/** Events pushed main -> renderer; the renderer never polls in a loop. */
export const EVENTS = ['performance:changed', 'settings:changed', 'processes:changed', 'services:changed', 'services:progress', 'services:hostedStatus', 'services:hostedLog', 'jobs:changed', 'run:output', 'run:changed'] as const;

export type Channel = (typeof CHANNELS)[number];
export type EventName = (typeof EVENTS)[number];

/** The name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'adminConsole';

/** Splits `domain:verb` into the domain and verb used as API keys (`api.system.getInfo`). */
export function splitChannel(channel: string): [domain: string, verb: string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}
