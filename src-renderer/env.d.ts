/**
 * What the preload (or the preview bridge) puts on `window`. Optional on purpose: a page opened without
 * the bridge has no `adminConsole`, and the app must say so instead of crashing.
 */
import type { AdminConsoleApi } from '../src-preload/contract/api';

declare global {
  interface Window {
    readonly adminConsole?: AdminConsoleApi;
  }
}

export {};
