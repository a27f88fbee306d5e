/**
 * The sandboxed preload: puts `window.adminConsole` on the page through contextBridge. One frozen
 * function per channel, grouped by domain (`adminConsole.system.getInfo(req)`), each sending exactly
 * one argument; and `on(event, listener)` for declared events only. The page never receives
 * ipcRenderer, a generic invoke, or the IpcRendererEvent (whose `sender` is ipcRenderer itself).
 * Imports only 'electron' and the channel names: a sandboxed preload cannot load other modules, and
 * zod would add ~170 kB to every window; main validates everything anyway.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from './contract/channels';
import { buildApiObject } from './contract/api-object';

/** The part of ipcRenderer the API is built on. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds the frozen API object over `ipc` (exported for the unit test; the page only sees the result). */
export function buildAdminConsoleApi(ipc: PreloadIpc): Readonly<Record<string, unknown>> {
  return buildApiObject(
    (channel, request) => ipc.invoke(channel, request),
    (event, listener) => {
      // The IpcRendererEvent (whose `sender` is ipcRenderer itself) stays here.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(event, wrapped);
      return () => void ipc.removeListener(event, wrapped);
    },
  );
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
