/**
 * The Jobs view's data flow: jobs:changed (the whole job list and the new events, every tick) applied to
 * the store, and jobs:getSnapshot on mount (after subscribing, so no tick falls between) and on retry. Shaped as the shared LiveFeed so LiveListBody can show
 * its states. Jobs are few, so there is no seq: a snapshot older than a tick already applied keeps the tick.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import { reportFailure, request, useEvent } from '../lib/api';
import type { FeedStatus } from '../shared/seq-feed';
import type { LiveFeed } from '../shared/use-live-feed';
import type { JobsStore } from './jobs-store';

/** Keeps `store` in step with main for the life of the component. */
export function useJobsFeed(store: JobsStore): LiveFeed {
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const [feed, setFeed] = useState<{ status: FeedStatus; error: ApiError | null }>({ status: 'loading', error: null });
  const fetching = useRef(false);
  const mounted = useRef(true);

  // Toasts for important events come from JobAlertToasts in the shell, so they show on every tab.
  useEvent('jobs:changed', (changed) => store.applyChanged(changed));

  const resync = useCallback(() => {
    if (fetching.current) return;
    fetching.current = true;
    setFeed((f) => (f.status === 'ready' ? f : { status: 'loading', error: null }));
    void request('jobs:getSnapshot', {}).then((result) => {
      fetching.current = false;
      if (!mounted.current) return;
      if (result.ok) {
        store.applySnapshot(result.value);
        setFeed({ status: 'ready', error: null });
      } else {
        setFeed({ status: 'failed', error: result.error });
        reportFailure('Could not load the job list', result.error);
      }
    });
  }, [store]);

  useEffect(() => {
    mounted.current = true;
    resync();
    return () => {
      mounted.current = false;
    };
  }, [resync]);

  return { version, status: feed.status, error: feed.error, loaded: store.loaded || store.time > 0, resync };
}
