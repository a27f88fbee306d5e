/**
 * Preview only: provides the same `window.adminConsole` the preload provides in Electron, over a WebSocket
 * to the headless host. The preview server puts the host's address (with the per-run token) in
 * <meta name="admin-console-host"> and loads this script before the app. Never part of the product.
 */
import { API_GLOBAL, type Channel, type EventName } from '../../src-preload/contract/channels';
import { buildApiObject } from '../../src-preload/contract/api-object';

type Answer = (result: unknown) => void;

const address = document.querySelector<HTMLMetaElement>('meta[name="admin-console-host"]')?.content;
const pending = new Map<number, Answer>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let nextId = 1;

const lost = (message: string) => ({ ok: false, error: { code: 'INTERNAL', message } });

const socket = address ? new WebSocket(address) : undefined;
const opened = new Promise<boolean>((resolve) => {
  if (!socket) return resolve(false);
  socket.addEventListener('open', () => resolve(true), { once: true });
  socket.addEventListener('close', () => resolve(false), { once: true });
});

/**
 * The host asks here what Electron's main process would ask with its own native UI. The page's code never
 * sees these: the browser's confirm() dialog stands in for the main-process message box.
 */
type Ask =
  | { id: number; kind: 'confirm'; prompt: { title: string; message: string; detail: string; confirmLabel: string } }
  | { id: number; kind: 'copyText'; text: string }
  | { id: number; kind: 'saveText'; suggestedName: string; content: string };

async function answerAsk(ask: Ask): Promise<unknown> {
  switch (ask.kind) {
    case 'confirm':
      return window.confirm(`${ask.prompt.title}\n\n${ask.prompt.message}\n\n${ask.prompt.detail}\n\nOK = ${ask.prompt.confirmLabel}`);
    case 'copyText':
      try {
        await navigator.clipboard.writeText(ask.text);
        return true;
      } catch {
        return false;
      }
    case 'saveText': {
      // The browser's download stands in for the save dialog.
      const url = URL.createObjectURL(new Blob([ask.content], { type: 'text/csv;charset=utf-8' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: ask.suggestedName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return `${ask.suggestedName} (downloaded by the browser)`;
    }
  }
}

socket?.addEventListener('message', (msg) => {
  const data = JSON.parse(String(msg.data)) as { id?: number; result?: unknown; event?: EventName; payload?: unknown; ask?: Ask };
  if (data.ask) {
    const ask = data.ask;
    void answerAsk(ask).then((value) => socket.send(JSON.stringify({ answerTo: ask.id, value })));
  } else if (typeof data.id === 'number') {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else if (data.event) {
    for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
  }
});
socket?.addEventListener('close', () => {
  for (const answer of pending.values()) answer(lost('lost the connection to the headless host'));
  pending.clear();
});

async function invoke(channel: Channel, request: unknown): Promise<unknown> {
  if (!(await opened) || !socket || socket.readyState !== WebSocket.OPEN) return lost('not connected to the headless host');
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, channel, request }));
  });
}

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

if (address) {
  Object.defineProperty(window, API_GLOBAL, { value: buildApiObject(invoke, subscribe), writable: false, configurable: false });
}
