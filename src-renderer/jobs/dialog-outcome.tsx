import { useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import { describeErrorCodes } from '../lib/api';

/** What a dialog's action ended with, as a line under its buttons. */
export interface OutcomeNote {
  readonly tone: 'info' | 'error';
  readonly text: string;
}

/** The note for a failed action: CANCELLED (the admin said no in main's dialog) is not an error. */
export function outcomeNote(error: ApiError): OutcomeNote {
  if (error.code === 'CANCELLED') return { tone: 'info', text: 'Cancelled in the confirmation: nothing was changed.' };
  const message = error.message.trim() || 'The main process gave no reason.';
  return { tone: 'error', text: `${message} (${describeErrorCodes(error)})` };
}

/**
 * A dialog's action: `run(submit)` marks it busy, and when `submit` answers an error the dialog stays
 * open with the note (nothing typed is lost); on success (null) the owner has closed the dialog.
 */
export function useDialogAction(): { busy: boolean; note: OutcomeNote | null; run: (submit: () => Promise<ApiError | null>) => void; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<OutcomeNote | null>(null);
  const run = (submit: () => Promise<ApiError | null>) => {
    setBusy(true);
    setNote(null);
    void submit().then((error) => {
      setBusy(false);
      if (error) setNote(outcomeNote(error));
    });
  };
  return { busy, note, run, clear: () => setNote(null) };
}

/** The note line (role=status for info, role=alert for an error). */
export function OutcomeLine({ note, testId }: { note: OutcomeNote | null; testId: string }) {
  if (!note) return null;
  return (
    <p className={note.tone === 'error' ? 'form__problem' : 'form__hint'} role={note.tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {note.text}
    </p>
  );
}

/**
 * A form dialog's button row: the outcome line, then the submit button (the form's onSubmit runs the
 * action) and Cancel, or Close where nothing is pending.
 */
export function DialogButtons({
  note,
  outcomeTestId,
  submit,
  submitTestId,
  disabled,
  onCancel,
  cancel = 'Cancel',
  cancelTestId,
}: {
  note: OutcomeNote | null;
  outcomeTestId: string;
  /** The submit button's words (its busy wording while the action runs). */
  submit: string;
  submitTestId: string;
  disabled: boolean;
  onCancel: () => void;
  cancel?: string;
  cancelTestId?: string;
}) {
  return (
    <div className="modal__buttons">
      <OutcomeLine note={note} testId={outcomeTestId} />
      <span className="modal__spacer" />
      <button type="submit" className="button--primary" disabled={disabled} data-testid={submitTestId}>
        {submit}
      </button>
      <button type="button" onClick={onCancel} data-testid={cancelTestId}>
        {cancel}
      </button>
    </div>
  );
}
