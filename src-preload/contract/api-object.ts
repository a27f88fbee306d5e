/**
 * Builds the object exposed as `window.adminConsole` from two transport primitives, so the sandboxed
 * preload (Electron IPC) and the preview bridge (WebSocket) expose exactly the same shape: one frozen
 * function per declared channel, sending exactly one request argument, plus `on(event, listener)` for
 * declared events only, returning an idempotent unsubscribe. No zod here: the preload must stay tiny.
 */
import { CHANNELS, EVENTS, splitChannel, type Channel, type EventName } from './channels';

/** Sends one request on a declared channel and resolves with the transport's answer. */
export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;
/** Subscribes a payload-only listener to a declared event; returns its removal. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

type Invoker = (request: unknown) => Promise<unknown>;

export function buildApiObject(invoke: Invoke, subscribe: Subscribe): Readonly<Record<string, unknown>> {
  const domains: Record<string, Record<string, Invoker>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    // Exactly one argument crosses, whatever the page passes: main refuses any other count.
    (domains[domain] ??= {})[verb] = Object.freeze((request: unknown) => invoke(channel, request));
  }

  const declaredEvents: readonly string[] = EVENTS;
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !declaredEvents.includes(event)) {
      throw new TypeError(`adminConsole.on: unknown event ${String(event).slice(0, 100)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('adminConsole.on: listener must be a function');
    const callback = listener as (payload: unknown) => void;
    // Only the payload reaches the page, never the transport's event object.
    const unsubscribe = subscribe(event as EventName, (payload) => callback(payload));
    let subscribed = true;
    return Object.freeze(() => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
    });
  };

  const api: Record<string, unknown> = { on: Object.freeze(on) };
  for (const [domain, calls] of Object.entries(domains)) api[domain] = Object.freeze(calls);
  return Object.freeze(api);
}
