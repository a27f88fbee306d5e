import { describe, expect, it } from 'vitest';
import { DETAILS_SIZE_MAX, DETAILS_SIZE_MIN } from '../../src-preload/contract/table-layout';
import { clampDetailsSize, detailsSizeAfterDrag, detailsSizeAfterKey, TABLE_MIN_WIDTH } from './pane-size';

describe('details pane size', () => {
  it('stays within what settings accept and leaves the table room', () => {
    expect(clampDetailsSize(10, 1200)).toBe(DETAILS_SIZE_MIN);
    expect(clampDetailsSize(5000, 0)).toBe(DETAILS_SIZE_MAX);
    expect(clampDetailsSize(1100, 1200)).toBe(1200 - TABLE_MIN_WIDTH);
    expect(clampDetailsSize(400.4, 1200)).toBe(400);
    // A body too narrow for both still gets a pane settings accept.
    expect(clampDetailsSize(300, 200)).toBe(DETAILS_SIZE_MIN);
  });

  it('widens when the splitter is dragged left, narrows when dragged right', () => {
    expect(detailsSizeAfterDrag(380, 800, 700, 1400)).toBe(480);
    expect(detailsSizeAfterDrag(380, 800, 900, 1400)).toBe(280);
    expect(detailsSizeAfterDrag(380, 800, 2000, 1400)).toBe(DETAILS_SIZE_MIN);
  });

  it('moves by keys: Left wider, Right narrower, Shift bigger steps, Home and End to the bounds', () => {
    expect(detailsSizeAfterKey(380, 'ArrowLeft', false, 1400)).toBe(396);
    expect(detailsSizeAfterKey(380, 'ArrowRight', true, 1400)).toBe(300);
    expect(detailsSizeAfterKey(380, 'Home', false, 1400)).toBe(DETAILS_SIZE_MIN);
    expect(detailsSizeAfterKey(380, 'End', false, 1400)).toBe(1400 - TABLE_MIN_WIDTH);
    expect(detailsSizeAfterKey(380, 'Enter', false, 1400)).toBeNull();
  });
});
