/**
 * The rows the table shows, rebuilt only when they can have changed: when processes appeared, left or
 * changed status, when the filter, sort, view or collapsed set changed, or, for a sort or a filter term on
 * a number that moves every tick (CPU, memory), at every tick. Otherwise a tick only re-renders the
 * visible cells.
 */
import { useMemo } from 'react';
import { processQuery } from './process-filter-fields';
import { deriveRows, sortIsDynamic, type DisplayRow, type RowOptions } from './process-rows';
import type { ProcessStore } from './process-store';

/** The shown rows for the store's current version (the caller re-renders on store changes). */
export function useDisplayRows(store: ProcessStore, options: RowOptions): readonly DisplayRow[] {
  const { view, filter, sort, collapsed } = options;
  const structure = store.structureVersion;
  const filterIsDynamic = useMemo(() => processQuery(filter).dynamic, [filter]);
  // A number sort reorders every tick, and `cpu>20` matches other rows every tick; anything else only
  // changes with the structure.
  const tick = sortIsDynamic(sort) || filterIsDynamic ? store.version : 0;
  return useMemo(
    () => deriveRows(store.all(), { view, filter, sort, collapsed }),
    // structure and tick are how a mutable store says "rebuild": they are read here on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, structure, tick, view, filter, sort, collapsed],
  );
}
