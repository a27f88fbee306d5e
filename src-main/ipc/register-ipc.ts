/**
 * The only place Electron IPC meets the console: one ipcMain.handle per declared channel, each checking
 * who is calling before anything else runs, and the push side for events. Handlers (via dispatch) get
 * the request alone, never the Electron event, so they cannot act on a sender they were not meant to.
 */
import { CHANNELS, EVENTS, type EventName } from '../../src-preload/contract/channels';
import type { Result } from '../../src-preload/contract/errors';
import { eventSchemas, type EventPayloadOf } from '../../src-preload/contract/schemas';
import type { Logger } from '../core/logger';
import { isAppOrigin } from '../shell/app-origin';
import type { CallContext, Dispatch } from './dispatch';

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** The part of Electron's WebContents the sender check reads. */
export interface SenderContents {
  readonly id: number;
  readonly mainFrame: SenderFrame;
  isDestroyed(): boolean;
}

/** The part of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEvent {
  readonly sender: SenderContents;
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's ipcMain that registerIpc uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>): void;
}

/**
 * Why `event` is not a call from our window's page, or null when it is. Checked in this order:
 * the sender is our window's webContents; its frame is still alive and its URL is on app://console
 * (not file://, not a look-alike host); it is the main frame, not an iframe.
 */
export function untrustedSenderReason(event: InvokeEvent, ours: SenderContents | null): string | null {
  if (ours === null || ours.isDestroyed()) return 'the console window is gone';
  // WebContents ids are unique for the life of the app, so the id names our window exactly.
  if (!event.sender || event.sender.id !== ours.id) return 'sender is not the console window';
  const frame = event.senderFrame;
  // senderFrame is null when the frame navigated away or was destroyed before we looked.
  if (frame === null || frame === undefined) return 'sender frame is gone';
  if (!isAppOrigin(frame.url)) return 'sender frame is not on app://console';
  const main = ours.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'sender is not the main frame';
  }
  return null;
}

/** Builds the sender predicate registerIpc takes, reading our window's webContents at call time. */
export function createTrustedSenderCheck(getOurContents: () => SenderContents | null): (event: InvokeEvent) => boolean {
  return (event) => untrustedSenderReason(event, getOurContents()) === null;
}

const ACCESS_DENIED: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'ACCESS_DENIED', message: 'This page is not allowed to call the console.' }),
}) as Result<never>;

/**
 * Registers ipcMain.handle for every channel in CHANNELS. Each call: refuse an untrusted sender with
 * ACCESS_DENIED; refuse anything but exactly one argument with BAD_REQUEST; otherwise answer with
 * `dispatch(channel, request, context)`, which validates, runs the handler and never throws. `context`
 * carries the main process's own UI (dialogs, clipboard) for handlers that must ask the admin.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (event: InvokeEvent) => boolean,
  context: CallContext,
  logger?: Logger,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args) => {
      let trusted = false;
      try {
        trusted = isTrustedSender(event);
      } catch (err) {
        logger?.error('IPC sender check failed', { channel, error: err instanceof Error ? err.message : String(err) });
      }
      if (!trusted) {
        logger?.warn('IPC call refused: untrusted sender', { channel, url: safeFrameUrl(event) });
        return ACCESS_DENIED;
      }
      if (args.length !== 1) {
        return {
          ok: false,
          error: { code: 'BAD_REQUEST', message: `${channel} takes exactly one request object, got ${args.length} arguments` },
        };
      }
      return dispatch(channel, args[0], context);
    });
  }
}

function safeFrameUrl(event: InvokeEvent): string {
  try {
    return String(event.senderFrame?.url ?? '').slice(0, 200);
  } catch {
    return '';
  }
}

/** The part of a BrowserWindow sendEvent uses. */
export interface PushTarget {
  isDestroyed(): boolean;
  readonly webContents: {
    isDestroyed(): boolean;
    readonly mainFrame: { readonly url: string };
    send(channel: string, ...args: unknown[]): void;
  };
}

/** True when `name` is a declared event (the push side refuses anything else). */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}

/**
 * Pushes `event` to the window's page. Sends only when the window and its webContents are alive, the
 * page is on app://console, the name is declared and the payload matches its schema. Returns whether
 * it was sent; an invalid payload is a bug in main and is logged, never sent.
 */
export function sendEvent<E extends EventName>(
  window: PushTarget | null | undefined,
  event: E,
  payload: EventPayloadOf<E>,
  logger?: Logger,
): boolean {
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (contents.isDestroyed() || !isAppOrigin(contents.mainFrame.url)) return false;
  if (!isEventName(event)) {
    logger?.error('refused to push an undeclared event', { event: String(event).slice(0, 100) });
    return false;
  }
  const checked = eventSchemas[event].safeParse(payload);
  if (!checked.success) {
    logger?.error('refused to push an event outside the contract', { event, issues: checked.error.message.slice(0, 2000) });
    return false;
  }
  contents.send(event, checked.data);
  return true;
}
