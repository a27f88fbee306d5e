/**
 * The details pane's width beside a table, as the splitter between them moves it. Pure, so it is unit
 * tested; SplitBody wires it to the mouse and the keys.
 */
import { DETAILS_SIZE_MAX, DETAILS_SIZE_MIN } from '../../src-preload/contract/table-layout';

/** The table keeps at least this much of the body, whatever the pane asks for. */
export const TABLE_MIN_WIDTH = 240;
/** Px per arrow key on the focused splitter, and with Shift. */
export const SPLIT_STEP = 16;
export const SPLIT_STEP_LARGE = 80;

/** A pane width settings accept and the body has room for (`bodyWidth` 0 when not measured). */
export function clampDetailsSize(px: number, bodyWidth: number): number {
  const roomy = bodyWidth > 0 ? Math.max(DETAILS_SIZE_MIN, bodyWidth - TABLE_MIN_WIDTH) : DETAILS_SIZE_MAX;
  const upper = Math.min(DETAILS_SIZE_MAX, roomy);
  return Math.min(upper, Math.max(DETAILS_SIZE_MIN, Math.round(Number.isFinite(px) ? px : DETAILS_SIZE_MIN)));
}

/** The width after dragging the splitter from `startX` to `x`: the pane is on the right, so left widens it. */
export function detailsSizeAfterDrag(startSize: number, startX: number, x: number, bodyWidth: number): number {
  return clampDetailsSize(startSize + (startX - x), bodyWidth);
}

/**
 * A key on the focused splitter: Left moves it left (a wider pane), Right narrower, Shift for bigger
 * steps, Home / End to the narrowest / widest. Null for any other key.
 */
export function detailsSizeAfterKey(size: number, key: string, shift: boolean, bodyWidth: number): number | null {
  const step = shift ? SPLIT_STEP_LARGE : SPLIT_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampDetailsSize(size + step, bodyWidth);
    case 'ArrowRight':
      return clampDetailsSize(size - step, bodyWidth);
    case 'Home':
      return DETAILS_SIZE_MIN;
    case 'End':
      return clampDetailsSize(DETAILS_SIZE_MAX, bodyWidth);
    default:
      return null;
  }
}
