import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import { Modal } from '../shared/Modal';
import { DialogButtons, useDialogAction } from './dialog-outcome';
import { jobNameProblem } from './job-form';

/** Open by name: a job another program created (OpenJobObjectW), to inspect it here. */
export function OpenJobDialog({ onOpen, onCancel }: { onOpen: (name: string) => Promise<ApiError | null>; onCancel: () => void }) {
  const titleId = useId();
  const noteId = useId();
  const inputId = useId();
  const [name, setName] = useState('');
  const action = useDialogAction();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const problem = name === '' ? null : jobNameProblem(name);
  const ready = name !== '' && problem === null && !action.busy;
  return (
    <Modal titleId={titleId} describedBy={noteId} testId="job-open-dialog" onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">
        Open a job by name
      </h2>
      <p id={noteId} className="modal__note">
        A job object another program created and named. The console shows its members, accounting and limits; what it
        can change depends on the access the job grants.
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) action.run(() => onOpen(name));
        }}
      >
        <label htmlFor={inputId} className="form__label">
          Job name
        </label>
        <input
          ref={ref}
          id={inputId}
          className="form__input"
          value={name}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setName(e.currentTarget.value)}
          aria-invalid={problem !== null || undefined}
          data-testid="job-open-name"
        />
        {problem ? <p className="form__problem">{problem}</p> : null}
        <DialogButtons
          note={action.note}
          outcomeTestId="job-open-outcome"
          submit={action.busy ? 'Opening…' : 'Open'}
          submitTestId="job-open-confirm"
          disabled={!ready}
          onCancel={onCancel}
        />
      </form>
    </Modal>
  );
}
