/**
 * The console's job members for views other than Jobs (the Processes table marks processes in jobs the
 * console did not create): jobs:changed (the whole job list and the running Runs' jobs, every tick while
 * any exists) and one
 * jobs:getSnapshot on mount, after subscribing, so no tick falls between. The map keeps its identity while
 * membership stays the same, so a tick that changes no membership redraws nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobRowValue, JobsChangedValue } from '../../src-preload/contract/job-schemas';
import { request, useEvent } from '../lib/api';
import { membersOf, sameMembers, type ConsoleJobMembers } from './console-job-members';

/** What a view knows of the console's job members. */
export interface ConsoleJobMembersState {
  /** By PID; null until the job list first arrives. */
  readonly members: ConsoleJobMembers | null;
  /** Why the job list could not be read (a later tick clears it); null when it could. */
  readonly error: string | null;
}

const UNKNOWN: ConsoleJobMembersState = { members: null, error: null };

/** Keeps the console's job members for the life of the component. */
export function useConsoleJobMembers(): ConsoleJobMembersState {
  const [state, setState] = useState<ConsoleJobMembersState>(UNKNOWN);
  // Main's time of the job list held: a snapshot answered after a newer tick keeps the tick.
  const time = useRef(-1);

  const apply = useCallback((at: number, jobs: readonly JobRowValue[], runs: JobsChangedValue['runs']) => {
    if (at < time.current) return;
    time.current = at;
    const next = membersOf(jobs, runs);
    setState((s) => (s.members !== null && s.error === null && sameMembers(s.members, next) ? s : { members: next, error: null }));
  }, []);

  useEvent('jobs:changed', (changed) => apply(changed.time, changed.jobs, changed.runs));

  useEffect(() => {
    let mounted = true;
    void request('jobs:getSnapshot', {}).then((result) => {
      if (!mounted) return;
      if (result.ok) apply(result.value.time, result.value.jobs, result.value.runs);
      // No toast: the Jobs view reports this failure; here it only leaves "which job" unknown, and says why.
      else setState((s) => ({ members: s.members, error: result.error.message }));
    });
    return () => {
      mounted = false;
    };
  }, [apply]);

  return state;
}
