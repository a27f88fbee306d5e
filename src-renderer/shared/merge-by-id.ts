/**
 * Timelines pushed by main (service changes, job events) carry ids that grow while main runs. Merging keeps
 * them oldest first by id, without repeats, bounded to `max` (the oldest go), and returns the same array when
 * nothing is new so React sees no change.
 */
export function mergeById<T extends { readonly id: number }>(current: readonly T[], incoming: readonly T[], max: number): readonly T[] {
  if (incoming.length === 0) return current;
  const lastId = current[current.length - 1]?.id ?? -1;
  let next: T[];
  if (incoming.every((e, i) => e.id > lastId && (i === 0 || e.id > (incoming[i - 1] as T).id))) {
    // The usual case: newer entries in order, appended.
    next = [...current, ...incoming];
  } else {
    const byId = new Map<number, T>();
    for (const e of current) byId.set(e.id, e);
    let added = false;
    for (const e of incoming) {
      if (!byId.has(e.id)) added = true;
      byId.set(e.id, e);
    }
    if (!added) return current;
    next = [...byId.values()].sort((a, b) => a.id - b.id);
  }
  return next.length > max ? next.slice(next.length - max) : next;
}
