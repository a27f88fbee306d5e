/**
 * The renderer's only door to the main process: `window.adminConsole`, which the sandboxed preload (or
 * the preview bridge) provides. Every call answers a Result and nothing here throws: a missing bridge,
 * a missing channel or a transport failure all come back as `{ok:false}` so the UI can say what failed.
 */
import { useEffect, useEffectEvent } from 'react';
import type { AdminConsoleApi } from '../../src-preload/contract/api';
import type { Channel, EventName } from '../../src-preload/contract/channels';
import type { ApiError, Result } from '../../src-preload/contract/errors';
import type { EventPayloadOf, RequestOf, ResponseOf } from '../../src-preload/contract/schemas';
import { pushToast, type ToastInput } from '../shared/toast-store';

/** What the app says when the page runs without the preload's bridge. */
export const NOT_CONNECTED_MESSAGE = "Not connected to the console's main process";

/**
 * The bridge, or null when the page was opened without it. Read from globalThis (which is `window` in
 * the renderer) so unit tests in node can install a test double.
 */
export function getAdminConsole(): AdminConsoleApi | null {
  const api = (globalThis as { adminConsole?: AdminConsoleApi }).adminConsole;
  return api && typeof api === 'object' ? api : null;
}

/** True when the bridge is present; the shell shows a "not connected" screen otherwise. */
export function isConnected(): boolean {
  return getAdminConsole() !== null;
}

function failure(message: string, code: ApiError['code'] = 'INTERNAL'): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/**
 * Calls one channel (`'settings:setRefresh'` -> `adminConsole.settings.setRefresh(req)`). Typed by the
 * contract; never throws, never rejects.
 */
export async function request<C extends Channel>(channel: C, req: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const api = getAdminConsole();
  if (!api) return failure(NOT_CONNECTED_MESSAGE);
  const at = channel.indexOf(':');
  const domain = channel.slice(0, at);
  const verb = channel.slice(at + 1);
  const group = (api as unknown as Record<string, Record<string, unknown> | undefined>)[domain];
  const call = group?.[verb];
  if (typeof call !== 'function') {
    return failure(`The console's main process does not offer ${channel}; the preload and the app are out of step.`);
  }
  try {
    const result: unknown = await (call as (r: unknown) => Promise<unknown>).call(group, req);
    if (!isResult(result)) return failure(`${channel} answered in an unexpected shape.`);
    return result as Result<ResponseOf<C>>;
  } catch (error) {
    // The bridge itself failed (an IPC transport error, a closed preview socket): handlers never throw.
    const reason = error instanceof Error ? error.message : String(error);
    return failure(`${channel} could not reach the main process: ${reason}`);
  }
}

/** "ACCESS_DENIED · Win32 error 5 (0x00000005)": the codes an admin can search for. */
export function describeErrorCodes(error: ApiError): string {
  const parts: string[] = [error.code];
  if (error.win32Code !== undefined) {
    const hex = (error.win32Code >>> 0).toString(16).toUpperCase().padStart(8, '0');
    parts.push(`Win32 error ${error.win32Code} (0x${hex})`);
  }
  return parts.join(' · ');
}

/** Turns a failed call into a toast: `action` says what failed ("Could not load the performance history"). */
export function toastFromError(action: string, error: ApiError): ToastInput {
  const message = error.message.trim();
  return {
    tone: 'error',
    title: action,
    message: message === '' ? 'The main process gave no reason.' : message,
    meta: describeErrorCodes(error),
  };
}

/**
 * Shows a failed call as an error toast, on the tab shown now; `tab: null` for the shell's own calls
 * (shown on every tab).
 */
export function reportFailure(action: string, error: ApiError, where?: { tab: string | null }): void {
  pushToast(where ? { ...toastFromError(action, error), tab: where.tab } : toastFromError(action, error));
}

/**
 * Calls a channel and, on failure, raises a toast saying `action` failed and why. Returns the value,
 * or null after the toast.
 */
export async function requestOrReport<C extends Channel>(
  action: string,
  channel: C,
  req: RequestOf<C>,
): Promise<ResponseOf<C> | null> {
  const result = await request(channel, req);
  if (result.ok) return result.value;
  reportFailure(action, result.error);
  return null;
}

/**
 * Subscribes `listener` to a pushed event for the life of the component and unsubscribes on unmount.
 * The listener may change every render without resubscribing (it is read through an effect event).
 * Without the bridge it does nothing; the shell already shows the "not connected" state.
 */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => {
    const api = getAdminConsole();
    if (!api) return undefined;
    let unsubscribe: (() => void) | undefined;
    try {
      unsubscribe = api.on(event, (payload) => onEvent(payload));
    } catch (error) {
      reportFailure(`Could not subscribe to ${event}`, {
        code: 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
    return () => {
      try {
        unsubscribe?.();
      } catch {
        // The bridge is going away with the page; there is nothing left to unsubscribe from.
      }
    };
  }, [event]);
}
