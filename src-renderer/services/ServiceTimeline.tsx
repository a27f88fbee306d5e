import { useId } from 'react';
import type { TimelineEntryValue } from '../../src-preload/contract/service-schemas';
import { formatDateTime } from '../lib/format';
import { serviceKey } from './service-store';

/** Entries rendered at most; the store keeps more (the newest are what an admin scans). */
export const TIMELINE_SHOWN = 300;

const KIND_LABELS: { readonly [K in TimelineEntryValue['kind']]: string } = {
  installed: 'Installed',
  deleted: 'Deleted',
  started: 'Started',
  stopped: 'Stopped',
  crashed: 'Crashed',
  restarted: 'Restarted',
  paused: 'Paused',
  continued: 'Continued',
  configChanged: 'Configuration changed',
  admin: 'Admin action',
};

/** The entries to show: newest first, only the named service's when `only` is set, at most `limit`. */
export function timelineView(entries: readonly TimelineEntryValue[], only: string | null, limit = TIMELINE_SHOWN): TimelineEntryValue[] {
  const key = only === null ? null : serviceKey(only);
  const shown: TimelineEntryValue[] = [];
  for (let i = entries.length - 1; i >= 0 && shown.length < limit; i--) {
    const e = entries[i] as TimelineEntryValue;
    if (key === null || serviceKey(e.service) === key) shown.push(e);
  }
  return shown;
}

/**
 * "Recent changes": state changes main observed between polls and every change made here (marked
 * "admin", with whether it succeeded), newest first; can be narrowed to the selected service.
 */
export function ServiceTimeline({
  entries,
  selectedName,
  onlySelected,
  onOnlySelectedChange,
}: {
  entries: readonly TimelineEntryValue[];
  /** The service the details show, if any. */
  selectedName: string | null;
  onlySelected: boolean;
  onOnlySelectedChange: (only: boolean) => void;
}) {
  const headingId = useId();
  const only = onlySelected && selectedName !== null ? selectedName : null;
  const shown = timelineView(entries, only);
  return (
    <section className="svc-timeline" aria-labelledby={headingId} data-testid="service-timeline">
      <div className="svc-timeline__head">
        <h2 id={headingId} className="details__title">
          Recent changes
        </h2>
        <label>
          <input
            type="checkbox"
            checked={onlySelected}
            disabled={selectedName === null}
            onChange={(e) => onOnlySelectedChange(e.currentTarget.checked)}
            data-testid="service-timeline-only-selected"
          />
          {selectedName === null ? 'Only the selected service' : `Only ${selectedName}`}
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="status-line">{only !== null ? `No recent changes to ${only}.` : 'No changes seen since the console started.'}</p>
      ) : (
        <ol className="svc-timeline__list">
          {shown.map((e) => (
            <li
              key={e.id}
              className={e.byAdmin ? `svc-timeline__entry svc-timeline__entry--admin${e.ok === false ? ' svc-timeline__entry--failed' : ''}` : 'svc-timeline__entry'}
              data-testid="service-timeline-entry"
              data-kind={e.kind}
              data-service={e.service}
            >
              <time dateTime={new Date(e.time).toISOString()} className="svc-timeline__time">
                {formatDateTime(e.time)}
              </time>
              <span className="svc-timeline__service">{e.service}</span>
              <span className="svc-timeline__kind">{KIND_LABELS[e.kind]}</span>
              {e.byAdmin ? (
                <span className={e.ok === false ? 'badge badge--failed' : 'badge badge--ok'}>{e.ok === false ? 'admin · failed' : 'admin · ok'}</span>
              ) : null}
              <span className="svc-timeline__text">{e.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
