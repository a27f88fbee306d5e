/** Pieces the details panes (Processes, Services) share, so both read and behave alike. */
import { useId, type ReactNode, type Ref } from 'react';
import { NO_VALUE } from '../lib/format';
import type { ListNoun } from './LiveListBody';

/** The pane when no single row is picked: says how to pick one. */
export function EmptyDetails({
  ref,
  tabIndex,
  testId,
  noun,
  selectedCount,
}: {
  /** The pane itself, when the view moves focus to it. */
  ref?: Ref<HTMLElement>;
  /** -1 when the view moves focus to the pane (Enter in the table). */
  tabIndex?: number;
  testId: string;
  noun: ListNoun;
  selectedCount: number;
}) {
  const headingId = useId();
  return (
    <aside ref={ref} tabIndex={tabIndex} className="details details--empty" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="details__title">
        Details
      </h2>
      <p className="status-line">
        {selectedCount > 1
          ? `${selectedCount} ${noun.many} selected. Focus one (click it) to see its details.`
          : `Select a ${noun.one} to see its details.`}
      </p>
    </aside>
  );
}

/**
 * A long value under its heading (a command line, a binary path), in full and with a copy button;
 * `children` go between the value and the button (a warning about it).
 */
export function CopyableValue({
  heading,
  testId,
  value,
  onCopy,
  children,
}: {
  /** "Command line": also names the button ("Copy command line") and the copy's notice. */
  heading: string;
  testId: string;
  value: string | null;
  onCopy: (text: string, what: string) => void;
  children?: ReactNode;
}) {
  const headingId = useId();
  const words = heading.toLowerCase();
  return (
    <>
      <h3 className="details__heading" id={headingId}>
        {heading}
      </h3>
      <div className="details__command">
        <code aria-labelledby={headingId} data-testid={testId}>
          {value ?? NO_VALUE}
        </code>
        {children}
        <button type="button" disabled={value === null} onClick={() => onCopy(value ?? '', `the ${words}`)}>
          {`Copy ${words}`}
        </button>
      </div>
    </>
  );
}
