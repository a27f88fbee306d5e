import type { ReactNode } from 'react';
import { dialogKeyHandler } from './dialog-keys';

/**
 * A modal dialog frame (WAI-ARIA dialog pattern): a backdrop, a labelled dialog with a focus trap, Escape
 * cancels. The owner renders the title (with `titleId`), the body and the buttons, and moves focus in.
 */
export function Modal({
  titleId,
  describedBy,
  testId,
  wide = false,
  onCancel,
  children,
}: {
  titleId: string;
  describedBy?: string;
  testId: string;
  /** A form-sized dialog (the service wizard) rather than a small question. */
  wide?: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div className="modal-backdrop">
      <div
        className={wide ? 'modal modal--wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        data-testid={testId}
        onKeyDown={dialogKeyHandler(onCancel)}
      >
        {children}
      </div>
    </div>
  );
}
