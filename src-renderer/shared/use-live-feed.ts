/**
 * A live list's data flow in a view: its store kept in step with main by a SeqFeed (the `*:changed`
 * deltas, a `*:getSnapshot` on mount and on any gap), and the store's version and the feed's status as
 * React state. Shared by the Processes and Services views.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EventName } from '../../src-preload/contract/channels';
import type { ApiError, Result } from '../../src-preload/contract/errors';
import type { EventPayloadOf } from '../../src-preload/contract/schemas';
import { reportFailure, useEvent } from '../lib/api';
import { SeqFeed, type FeedStatus, type SeqStore } from './seq-feed';
import type { VersionedStore } from './versioned-store';

/** The pushed events whose payload is `Delta`: a live list's `*:changed`. */
export type DeltaEvent<Delta> = { [E in EventName]: EventPayloadOf<E> extends Delta ? E : never }[EventName];

/** Where a live list comes from. Define it at module level: its identity keys the feed's lifetime. */
export interface LiveSource<Snapshot, Delta> {
  /** The event carrying the store's deltas. */
  readonly deltaEvent: DeltaEvent<Delta>;
  /** The domain's `*:getSnapshot` request. */
  readonly fetchSnapshot: () => Promise<Result<Snapshot>>;
  /** The toast title when a snapshot cannot be had ("Could not load the process list"). */
  readonly failureTitle: string;
}

/** What a view reads of its live list. */
export interface LiveFeed {
  /** The store's version: re-renders the view on every change. */
  readonly version: number;
  readonly status: FeedStatus;
  /** Why the last snapshot request failed; null unless status is 'failed'. */
  readonly error: ApiError | null;
  /** True once a snapshot has been applied (later failures keep the last rows on screen). */
  readonly loaded: boolean;
  /** Asks for a full snapshot again (the "Try loading … again" button). */
  readonly resync: () => void;
}

/** Keeps `store` in step with main for the life of the component; failures also raise a toast. */
export function useLiveFeed<Snapshot, Delta extends { readonly seq: number }>(
  store: VersionedStore & SeqStore<Snapshot, Delta> & { readonly seq: number | null },
  source: LiveSource<Snapshot, Delta>,
): LiveFeed {
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const [feed, setFeed] = useState<{ status: FeedStatus; error: ApiError | null }>({ status: 'loading', error: null });
  const feedRef = useRef<SeqFeed<Snapshot, Delta> | null>(null);

  // Subscribe first (this effect is declared, so it runs, before the one that fetches the snapshot).
  // DeltaEvent<Delta> names only events whose payload is a Delta; TypeScript cannot carry that through
  // the generic event name, hence the cast.
  useEvent(source.deltaEvent, (delta) => feedRef.current?.onDelta(delta as Delta));
  useEffect(() => {
    const next = new SeqFeed(store, source.fetchSnapshot, (status, error) => {
      setFeed({ status, error });
      if (error) reportFailure(source.failureTitle, error);
    });
    feedRef.current = next;
    void next.start();
    return () => {
      next.dispose();
      if (feedRef.current === next) feedRef.current = null;
    };
  }, [store, source]);

  const resync = () => void feedRef.current?.resync();
  return { version, status: feed.status, error: feed.error, loaded: store.seq !== null, resync };
}
