import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN } from '../../src-preload/contract/table-layout';
import {
  addedColumns,
  clampWidth,
  columnLeft,
  gridTemplateOf,
  sameWidths,
  scrollLeftToShow,
  widthAfterKey,
  widthOf,
  widthsToSave,
} from './column-sizing';

type Col = 'name' | 'pid' | 'user';
const DEFAULTS: Record<Col, number> = { name: 240, pid: 80, user: 160 };
const def = (c: Col) => DEFAULTS[c];

describe('column widths', () => {
  it('shows saved widths over the defaults, clamped to what settings accept', () => {
    expect(widthOf('name', {}, def)).toBe(240);
    expect(widthOf('name', { name: 300 }, def)).toBe(300);
    expect(widthOf('pid', { pid: 5 }, def)).toBe(COLUMN_WIDTH_MIN);
    expect(widthOf('pid', { pid: 99_999 }, def)).toBe(COLUMN_WIDTH_MAX);
    expect(clampWidth(Number.NaN)).toBe(COLUMN_WIDTH_MIN);
    expect(clampWidth(120.6)).toBe(121);
  });

  it('lays the shown columns out as a grid track list', () => {
    expect(gridTemplateOf<Col>(['name', 'pid'], (c) => widthOf(c, { pid: 100 }, def))).toBe('240px 100px');
  });

  it('moves a focused handle by arrow keys, Shift for bigger steps, Home and End to the bounds', () => {
    expect(widthAfterKey(100, 'ArrowRight', false)).toBe(110);
    expect(widthAfterKey(100, 'ArrowLeft', true)).toBe(50);
    expect(widthAfterKey(45, 'ArrowLeft', false)).toBe(COLUMN_WIDTH_MIN);
    expect(widthAfterKey(100, 'Home', false)).toBe(COLUMN_WIDTH_MIN);
    expect(widthAfterKey(100, 'End', false)).toBe(COLUMN_WIDTH_MAX);
    expect(widthAfterKey(100, 'ArrowUp', false)).toBeNull();
    expect(widthAfterKey(100, 'Delete', false)).toBeNull();
  });

  it('saves only known columns that differ from their default, clamped and whole', () => {
    expect(widthsToSave({ name: 240, pid: 99.4, user: 3000, bogus: 120 }, ['name', 'pid', 'user'], def)).toEqual({ pid: 99, user: COLUMN_WIDTH_MAX });
    expect(widthsToSave({}, ['name', 'pid'], def)).toEqual({});
  });

  it('compares width maps by value', () => {
    expect(sameWidths({ a: 1 }, { a: 1 })).toBe(true);
    expect(sameWidths({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameWidths({}, {})).toBe(true);
  });
});

describe('showing an added column', () => {
  it('finds the columns the chooser added', () => {
    expect(addedColumns<Col>(['name', 'pid'], ['name', 'pid', 'user'])).toEqual(['user']);
    expect(addedColumns<Col>(['name', 'pid'], ['name', 'user', 'pid'])).toEqual(['user']);
    expect(addedColumns<Col>(['name', 'pid'], ['pid', 'name'])).toEqual([]);
    expect(addedColumns<Col>(['name', 'pid', 'user'], ['name'])).toEqual([]);
  });

  it('places a column by the widths before it', () => {
    expect(columnLeft<Col>(['name', 'pid', 'user'], 'user', def)).toBe(320);
    expect(columnLeft<Col>(['name', 'pid', 'user'], 'name', def)).toBe(0);
  });

  it('scrolls sideways only as far as needed to show the column', () => {
    // In view: no move.
    expect(scrollLeftToShow(100, 80, 0, 800)).toBe(0);
    // Off to the right: its right edge comes to the view's right edge.
    expect(scrollLeftToShow(1000, 100, 0, 800)).toBe(300);
    // Off to the left: its left edge comes to the view's left edge.
    expect(scrollLeftToShow(100, 80, 500, 800)).toBe(100);
    // Wider than the view: its left edge wins.
    expect(scrollLeftToShow(1000, 1200, 0, 800)).toBe(1000);
  });
});
