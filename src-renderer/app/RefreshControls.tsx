import { useId } from 'react';
import type { RequestOf, SettingsValue } from '../../src-preload/contract/schemas';
import { formatInterval } from '../lib/format';
import { intervalChoices, intervalRequest, togglePauseRequest } from './refresh-settings';

/**
 * The refresh interval select and the "Pause updates" / "Resume updates" button (named apart from a service's Pause). They show the settings main last reported
 * (settings:get, then settings:changed) and send settings:setRefresh; they never assume a change took.
 */
export function RefreshControls({
  settings,
  onChange,
}: {
  settings: SettingsValue | null;
  onChange: (request: RequestOf<'settings:setRefresh'>, action: string) => void;
}) {
  const selectId = useId();
  const refresh = settings?.refresh;
  const disabled = refresh === undefined;
  return (
    <div className="refresh" role="group" aria-label="Refresh">
      <label htmlFor={selectId}>Refresh interval</label>
      <select
        id={selectId}
        data-testid="refresh-interval"
        value={refresh ? String(refresh.intervalMs) : ''}
        disabled={disabled}
        onChange={(e) => {
          const req = intervalRequest(e.currentTarget.value);
          if (req) onChange(req, 'Could not change the refresh interval');
        }}
      >
        {refresh ? null : <option value="">Loading…</option>}
        {intervalChoices(refresh?.intervalMs).map((ms) => (
          <option key={ms} value={String(ms)}>
            {formatInterval(ms)}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="refresh-pause"
        disabled={disabled}
        onClick={() => {
          if (refresh) onChange(togglePauseRequest(refresh.paused), refresh.paused ? 'Could not resume updates' : 'Could not pause updates');
        }}
      >
        {refresh?.paused ? 'Resume updates' : 'Pause updates'}
      </button>
    </div>
  );
}
