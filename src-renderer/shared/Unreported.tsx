/**
 * How the console shows a value the system did not report (src-preload/contract/unknown.ts): "—" in muted
 * text with the reason on hover and for screen readers, never a 0. Every table, details pane and summary
 * uses this one piece, so unknown looks the same everywhere and e2e tests can find it
 * (data-testid="unreported", the reason in data-reason).
 */
import { NO_VALUE } from '../lib/format';

/** The marker for an unknown value; `reason` is why (hover text). */
export function Unreported({ reason }: { reason: string }) {
  return (
    <span className="unreported" title={reason} data-testid="unreported" data-reason={reason}>
      {NO_VALUE}
      <span className="visually-hidden">{` (not reported: ${reason})`}</span>
    </span>
  );
}

/** `text` when the value is known, else the Unreported marker with `reason`. */
export function KnownOr({ text, reason }: { text: string; reason: string | null }) {
  return reason === null ? <>{text}</> : <Unreported reason={reason} />;
}
