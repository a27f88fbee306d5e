/**
 * The sandboxed preload: puts `window.adminConsole` on the page through contextBridge. One frozen
 * function per channel, grouped by domain (`adminConsole.system.getInfo(req)`), each sending exactly
 * one argument; and `on(event, listener)` for declared events only. The page never receives
 * ipcRenderer, a generic invoke, or the IpcRendererEvent (whose `sender` is ipcRenderer itself).
 * Imports only 'electron' and the channel names: a sandboxed preload cannot load other modules, and
 * zod would add ~170 kB to every window; main validates everything anyway.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNELS, EVENTS, splitChannel } from './contract/channels';

/** The part of ipcRenderer the API is built on. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Invoker = (request: unknown) => Promise<unknown>;
type Listener = (payload: unknown) => void;

/** Builds the frozen API object over `ipc`. Exported for the unit test; the page only sees the result. */
export function buildAdminConsoleApi(ipc: PreloadIpc): Readonly<Record<string, unknown>> {
  const domains: Record<string, Record<string, Invoker>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    const calls = (domains[domain] ??= {});
    // Exactly one argument crosses, whatever the page passes: main refuses any other count.
    calls[verb] = Object.freeze((request: unknown) => ipc.invoke(channel, request));
  }

  const declaredEvents: readonly string[] = EVENTS;
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !declaredEvents.includes(event)) {
      throw new TypeError(`adminConsole.on: unknown event ${String(event).slice(0, 100)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('adminConsole.on: listener must be a function');
    const callback = listener as Listener;
    // Only the payload reaches the page; the IpcRendererEvent stays here.
    const wrapped = (_event: unknown, payload: unknown): void => callback(payload);
    ipc.on(event, wrapped);
    let subscribed = true;
    return Object.freeze(() => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(event, wrapped);
    });
  };

  const api: Record<string, unknown> = { on: Object.freeze(on) };
  for (const [domain, calls] of Object.entries(domains)) api[domain] = Object.freeze(calls);
  return Object.freeze(api);
}

/**
 * True when the page is the console UI at app://console (src-main/shell/app-origin.ts; repeated here
 * because the sandboxed preload may import nothing from main). Main checks every call anyway; this
 * keeps the API off any page that should never have been loaded.
 */
export function isConsolePage(location: { protocol: string; host: string } | undefined): boolean {
  return location?.protocol === 'app:' && location.host === 'console';
}

// The main tsconfig has no DOM lib; `location` is the page's, seen from the isolated world.
const pageLocation = (globalThis as { location?: { protocol: string; host: string } }).location;
if (isConsolePage(pageLocation)) {
  contextBridge.exposeInMainWorld(API_GLOBAL, buildAdminConsoleApi(ipcRenderer));
} else {
  console.error('adminConsole API withheld: this page is not app://console');
}
