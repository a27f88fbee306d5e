/**
 * Asks main for a job's chart history (jobs:history) when its charts mount or another job is selected, so
 * the charts show the last ten minutes rather than only what arrived since the Jobs tab was opened. Later
 * points come from the jobs:changed ticks the store already applies: one request per selection, no polling.
 */
import { useEffect } from 'react';
import { reportFailure, request } from '../lib/api';
import type { JobsStore } from './jobs-store';

/** Loads `job`'s history from main into `store` (nothing for null). */
export function useJobChartHistory(store: JobsStore, job: string | null): void {
  useEffect(() => {
    if (job === null) return;
    let current = true;
    void request('jobs:history', { job }).then((result) => {
      if (!current) return;
      if (result.ok) store.loadHistory(job, result.value.samples);
      else reportFailure(`Could not load the chart history of ${job}`, result.error);
    });
    return () => {
      current = false;
    };
  }, [store, job]);
}
