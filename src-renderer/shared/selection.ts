/**
 * Multi-select in the console's tables (processes, services), as in Explorer and System Informer: click
 * selects one, Ctrl+click toggles, Shift+click selects the range from the anchor; arrows move (Shift
 * extends, Ctrl moves focus only), Space toggles, Ctrl+A selects all. Rows are named by their store key.
 * Pure, so it is unit tested.
 */

/** The selection: selected keys, the anchor of a Shift range, and the focused (active) row. */
export interface Selection {
  readonly selected: ReadonlySet<string>;
  readonly anchor: string | null;
  readonly focus: string | null;
}

/** Nothing selected. */
export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

/** Modifier keys of a click or key press. */
export interface Modifiers {
  readonly ctrl: boolean;
  readonly shift: boolean;
}

function range(order: readonly string[], from: string | null, to: string): Set<string> {
  const end = order.indexOf(to);
  const start = from === null ? -1 : order.indexOf(from);
  if (start < 0 || end < 0) return new Set([to]);
  const [lo, hi] = start <= end ? [start, end] : [end, start];
  return new Set(order.slice(lo, hi + 1));
}

/** A click on a row. `order` is the shown rows' keys, top to bottom. */
export function clickRow(sel: Selection, key: string, mods: Modifiers, order: readonly string[]): Selection {
  if (mods.shift) {
    const anchor = sel.anchor ?? key;
    const picked = range(order, anchor, key);
    if (mods.ctrl) for (const k of sel.selected) picked.add(k);
    return { selected: picked, anchor, focus: key };
  }
  if (mods.ctrl) {
    const selected = new Set(sel.selected);
    if (selected.has(key)) selected.delete(key);
    else selected.add(key);
    return { selected, anchor: key, focus: key };
  }
  return selectOnly(key);
}

/** Just this row, focused and the anchor of a later Shift range (a row shown from elsewhere, a new row). */
export function selectOnly(key: string): Selection {
  return { selected: new Set([key]), anchor: key, focus: key };
}

/** A right-click: keeps a selection that includes the row (the menu acts on all of it), else selects the row. */
export function contextClickRow(sel: Selection, key: string): Selection {
  if (sel.selected.has(key)) return { ...sel, focus: key };
  return selectOnly(key);
}

/** Where a navigation key moves. `page` is how many rows a Page Up/Down moves. */
export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** A navigation key. Returns the selection unchanged when there are no rows. */
export function moveFocus(sel: Selection, move: Move, mods: Modifiers, order: readonly string[], page = 20): Selection {
  if (order.length === 0) return sel;
  const at = sel.focus === null ? -1 : order.indexOf(sel.focus);
  let to: number;
  switch (move) {
    case 'up':
      to = at < 0 ? 0 : at - 1;
      break;
    case 'down':
      to = at + 1;
      break;
    case 'pageUp':
      to = at - page;
      break;
    case 'pageDown':
      to = at < 0 ? page - 1 : at + page;
      break;
    case 'home':
      to = 0;
      break;
    case 'end':
      to = order.length - 1;
      break;
  }
  const key = order[Math.max(0, Math.min(order.length - 1, to))] as string;
  if (mods.ctrl && !mods.shift) return { ...sel, focus: key };
  if (mods.shift) {
    const anchor = sel.anchor ?? sel.focus ?? key;
    return { selected: range(order, anchor, key), anchor, focus: key };
  }
  return { selected: new Set([key]), anchor: key, focus: key };
}

/** Space: toggles the focused row. */
export function toggleFocused(sel: Selection): Selection {
  if (sel.focus === null) return sel;
  return clickRow(sel, sel.focus, { ctrl: true, shift: false }, []);
}

/** Ctrl+A: every shown row. */
export function selectAll(sel: Selection, order: readonly string[]): Selection {
  return { selected: new Set(order), anchor: sel.anchor ?? order[0] ?? null, focus: sel.focus ?? order[0] ?? null };
}

/**
 * Drops keys the store no longer holds (a process left and its red refresh ended, a service was deleted). Returns the same object
 * when nothing changed, so React does not re-render for nothing.
 */
export function pruneSelection(sel: Selection, exists: (key: string) => boolean): Selection {
  let changed = false;
  const selected = new Set<string>();
  for (const k of sel.selected) {
    if (exists(k)) selected.add(k);
    else changed = true;
  }
  const anchor = sel.anchor !== null && !exists(sel.anchor) ? null : sel.anchor;
  const focus = sel.focus !== null && !exists(sel.focus) ? null : sel.focus;
  if (!changed && anchor === sel.anchor && focus === sel.focus) return sel;
  return { selected, anchor, focus };
}

/**
 * The row a details pane shows: the focused row when it is selected, else the only selected row, else
 * none (several selected and the focus elsewhere).
 */
export function detailKeyOf(sel: Selection): string | null {
  if (sel.focus !== null && sel.selected.has(sel.focus)) return sel.focus;
  return sel.selected.size === 1 ? ([...sel.selected][0] ?? null) : null;
}

/**
 * The row that takes the focus when the focused row left the list (its process ended, its service was
 * deleted): the one now at its place, else the new last row; null when the list is empty or the row is
 * still there (then the selection was cleared on purpose). As Explorer does, so keyboard work goes on.
 */
export function focusAfterRemoval(order: readonly string[], left: { readonly key: string; readonly index: number }): string | null {
  if (order.length === 0 || order.includes(left.key)) return null;
  return order[Math.min(left.index, order.length - 1)] ?? null;
}
