import { useEffect, useRef } from 'react';

/** How long after the last key a size is saved: one settings write per burst of key repeats. */
export const KEY_SAVE_DELAY_MS = 400;

/**
 * Saves a value once changes pause (`schedule`), or at once on `flush` (focus left) and when the view goes
 * away with its tab. The save always goes to the latest `save`: settings may have moved on meanwhile.
 * Used by the column resize handles (VirtualTable) and the details splitter (SplitBody).
 */
export function usePausedSave<T>(save: (value: T) => void, delayMs = KEY_SAVE_DELAY_MS): { schedule(value: T): void; flush(): void } {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: T } | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const flush = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    saveRef.current(p.value);
  };
  useEffect(
    () => () => {
      const p = pending.current;
      pending.current = null;
      if (p) {
        clearTimeout(p.timer);
        saveRef.current(p.value);
      }
    },
    [],
  );
  return {
    schedule(value: T) {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { timer: setTimeout(flush, delayMs), value };
    },
    flush,
  };
}
