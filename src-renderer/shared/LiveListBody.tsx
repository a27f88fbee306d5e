import type { ReactNode } from 'react';
import type { LiveFeed } from './use-live-feed';

/** How a list names what it holds: "process" / "processes". */
export interface ListNoun {
  readonly one: string;
  readonly many: string;
}

/**
 * What stands in a live list's place until it has rows to show: loading, why the first snapshot failed
 * (with a retry), or that nothing matches the filter (with a way to clear it). Once data has arrived, a
 * later failure keeps the last rows on screen (the status line says it), so only the first load blocks.
 */
export function LiveListBody({
  noun,
  feed,
  shown,
  filter,
  onClearFilter,
  children,
}: {
  noun: ListNoun;
  feed: LiveFeed;
  /** How many rows pass the filter. */
  shown: number;
  /** The filter in effect (the deferred value). */
  filter: string;
  onClearFilter: () => void;
  /** The table, shown when there are rows. */
  children: ReactNode;
}) {
  const { status, error, loaded } = feed;
  const list = `${noun.one} list`;
  if (status === 'loading' && !loaded) return <p className="processes__empty">{`Loading the ${list}…`}</p>;
  if (status === 'failed' && !loaded) {
    return (
      <div className="processes__empty">
        <p>{`The ${list} could not be loaded: ${error?.message ?? 'no reason given'}.`}</p>
        <button type="button" onClick={feed.resync}>
          {`Try loading the ${list} again`}
        </button>
      </div>
    );
  }
  if (shown > 0) return children;
  const terms = filter.trim();
  return (
    <div className="processes__empty">
      <p>{terms !== '' ? `No ${noun.one} matches “${terms}”.` : `Main reported no ${noun.many}.`}</p>
      {terms !== '' ? (
        <button type="button" onClick={onClearFilter}>
          Clear the filter
        </button>
      ) : null}
    </div>
  );
}
