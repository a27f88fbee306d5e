import { useEffect, useId, useRef, useState } from 'react';
import { Modal } from '../shared/Modal';
import { parseStartArguments } from './service-actions';

/**
 * Start with optional arguments (StartServiceW's lpServiceArgVectors): one per line, passed to the
 * service's ServiceMain after its name. Focus starts on Start, so Enter starts without arguments.
 */
export function StartDialog({ subject, onStart, onCancel }: { subject: string; onStart: (args: string[]) => void; onCancel: () => void }) {
  const titleId = useId();
  const noteId = useId();
  const argsId = useId();
  const [text, setText] = useState('');
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    startRef.current?.focus();
  }, []);
  const args = parseStartArguments(text);
  return (
    <Modal titleId={titleId} describedBy={noteId} testId="service-start-dialog" onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">{`Start ${subject}`}</h2>
      <p id={noteId} className="modal__note">
        Arguments are optional: one per line, passed to the service as it starts (not saved in its configuration).
      </p>
      <label htmlFor={argsId} className="form__label">
        Start arguments
      </label>
      <textarea
        id={argsId}
        className="form__input form__input--mono"
        rows={4}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        spellCheck={false}
        data-testid="service-start-arguments"
      />
      <div className="modal__buttons">
        <span className="modal__spacer" />
        <button ref={startRef} type="button" className="button--primary" disabled={args.length > 32} onClick={() => onStart(args)} data-testid="service-start-confirm">
          {args.length === 0 ? 'Start' : `Start with ${args.length} argument${args.length === 1 ? '' : 's'}`}
        </button>
        <button type="button" onClick={onCancel} data-testid="service-start-cancel">
          Cancel
        </button>
      </div>
      {args.length > 32 ? <p className="form__problem">At most 32 start arguments.</p> : null}
    </Modal>
  );
}
