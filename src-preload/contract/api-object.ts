/**
 * Builds the object exposed as `window.adminConsole` from two transport primitives, so the sandboxed
 * preload (Electron IPC) and the preview bridge (WebSocket) expose exactly the same shape: one frozen
 * function per declared channel, taking exactly one request argument, plus `on(event, listener)`.
 * No zod here: the preload must stay tiny.
 */
import { CHANNELS, EVENTS, splitChannel, type Channel, type EventName } from './channels';

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function buildApiObject(invoke: Invoke, subscribe: Subscribe): Readonly<Record<string, unknown>> {
  const domains: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    (domains[domain] ??= {})[verb] = (request: unknown) => invoke(channel, request);
  }
  const api: Record<string, unknown> = {};
  for (const [domain, verbs] of Object.entries(domains)) api[domain] = Object.freeze(verbs);
  api.on = (event: unknown, listener: unknown) => {
    if (typeof event !== 'string' || !(EVENTS as readonly string[]).includes(event)) throw new TypeError(`unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // Only the payload reaches the page, never the transport's event object.
    return subscribe(event as EventName, (payload) => (listener as (p: unknown) => void)(payload));
  };
  return Object.freeze(api);
}
