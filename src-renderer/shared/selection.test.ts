import { describe, expect, it } from 'vitest';
import { clickRow, contextClickRow, detailKeyOf, EMPTY_SELECTION, focusAfterRemoval, moveFocus, pruneSelection, selectAll, selectOnly, toggleFocused, type Selection } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const none = { ctrl: false, shift: false };
const ctrl = { ctrl: true, shift: false };
const shift = { ctrl: false, shift: true };
const sorted = (s: Selection) => [...s.selected].sort();

describe('mouse', () => {
  it('click selects one, Ctrl+click toggles, Shift+click selects the range from the anchor', () => {
    let s = clickRow(EMPTY_SELECTION, 'b', none, order);
    expect(sorted(s)).toEqual(['b']);
    s = clickRow(s, 'd', ctrl, order);
    expect(sorted(s)).toEqual(['b', 'd']);
    s = clickRow(s, 'b', ctrl, order);
    expect(sorted(s)).toEqual(['d']);
    // As in Explorer, Ctrl+click moves the anchor to the clicked row.
    s = clickRow(s, 'a', shift, order);
    expect(sorted(s)).toEqual(['a', 'b']);
    expect(s.anchor).toBe('b');
    s = clickRow(s, 'e', shift, order);
    expect(sorted(s)).toEqual(['b', 'c', 'd', 'e']);
    expect(s.focus).toBe('e');
  });

  it('right-click keeps a selection that includes the row, else selects just it', () => {
    const s = clickRow(clickRow(EMPTY_SELECTION, 'a', none, order), 'c', shift, order);
    expect(sorted(contextClickRow(s, 'b'))).toEqual(['a', 'b', 'c']);
    expect(sorted(contextClickRow(s, 'e'))).toEqual(['e']);
  });
});

describe('keyboard', () => {
  it('arrows move and select, Shift extends, Ctrl moves focus only, Space toggles', () => {
    let s = moveFocus(EMPTY_SELECTION, 'down', none, order);
    expect([s.focus, ...sorted(s)]).toEqual(['a', 'a']);
    s = moveFocus(s, 'down', shift, order);
    s = moveFocus(s, 'down', shift, order);
    expect(sorted(s)).toEqual(['a', 'b', 'c']);
    s = moveFocus(s, 'down', ctrl, order);
    expect(s.focus).toBe('d');
    expect(sorted(s)).toEqual(['a', 'b', 'c']);
    s = toggleFocused(s);
    expect(sorted(s)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('Home, End and Page keys clamp to the list', () => {
    const s = clickRow(EMPTY_SELECTION, 'c', none, order);
    expect(moveFocus(s, 'home', none, order).focus).toBe('a');
    expect(moveFocus(s, 'end', none, order).focus).toBe('e');
    expect(moveFocus(s, 'pageDown', none, order, 20).focus).toBe('e');
    expect(moveFocus(s, 'pageUp', none, order, 20).focus).toBe('a');
    expect(moveFocus(s, 'up', none, [])).toBe(s);
  });

  it('Ctrl+A selects every shown row', () => {
    expect(sorted(selectAll(EMPTY_SELECTION, order))).toEqual(order);
  });
});

describe('pruneSelection', () => {
  it('drops keys that left the store and returns the same object when none did', () => {
    const s = clickRow(clickRow(EMPTY_SELECTION, 'a', none, order), 'c', ctrl, order);
    expect(pruneSelection(s, () => true)).toBe(s);
    const pruned = pruneSelection(s, (k) => k !== 'c');
    expect(sorted(pruned)).toEqual(['a']);
    expect(pruned.focus).toBeNull();
  });
});

describe('selectOnly and detailKeyOf', () => {
  it('selects one row as focus and anchor', () => {
    expect(selectOnly('b')).toEqual({ selected: new Set(['b']), anchor: 'b', focus: 'b' });
  });

  it('details the focused selected row, else the only selected row, else none', () => {
    expect(detailKeyOf(EMPTY_SELECTION)).toBeNull();
    expect(detailKeyOf(selectOnly('c'))).toBe('c');
    const two = clickRow(selectOnly('a'), 'c', ctrl, order);
    expect(detailKeyOf(two)).toBe('c');
    expect(detailKeyOf({ ...two, focus: 'e' })).toBeNull();
    expect(detailKeyOf({ selected: new Set(['d']), anchor: null, focus: 'a' })).toBe('d');
  });
});

describe('focusAfterRemoval', () => {
  it('moves to the row now at the removed row’s place, else the last row', () => {
    expect(focusAfterRemoval(['a', 'c', 'd'], { key: 'b', index: 1 })).toBe('c');
    expect(focusAfterRemoval(['a', 'b'], { key: 'c', index: 2 })).toBe('b');
  });

  it('moves nowhere when the list is empty or the row is still listed', () => {
    expect(focusAfterRemoval([], { key: 'a', index: 0 })).toBeNull();
    expect(focusAfterRemoval(['a', 'b'], { key: 'b', index: 1 })).toBeNull();
  });
});
