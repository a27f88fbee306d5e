import { PROCESS_NUMBER_FIELDS } from '../../../src-preload/contract/process-fields';
import type { ProcessRowValue } from '../../../src-preload/contract/schemas';

/**
 * The numbers of `next` that differ from `previous`, as `[pid, mask, ...values]` (bit i of mask: field i
 * of PROCESS_NUMBER_FIELDS changed, its value follows in order), or null when nothing changed. Steady-state
 * ticks then carry a few numbers per busy process instead of every row.
 */
export function encodeChangedNumbers(previous: Readonly<ProcessRowValue>, next: Readonly<ProcessRowValue>): (number | null)[] | null {
  let mask = 0;
  const values: (number | null)[] = [];
  for (let i = 0; i < PROCESS_NUMBER_FIELDS.length; i++) {
    const field = PROCESS_NUMBER_FIELDS[i] as (typeof PROCESS_NUMBER_FIELDS)[number];
    if (previous[field] !== next[field]) {
      mask |= 1 << i;
      values.push(next[field]);
    }
  }
  return mask === 0 ? null : [next.pid, mask, ...values];
}
