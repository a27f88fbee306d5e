import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import { CommandInput, FormField } from '../shared/FormField';
import { Modal } from '../shared/Modal';
import { DialogButtons, useDialogAction } from './dialog-outcome';
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
  // Problems speak once the field was typed in, or once Launch was tried (an empty command line then says so).
  const [touched, setTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const cmdProblem = touched || submitted ? commandProblem(commandLine, true, 'command line') : null;
  const dirProblem = commandProblem(workingDirectory, false, 'working directory');
  const ready = commandProblem(commandLine, true, 'command line') === null && dirProblem === null && !action.busy;
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
          setSubmitted(true);
          if (ready) action.run(() => onLaunch(commandLine, workingDirectory.trim() === '' ? null : workingDirectory));
        }}
      >
        <FormField id={`${ids}-cmd`} label="Command line">
          <CommandInput
            ref={ref}
            id={`${ids}-cmd`}
            value={commandLine}
            onValue={(v) => {
              setCommandLine(v);
              setTouched(true);
            }}
            invalid={cmdProblem !== null}
            placeholder={'"C:\\Program Files\\Tool\\tool.exe" --flag'}
            testId="job-launch-command"
          />
          <p className="form__hint">Quote a program path that has spaces: an unquoted one is read up to the first space.</p>
          {cmdProblem ? <p className="form__problem">{cmdProblem}</p> : null}
        </FormField>
        <FormField id={`${ids}-dir`} label="Working directory (optional)">
          <CommandInput id={`${ids}-dir`} value={workingDirectory} onValue={setWorkingDirectory} invalid={dirProblem !== null} testId="job-launch-workdir" />
          {dirProblem ? <p className="form__problem">{dirProblem}</p> : null}
        </FormField>
        <DialogButtons
          note={action.note}
          outcomeTestId="job-launch-outcome"
          submit={action.busy ? 'Launching…' : 'Launch…'}
          submitTestId="job-launch-confirm"
          disabled={action.busy || (submitted && !ready)}
          onCancel={onCancel}
        />
      </form>
    </Modal>
  );
}
