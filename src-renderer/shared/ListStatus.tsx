/** The two places a live list reports itself: the count in its toolbar and the status line under it. */
import type { ListNoun } from './LiveListBody';

/** "12 of 250 services" while a filter is in effect, else "250 services" ("1 job", not "1 jobs"); the numbers also as data for tests. */
export function ListCount({ testId, noun, total, shown, filter }: { testId: string; noun: ListNoun; total: number; shown: number; filter: string }) {
  const name = total === 1 ? noun.one : noun.many;
  return (
    <span className="processes__count" data-testid={testId} data-total={total} data-shown={shown}>
      {filter.trim() !== '' ? `${shown} of ${total} ${name}` : `${total} ${name}`}
    </span>
  );
}

/** The polite status line: what the list is doing, then the outcome of the admin's last action (`notice`). */
export function StatusLine({ testId, text, notice }: { testId: string; text: string; notice: string }) {
  return (
    <p role="status" className="status-line" data-testid={testId}>
      {text}
      {notice ? <span className="processes__notice">{` ${notice}`}</span> : null}
    </p>
  );
}
