import { createContext, useContext, useEffect, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { EMPTY_SELECTION, type Selection } from './selection';

/** The lists whose selection outlives a tab switch. */
export type KeptList = 'processes' | 'services' | 'jobs';

const KeptSelections = createContext<Map<KeptList, Selection> | null>(null);

/**
 * Holds each list's last selection while its tab is closed: only the shown tab's view is mounted (hidden
 * charts would still redraw every tick), so a view's own state ends with the tab. Selections name rows by
 * their stable keys (PID + creation time, service name, job name), never by position, so they are right
 * again when the tab comes back; rows that ended meanwhile drop out as the views prune them.
 */
export function KeptSelectionProvider({ children }: { children: ReactNode }) {
  const [kept] = useState(() => new Map<KeptList, Selection>());
  return <KeptSelections.Provider value={kept}>{children}</KeptSelections.Provider>;
}

/** A list's selection as useState gives it, starting from where the list was left (outside a provider: empty). */
export function useKeptSelection(list: KeptList): [Selection, Dispatch<SetStateAction<Selection>>] {
  const kept = useContext(KeptSelections);
  const [selection, setSelection] = useState<Selection>(() => kept?.get(list) ?? EMPTY_SELECTION);
  useEffect(() => {
    kept?.set(list, selection);
  }, [kept, list, selection]);
  return [selection, setSelection];
}
