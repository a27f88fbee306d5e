/**
 * A view's notice: the outcome of the admin's last action on its status line ("Suspended notepad.exe
 * (PID 12)."). It never outlives what it is about: each action replaces it when it starts, and a notice
 * about some rows is dropped once none of them is selected any more, so the line cannot describe an
 * earlier action on rows the admin has moved away from.
 */
import { useCallback, useState } from 'react';

/** The text and the row keys it is about (null: about the list as a whole, e.g. "Saved 120 rows to …"). */
export interface Notice {
  readonly text: string;
  readonly about: ReadonlySet<string> | null;
}

export const NO_NOTICE: Notice = { text: '', about: null };

/** True while `notice` still applies: it is about the whole list, or some row it names is still selected. */
export function noticeApplies(notice: Notice, selected: ReadonlySet<string>): boolean {
  if (notice.about === null) return true;
  for (const key of notice.about) if (selected.has(key)) return true;
  return false;
}

/** Sets the notice; `about` names the rows it is about (they must stay selected for it to stay). */
export type SetNotice = (text: string, about?: Iterable<string>) => void;

/** The notice line's text for a view whose selection is `selected`, and its setter (stable identity). */
export function useStatusNotice(selected: ReadonlySet<string>): [string, SetNotice] {
  const [notice, setNoticeState] = useState<Notice>(NO_NOTICE);
  const stale = notice.text !== '' && !noticeApplies(notice, selected);
  // Dropped, not hidden: coming back to the rows later must not bring the old outcome back.
  if (stale) setNoticeState(NO_NOTICE);
  const setNotice = useCallback<SetNotice>((text, about) => setNoticeState({ text, about: about === undefined ? null : new Set(about) }), []);
  return [stale ? '' : notice.text, setNotice];
}
