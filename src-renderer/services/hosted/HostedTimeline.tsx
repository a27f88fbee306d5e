import { formatClock } from '../../lib/format';
import { HOSTED_EVENT_LABELS, MARKER_OF, type HostedEvent } from './hosted-status';

/** The host's events for this service, newest first: started, exited with code, restarting in N s, gave up, probe failed, limit hit. */
export function HostedTimeline({ events }: { events: readonly HostedEvent[] }) {
  return (
    <section aria-label="Host events" data-testid="hosted-timeline" data-count={events.length}>
      <h3 className="details__heading">Host events</h3>
      {events.length === 0 ? (
        <p className="status-line">No events from the host yet.</p>
      ) : (
        <ol className="svc-timeline__list hosted__timeline" reversed>
          {[...events].reverse().map((e) => (
            <li key={e.key} className={MARKER_OF[e.kind] ? 'hosted__event hosted__event--marked' : 'hosted__event'} data-testid="hosted-event" data-kind={e.kind}>
              <time dateTime={new Date(e.time).toISOString()}>{formatClock(e.time)}</time> <strong>{HOSTED_EVENT_LABELS[e.kind]}</strong> {e.detail}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
