import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the boundary guards, in the admin's words: "the Performance view". */
  readonly what: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps a bug in one view from blanking the whole window: the view is replaced by a message saying
 * what stopped and why, and the rest of the console keeps working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The renderer has no log channel yet; the devtools console keeps the stack for a bug report.
    console.error(`${this.props.what} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="view-error" role="alert">
        <h2>{`Something went wrong in ${this.props.what}`}</h2>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
