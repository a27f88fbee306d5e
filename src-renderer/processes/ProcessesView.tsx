import { EmptyState } from '../shared/EmptyState';

/** The Processes section, until the processes release brings the live table. Shows no data it does not have. */
export function ProcessesView() {
  return (
    <EmptyState title="Processes: not available yet">
      <p>
        The live process table arrives with the processes release: every process with its CPU, memory, user, path and
        command line, refreshed from one system query per tick, a filter, tree and flat views, and terminate, suspend and
        priority actions.
      </p>
      <p>Until then this tab shows nothing rather than invented rows.</p>
    </EmptyState>
  );
}
