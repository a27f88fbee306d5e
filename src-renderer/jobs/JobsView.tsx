import { EmptyState } from '../shared/EmptyState';

/** The Jobs section, until the jobs release. Shows no data it does not have. */
export function JobsView() {
  return (
    <EmptyState title="Jobs: not available yet">
      <p>
        Job objects arrive with the jobs release: each job with its member processes and their live CPU and memory, its
        accounting, every limit shown and editable and read back after a change, and limit violations raised as alerts.
      </p>
      <p>Until then this tab shows nothing rather than invented jobs.</p>
    </EmptyState>
  );
}
