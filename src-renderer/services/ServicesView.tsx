import { EmptyState } from '../shared/EmptyState';

/** The Services section, until the services release. Shows no data it does not have. */
export function ServicesView() {
  return (
    <EmptyState title="Services: not available yet">
      <p>
        The services table arrives with the services release: every service with its state, start type, account, process
        and binary path; start, stop, pause and restart with progress while pending; and detection of unquoted service
        paths.
      </p>
      <p>Until then this tab shows nothing rather than invented rows.</p>
    </EmptyState>
  );
}
