/**
 * The shape of `window.adminConsole` as plain data (`{ on: 'function', system: { getInfo: 'function' } }`),
 * so tests compare what a page really sees with what the contract declares instead of a hand-kept list
 * that drifts (the Electron e2e test once expected 4 keys while the preload exposed 9).
 */
import { CHANNELS, splitChannel } from './channels';

/** Each top-level key: `typeof` its value, or for a domain object the `typeof` of each of its members. */
export type ApiShape = Record<string, string | Record<string, string>>;

/** The shape the contract declares: one object per domain holding one function per verb, plus `on`. */
export function expectedApiShape(): ApiShape {
  const shape: Record<string, Record<string, string>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    (shape[domain] ??= {})[verb] = 'function';
  }
  return { ...shape, on: 'function' };
}

/**
 * Describes an API object the way expectedApiShape does. Self-contained on purpose (no imports, no
 * helpers, no closures): the Electron e2e test passes this function to page.evaluate, which sends its
 * source text into the page and runs it there.
 */
export function describeApiShape(api: unknown): ApiShape {
  const shape: Record<string, string | Record<string, string>> = {};
  if (api === null || (typeof api !== 'object' && typeof api !== 'function')) return shape;
  for (const key of Object.keys(api)) {
    const value: unknown = (api as Record<string, unknown>)[key];
    if (value !== null && typeof value === 'object') {
      const members: Record<string, string> = {};
      for (const member of Object.keys(value)) members[member] = typeof (value as Record<string, unknown>)[member];
      shape[key] = members;
    } else {
      shape[key] = typeof value;
    }
  }
  return shape;
}
