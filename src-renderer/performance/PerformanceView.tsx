import { useEffect, useReducer, useRef, useState } from 'react';
import type { SettingsValue } from '../../src-preload/contract/schemas';
import { reportFailure, request, useEvent } from '../lib/api';
import { formatInterval } from '../lib/format';
import { CpuChart } from './CpuChart';
import { historyReducer, initialHistoryState } from './history';
import { MemoryChart } from './MemoryChart';
import { PerformanceSummary } from './PerformanceSummary';
import { statusMessage } from './summary';
import { ThroughputChart } from './ThroughputChart';

/**
 * The Performance view: the last ten minutes of CPU, memory, disk and network, with uptime and totals. On mount it asks main for the history it
 * holds, then appends every pushed performance:changed sample (samples pushed while the history is on its
 * way are kept and merged); it never polls. Pushed samples carry the reasons for unknown figures only when
 * they change, so the history answer is where a view that mounts later learns them: after a failed
 * history answer, the next pushed sample asks once more (one request at a time), as the Processes feed does.
 */
export function PerformanceView({ refresh }: { refresh: SettingsValue['refresh'] | null }) {
  const [state, dispatch] = useReducer(historyReducer, initialHistoryState);
  const [attempt, setAttempt] = useState(0);
  const asking = useRef(false);

  useEvent('performance:changed', (sample) => {
    dispatch({ type: 'sample', sample });
    if (state.status === 'failed' && !asking.current) setAttempt((n) => n + 1);
  });

  useEffect(() => {
    let mounted = true;
    asking.current = true;
    void request('performance:getHistory', {}).then((result) => {
      asking.current = false;
      if (!mounted) return;
      if (result.ok) {
        dispatch({ type: 'history-loaded', history: result.value });
      } else {
        dispatch({ type: 'history-failed', error: result.error });
        // Said once: the retries that follow each pushed sample would otherwise raise a toast a tick.
        if (attempt === 0) reportFailure('Could not load the performance history', result.error);
      }
    });
    return () => {
      mounted = false;
    };
  }, [attempt]);

  const { samples } = state;
  const message = statusMessage(state.status, samples.length, refresh?.paused ?? false);

  return (
    <div className="performance">
      <div className="performance__status">
        <p role="status" data-testid="performance-status" className={message ? 'status-line' : 'status-line status-line--live'}>
          {message ?? (refresh ? `Live: a new sample every ${formatInterval(refresh.intervalMs)}.` : 'Live.')}
        </p>
        {state.error ? (
          <p className="status-line status-line--error">
            History could not be loaded ({state.error.message}); showing samples from now on.
          </p>
        ) : null}
      </div>
      <PerformanceSummary samples={samples} />
      {samples.length > 0 ? (
        <div className="performance__charts">
          <CpuChart samples={samples} />
          <MemoryChart samples={samples} />
          <ThroughputChart samples={samples} kind="network" />
          <ThroughputChart samples={samples} kind="disk" />
        </div>
      ) : null}
    </div>
  );
}
