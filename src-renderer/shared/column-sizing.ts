/**
 * Column widths in the console's tables: the saved widths over each column's default, the CSS grid
 * track list, keyboard steps on a resize handle, what is worth saving, and how far to scroll sideways to
 * show a column. Pure, so it is unit tested; VirtualTable wires it to TanStack Table's column sizing.
 */
import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN } from '../../src-preload/contract/table-layout';

/** Saved widths by column id; a column not named has its default width. */
export type ColumnWidths<Column extends string> = Readonly<Partial<Record<Column, number>>>;

/** A width the settings schema accepts: whole px within the contract's bounds. */
export function clampWidth(px: number): number {
  if (!Number.isFinite(px)) return COLUMN_WIDTH_MIN;
  return Math.min(COLUMN_WIDTH_MAX, Math.max(COLUMN_WIDTH_MIN, Math.round(px)));
}

/** The width a column is shown at: the saved one (clamped) or its default. */
export function widthOf<Column extends string>(column: Column, saved: ColumnWidths<Column>, defaults: (c: Column) => number): number {
  const px = saved[column];
  return px === undefined ? defaults(column) : clampWidth(px);
}

/** The CSS grid track list for the shown columns, at the given widths. */
export function gridTemplateOf<Column extends string>(columns: readonly Column[], width: (c: Column) => number): string {
  return columns.map((c) => `${width(c)}px`).join(' ');
}

/** Px per arrow key on a focused resize handle, and with Shift. */
export const KEY_STEP = 10;
export const KEY_STEP_LARGE = 50;

/**
 * A key on a focused resize handle (a vertical separator): Left narrows, Right widens (Shift for bigger
 * steps), Home to the narrowest, End to the widest. Null for any other key.
 */
export function widthAfterKey(width: number, key: string, shift: boolean): number | null {
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampWidth(width - step);
    case 'ArrowRight':
      return clampWidth(width + step);
    case 'Home':
      return COLUMN_WIDTH_MIN;
    case 'End':
      return COLUMN_WIDTH_MAX;
    default:
      return null;
  }
}

/**
 * What to save from TanStack's sizing state: known columns only, clamped, and none that equal the
 * default (so a reset column drops out, and a later change of defaults reaches it).
 */
export function widthsToSave<Column extends string>(
  sizing: Readonly<Record<string, number>>,
  allColumns: readonly Column[],
  defaults: (c: Column) => number,
): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  for (const c of allColumns) {
    const px = sizing[c];
    if (px === undefined) continue;
    const clamped = clampWidth(px);
    if (clamped !== defaults(c)) out[c] = clamped;
  }
  return out;
}

/** True when two width maps name the same widths. */
export function sameWidths(a: Readonly<Record<string, number | undefined>>, b: Readonly<Record<string, number | undefined>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** Columns in `next` that were not in `previous`, in their order (the chooser added them). */
export function addedColumns<Column extends string>(previous: readonly Column[], next: readonly Column[]): Column[] {
  const before = new Set(previous);
  return next.filter((c) => !before.has(c));
}

/**
 * The horizontal scroll position that shows a span [left, left + width) in a view `viewWidth` wide now
 * scrolled to `scrollLeft`: unchanged when it is already in view, else the least move that shows it
 * (its left edge wins when it is wider than the view).
 */
export function scrollLeftToShow(left: number, width: number, scrollLeft: number, viewWidth: number): number {
  if (left < scrollLeft) return left;
  const right = left + width;
  if (right > scrollLeft + viewWidth) return Math.min(left, right - viewWidth);
  return scrollLeft;
}

/** The left edge of a column in the grid: the widths of the shown columns before it. */
export function columnLeft<Column extends string>(columns: readonly Column[], column: Column, width: (c: Column) => number): number {
  let left = 0;
  for (const c of columns) {
    if (c === column) return left;
    left += width(c);
  }
  return left;
}
