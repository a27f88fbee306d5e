/**
 * The toast list: a tiny external store so any module (the API wrapper included) can report a failure
 * without threading callbacks through the tree. The list logic is pure; the store only holds the list.
 *
 * A toast belongs to a tab: the one shown when it was raised (only the shown tab's view is mounted, so that
 * is the view that raised it), unless the caller names one (job alerts: Jobs) or none (the shell's own
 * failures, shown on every tab). Toasts show on their tab; an error not yet seen there is counted on the
 * tab (unseenErrorCounts).
 */
import { useSyncExternalStore } from 'react';

/** `error` toasts stay until dismissed (role=alert); `info` toasts are polite (role=status). */
export type ToastTone = 'error' | 'info';

/** One notification as shown: what happened, why, and the codes an admin can look up. */
export interface Toast {
  readonly id: number;
  readonly tone: ToastTone;
  /** What failed, in the admin's words: "Could not change the refresh interval". */
  readonly title: string;
  /** Why, as the main process put it (FormatMessage text for Win32 failures). */
  readonly message: string;
  /** Error code and Win32 code, e.g. "ACCESS_DENIED · Win32 error 5 (0x00000005)". */
  readonly meta?: string;
  /** How many times the same toast was raised; repeats bump this instead of stacking. */
  readonly count: number;
  /** An optional follow-up the admin can take from the toast ("Terminate anyway…"); the toast closes after it. */
  readonly action?: ToastAction;
  /** The tab it belongs to; null for the shell's own (shown on every tab). */
  readonly tab: string | null;
  /** Shown on its tab at least once (until then an error counts on the tab). */
  readonly seen: boolean;
}

/** A button on a toast: its label names what it does. */
export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}

/** A toast before the store gives it an id; `tab` left out means the tab shown now. */
export type ToastInput = Omit<Toast, 'id' | 'count' | 'tab' | 'seen'> & { readonly tab?: string | null };

/** How long an info toast stays once shown (paused while hovered or focused); errors stay until dismissed. */
export const INFO_TOAST_MS = 6000;

/**
 * True when the toast goes away by itself: info without a follow-up. An error stays until dismissed (the
 * admin must read it), and so does a toast offering an action (its choice should not vanish under the pointer).
 */
export function dismissesItself(toast: Pick<Toast, 'tone' | 'action'>): boolean {
  return toast.tone === 'info' && toast.action === undefined;
}

/** More than this many at once is noise; the oldest go first. */
export const MAX_TOASTS = 5;

/**
 * Adds a toast. An identical toast already shown (same tone, title, message, meta) is moved to the end
 * with its count bumped, so a failure repeating every tick shows once with "×N" rather than flooding.
 */
export function addToast(list: readonly Toast[], input: ToastInput, id: number, max = MAX_TOASTS, shownTab: string | null = null): readonly Toast[] {
  const tab = input.tab === undefined ? shownTab : input.tab;
  const same = list.find(
    (t) => t.tone === input.tone && t.title === input.title && t.message === input.message && t.meta === input.meta && t.tab === tab,
  );
  const rest = same ? list.filter((t) => t !== same) : list;
  // A repeat carries the newest follow-up: it acts on the targets of the latest attempt; it is news again.
  const next: Toast = same
    ? { ...same, ...(input.action ? { action: input.action } : {}), count: same.count + 1, seen: false }
    : { ...input, tab, seen: false, id, count: 1 };
  const all = [...rest, next];
  return all.length > max ? all.slice(all.length - max) : all;
}

/** Removes the toast with this id (no-op when it is already gone). */
export function removeToast(list: readonly Toast[], id: number): readonly Toast[] {
  return list.some((t) => t.id === id) ? list.filter((t) => t.id !== id) : list;
}

/** Marks these toasts seen (they are on screen); the same list when nothing changes. */
export function markSeen(list: readonly Toast[], ids: ReadonlySet<number>): readonly Toast[] {
  return list.some((t) => !t.seen && ids.has(t.id)) ? list.map((t) => (!t.seen && ids.has(t.id) ? { ...t, seen: true } : t)) : list;
}

/** The toasts shown on `tab`: its own and the shell's. */
export function toastsOn(list: readonly Toast[], tab: string): readonly Toast[] {
  return list.filter((t) => t.tab === tab || t.tab === null);
}

/** Per tab, its error toasts not seen yet (raised while another tab was shown). */
export function unseenErrorCounts(list: readonly Toast[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const t of list) if (t.tone === 'error' && !t.seen && t.tab !== null) counts.set(t.tab, (counts.get(t.tab) ?? 0) + 1);
  return counts;
}

let toasts: readonly Toast[] = [];
let nextId = 1;
/** The tab shown now (the shell sets it): where a toast raised without a tab belongs. */
let shownTab: string | null = null;
const listeners = new Set<() => void>();

function publish(next: readonly Toast[]): void {
  if (next === toasts) return;
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a toast; returns its id (the existing id when it merged with an identical toast). */
export function pushToast(input: ToastInput): number {
  const next = addToast(toasts, input, nextId++, MAX_TOASTS, shownTab);
  publish(next);
  return next[next.length - 1]?.id ?? 0;
}

/** Dismisses one toast. */
export function dismissToast(id: number): void {
  publish(removeToast(toasts, id));
}

/** The shell says which tab is shown (toasts raised from now on belong to it). */
export function setShownTab(tab: string | null): void {
  shownTab = tab;
}

/** Marks toasts seen once they are on screen. */
export function markToastsSeen(ids: ReadonlySet<number>): void {
  publish(markSeen(toasts, ids));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The toasts shown now, for readers outside React (the hook below is the React way in). */
export function currentToasts(): readonly Toast[] {
  return toasts;
}

/** The current toasts, re-rendering the caller when they change. */
export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, currentToasts, currentToasts);
}
