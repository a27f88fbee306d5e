import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import { Modal } from '../shared/Modal';
import { OutcomeLine, useDialogAction } from './dialog-outcome';
import { commandProblem } from './job-form';

/**
 * Launch a command into a job: main starts it suspended, assigns it to the job and only then resumes
 * it, so not even its first instruction runs outside; main confirms showing the command line.
 */
export function LaunchDialog({
  job,
  onLaunch,
  onCancel,
}: {
  job: string;
  onLaunch: (commandLine: string, workingDirectory: string | null) => Promise<ApiError | null>;
  onCancel: () => void;
}) {
  const titleId = useId();
  const noteId = useId();
  const ids = useId();
  const [commandLine, setCommandLine] = useState('');
  const [workingDirectory, setWorkingDirectory] = useState('');
  const action = useDialogAction();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const cmdProblem = commandLine === '' ? null : commandProblem(commandLine, true, 'command line');
  const dirProblem = commandProblem(workingDirectory, false, 'working directory');
  const ready = commandLine.trim() !== '' && cmdProblem === null && dirProblem === null && !action.busy;
  return (
    <Modal titleId={titleId} describedBy={noteId} testId="job-launch-dialog" wide onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">{`Launch a command in ${job}`}</h2>
      <p id={noteId} className="modal__note">
        The process starts suspended, joins the job, and only then runs. The console’s main window asks you to confirm the
        command line.
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) action.run(() => onLaunch(commandLine, workingDirectory.trim() === '' ? null : workingDirectory));
        }}
      >
        <div className="form__field">
          <label htmlFor={`${ids}-cmd`} className="form__label">
            Command line
          </label>
          <input
            ref={ref}
            id={`${ids}-cmd`}
            className="form__input form__input--mono"
            value={commandLine}
            spellCheck={false}
            autoComplete="off"
            placeholder={'"C:\\Program Files\\Tool\\tool.exe" --flag'}
            onChange={(e) => setCommandLine(e.currentTarget.value)}
            aria-invalid={cmdProblem !== null || undefined}
            data-testid="job-launch-command"
          />
          <p className="form__hint">Quote a program path that has spaces: an unquoted one is read up to the first space.</p>
          {cmdProblem ? <p className="form__problem">{cmdProblem}</p> : null}
        </div>
        <div className="form__field">
          <label htmlFor={`${ids}-dir`} className="form__label">
            Working directory (optional)
          </label>
          <input
            id={`${ids}-dir`}
            className="form__input form__input--mono"
            value={workingDirectory}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setWorkingDirectory(e.currentTarget.value)}
            aria-invalid={dirProblem !== null || undefined}
            data-testid="job-launch-workdir"
          />
          {dirProblem ? <p className="form__problem">{dirProblem}</p> : null}
        </div>
        <div className="modal__buttons">
          <OutcomeLine note={action.note} testId="job-launch-outcome" />
          <span className="modal__spacer" />
          <button type="submit" className="button--primary" disabled={!ready} data-testid="job-launch-confirm">
            {action.busy ? 'Launching…' : 'Launch…'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
