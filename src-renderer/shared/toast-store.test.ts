import { describe, expect, it } from 'vitest';
import {
  addToast,
  currentToasts,
  dismissesItself,
  dismissToast,
  markSeen,
  MAX_TOASTS,
  pushToast,
  removeToast,
  setShownTab,
  toastsOn,
  unseenErrorCounts,
  type ToastInput,
} from './toast-store';

const denied: ToastInput = { tone: 'error', title: 'Could not pause updates', message: 'Access is denied.', meta: 'WIN32 · Win32 error 5 (0x00000005)' };

describe('addToast', () => {
  it('adds a toast with its id and a count of one', () => {
    expect(addToast([], denied, 7)).toEqual([{ ...denied, id: 7, count: 1, tab: null, seen: false }]);
  });

  it('folds an identical toast into the existing one, moved last, with the count bumped', () => {
    const other: ToastInput = { tone: 'error', title: 'Could not read system information', message: 'x' };
    let list = addToast([], denied, 1);
    list = addToast(list, other, 2);
    list = addToast(list, denied, 3);
    expect(list.map((t) => [t.id, t.count])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('keeps the newest follow-up action when an identical toast repeats', () => {
    const first = { label: 'Terminate anyway…', run: () => undefined };
    const second = { label: 'Terminate anyway…', run: () => undefined };
    let list = addToast([], { ...denied, action: first }, 1);
    list = addToast(list, { ...denied, action: second }, 2);
    expect(list).toHaveLength(1);
    expect(list[0]?.action).toBe(second);
  });

  it('treats a different message or code as a different toast', () => {
    let list = addToast([], denied, 1);
    list = addToast(list, { ...denied, meta: 'WIN32 · Win32 error 6 (0x00000006)' }, 2);
    expect(list).toHaveLength(2);
  });

  it('keeps at most MAX_TOASTS, dropping the oldest', () => {
    let list = addToast([], { ...denied, message: 'm0' }, 0);
    for (let i = 1; i <= MAX_TOASTS; i++) list = addToast(list, { ...denied, message: `m${i}` }, i);
    expect(list).toHaveLength(MAX_TOASTS);
    expect(list[0]?.message).toBe('m1');
  });
});

describe('removeToast', () => {
  it('removes by id and returns the same list when the id is gone', () => {
    const list = addToast([], denied, 1);
    expect(removeToast(list, 1)).toEqual([]);
    expect(removeToast(list, 2)).toBe(list);
  });
});

describe('the store', () => {
  it('shows a pushed toast until it is dismissed', () => {
    const id = pushToast(denied);
    expect(currentToasts().map((t) => t.id)).toContain(id);
    expect(pushToast(denied)).toBe(id);
    expect(currentToasts().find((t) => t.id === id)?.count).toBe(2);
    dismissToast(id);
    expect(currentToasts().map((t) => t.id)).not.toContain(id);
  });
});

describe('toasts belong to a tab', () => {
  it('takes the tab shown when raised unless the caller names one (or none, for the shell)', () => {
    let list = addToast([], denied, 1, MAX_TOASTS, 'services');
    list = addToast(list, { ...denied, title: 'Job limit hit', tab: 'jobs' }, 2, MAX_TOASTS, 'services');
    list = addToast(list, { ...denied, title: 'Could not read system information', tab: null }, 3, MAX_TOASTS, 'services');
    expect(list.map((t) => t.tab)).toEqual(['services', 'jobs', null]);
    expect(toastsOn(list, 'services').map((t) => t.id)).toEqual([1, 3]);
    expect(toastsOn(list, 'jobs').map((t) => t.id)).toEqual([2, 3]);
    // The same failure on two tabs is two toasts.
    expect(addToast(list, denied, 4, MAX_TOASTS, 'processes')).toHaveLength(4);
  });

  it("counts a tab's errors until they are seen; a repeat is news again", () => {
    let list = addToast([], denied, 1, MAX_TOASTS, 'services');
    list = addToast(list, { ...denied, message: 'other' }, 2, MAX_TOASTS, 'services');
    list = addToast(list, { tone: 'info', title: 'Started Spooler', message: '' }, 3, MAX_TOASTS, 'services');
    list = addToast(list, { ...denied, tab: null }, 4, MAX_TOASTS, 'services');
    expect(unseenErrorCounts(list)).toEqual(new Map([['services', 2]]));
    const seen = markSeen(list, new Set([1, 2, 3]));
    expect(unseenErrorCounts(seen)).toEqual(new Map());
    expect(markSeen(seen, new Set([1]))).toBe(seen);
    expect(unseenErrorCounts(addToast(seen, denied, 5, MAX_TOASTS, 'services'))).toEqual(new Map([['services', 1]]));
  });

  it('the store tags a pushed toast with the tab the shell says is shown', () => {
    setShownTab('run');
    const id = pushToast({ ...denied, title: 'Could not start the command' });
    expect(currentToasts().find((t) => t.id === id)?.tab).toBe('run');
    setShownTab(null);
    dismissToast(id);
  });

  it('info without a follow-up goes by itself; errors and toasts offering an action stay', () => {
    expect(dismissesItself({ tone: 'info' })).toBe(true);
    expect(dismissesItself({ tone: 'error' })).toBe(false);
    expect(dismissesItself({ tone: 'info', action: { label: 'Undo', run: () => undefined } })).toBe(false);
  });
});
