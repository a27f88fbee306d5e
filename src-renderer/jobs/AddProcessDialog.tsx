import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import { request } from '../lib/api';
import { Modal } from '../shared/Modal';
import { OutcomeLine, useDialogAction } from './dialog-outcome';
import { CONSOLE_PROCESS_NOTE, pickProcesses, type PickableProcess } from './job-form';

type ListState = { status: 'loading' } | { status: 'ready'; processes: PickableProcess[] } | { status: 'failed'; message: string };

/**
 * Add an existing process to a job: picked from the process list (read once when the dialog opens, with
 * a reload), so main gets the PID with its creation time and cannot hit a reused PID. Each process shows
 * its command line (cut to one line, whole on hover and under the list once picked); the console's own
 * process is listed, marked "this console" and not pickable, with why.
 */
export function AddProcessDialog({
  job,
  onAdd,
  onCancel,
}: {
  job: string;
  onAdd: (target: { pid: number; createTime: string }) => Promise<ApiError | null>;
  onCancel: () => void;
}) {
  const titleId = useId();
  const noteId = useId();
  const filterId = useId();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const action = useDialogAction();
  const ref = useRef<HTMLInputElement>(null);

  // One read when the dialog opens and on Reload: the dialog does not follow the live list.
  const fetchList = useCallback(() => {
    void Promise.all([request('processes:getSnapshot', {}), request('system:getInfo', {})]).then(([result, info]) => {
      if (!result.ok) return setList({ status: 'failed', message: result.error.message });
      // Without system:getInfo the console is not marked; main still refuses to add it.
      const consolePids = new Set(info.ok ? info.value.consolePids : []);
      setList({
        status: 'ready',
        processes: result.value.processes.map((p) => ({
          pid: p.pid,
          createTime: p.createTime,
          name: p.name,
          inJob: p.inJob,
          commandLine: p.commandLine,
          commandLineUnknown: p.commandLine === null ? (p.detailsError ?? 'not reported') : null,
          isConsole: consolePids.has(p.pid),
        })),
      });
    });
  }, []);
  useEffect(() => {
    fetchList();
    ref.current?.focus();
  }, [fetchList]);
  const load = () => {
    setList({ status: 'loading' });
    fetchList();
  };

  const { shown, total } = useMemo(() => (list.status === 'ready' ? pickProcesses(list.processes, filter) : { shown: [], total: 0 }), [list, filter]);
  const target = list.status === 'ready' ? list.processes.find((p) => `${p.pid}:${p.createTime}` === picked) : undefined;

  return (
    <Modal titleId={titleId} describedBy={noteId} testId="job-add-dialog" wide onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">{`Add a process to ${job}`}</h2>
      <p id={noteId} className="modal__note">
        A process already in a job that cannot nest with this one is refused with access denied (Win32 error 5); Windows 8
        and later nest jobs, older Windows allows one job per process.
      </p>
      <label htmlFor={filterId} className="form__label">
        Find by name, PID or command line
      </label>
      <input ref={ref} id={filterId} type="search" className="form__input" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} data-testid="job-add-filter" />
      {list.status === 'loading' ? <p className="status-line">Reading the process list…</p> : null}
      {list.status === 'failed' ? <p className="form__problem">{`The process list could not be read: ${list.message}`}</p> : null}
      {list.status === 'ready' ? (
        <fieldset className="job-pick" data-testid="job-add-list">
          <legend className="visually-hidden">Processes</legend>
          {shown.map((p) => {
            const key = `${p.pid}:${p.createTime}`;
            const command = p.commandLine ?? `Command line unknown: ${p.commandLineUnknown ?? 'not reported'}`;
            return (
              <label key={key} className={p.isConsole ? 'job-pick__option job-pick__option--console' : 'job-pick__option'} data-testid="job-add-row" data-console={p.isConsole || undefined}>
                <input
                  type="radio"
                  name={`${titleId}-pick`}
                  checked={picked === key}
                  disabled={p.isConsole}
                  onChange={() => setPicked(key)}
                  aria-describedby={p.isConsole ? `${noteId}-console` : undefined}
                  data-testid="job-add-option"
                  data-pid={p.pid}
                />
                <span className="job-pick__text">
                  <span className="job-pick__line">
                    <span className="job-pick__name">{p.name}</span>
                    <span className="job-pick__pid">{`PID ${p.pid}`}</span>
                    {p.isConsole ? (
                      <span className="badge badge--ok" data-testid="job-add-console">
                        this console
                      </span>
                    ) : null}
                    {p.inJob ? <span className="badge badge--warning">in a job</span> : null}
                  </span>
                  <span className={p.commandLine === null ? 'job-pick__command job-pick__command--unknown' : 'job-pick__command'} title={command} data-testid="job-add-command">
                    {command}
                  </span>
                  {p.isConsole ? (
                    <span id={`${noteId}-console`} className="form__hint" data-testid="job-add-console-note">
                      {CONSOLE_PROCESS_NOTE}
                    </span>
                  ) : null}
                </span>
              </label>
            );
          })}
          {target ? (
            <p className="job-pick__picked" data-testid="job-add-picked-command">
              <span className="visually-hidden">Command line of the picked process: </span>
              <code>{target.commandLine ?? `Command line unknown: ${target.commandLineUnknown ?? 'not reported'}`}</code>
            </p>
          ) : null}
          <p className="form__hint">{total > shown.length ? `${shown.length} of ${total} matches shown: type more to narrow.` : `${total} match${total === 1 ? '' : 'es'}.`}</p>
        </fieldset>
      ) : null}
      <div className="modal__buttons">
        <button type="button" onClick={load} data-testid="job-add-reload">
          Reload the list
        </button>
        <OutcomeLine note={action.note} testId="job-add-outcome" />
        <span className="modal__spacer" />
        <button
          type="button"
          className="button--primary"
          disabled={!target || action.busy}
          onClick={() => target && action.run(() => onAdd({ pid: target.pid, createTime: target.createTime }))}
          data-testid="job-add-confirm"
        >
          {target ? `Add ${target.name} (PID ${target.pid})` : 'Add'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
