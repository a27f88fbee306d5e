/**
 * The toast list: a tiny external store so any module (the API wrapper included) can report a failure
 * without threading callbacks through the tree. The list logic is pure; the store only holds the list.
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
}

/** A button on a toast: its label names what it does. */
export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}

/** A toast before the store gives it an id. */
export type ToastInput = Omit<Toast, 'id' | 'count'>;

/** More than this many at once is noise; the oldest go first. */
export const MAX_TOASTS = 5;

/**
 * Adds a toast. An identical toast already shown (same tone, title, message, meta) is moved to the end
 * with its count bumped, so a failure repeating every tick shows once with "×N" rather than flooding.
 */
export function addToast(list: readonly Toast[], input: ToastInput, id: number, max = MAX_TOASTS): readonly Toast[] {
  const same = list.find(
    (t) => t.tone === input.tone && t.title === input.title && t.message === input.message && t.meta === input.meta,
  );
  const rest = same ? list.filter((t) => t !== same) : list;
  // A repeat carries the newest follow-up: it acts on the targets of the latest attempt.
  const next: Toast = same ? { ...same, ...(input.action ? { action: input.action } : {}), count: same.count + 1 } : { ...input, id, count: 1 };
  const all = [...rest, next];
  return all.length > max ? all.slice(all.length - max) : all;
}

/** Removes the toast with this id (no-op when it is already gone). */
export function removeToast(list: readonly Toast[], id: number): readonly Toast[] {
  return list.some((t) => t.id === id) ? list.filter((t) => t.id !== id) : list;
}

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Toast[]): void {
  if (next === toasts) return;
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a toast; returns its id (the existing id when it merged with an identical toast). */
export function pushToast(input: ToastInput): number {
  const next = addToast(toasts, input, nextId++);
  publish(next);
  return next[next.length - 1]?.id ?? 0;
}

/** Dismisses one toast. */
export function dismissToast(id: number): void {
  publish(removeToast(toasts, id));
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
