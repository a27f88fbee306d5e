import { EmptyState } from '../shared/EmptyState';

/** The Run section, until the runner release. Runs nothing yet. */
export function RunView() {
  return (
    <EmptyState title="Run: not available yet">
      <p>
        The Run dialog arrives with the runner release: a command started in a new job with limits and a wall-clock
        timeout, its output and errors shown live, its exit code, and the whole process tree ended on timeout or cancel.
      </p>
      <p>Until then this tab starts nothing.</p>
    </EmptyState>
  );
}
