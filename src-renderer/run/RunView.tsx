import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { JobTemplateValue, RunSummaryValue } from '../../src-preload/contract/job-schemas';
import { reportFailure, request, useEvent } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { callFailureToastFor } from '../shared/action-results';
import { CommandInput, FormField } from '../shared/FormField';
import { exitCodeLine, exitCodeWord } from './exit-codes';
import { pushToast } from '../shared/toast-store';
import { RunOutputs } from './output-buffer';
import { RenderPacer } from './render-pacer';
import { emptyRunForm, formatExitCode, formToRunRequest, MAX_ENVIRONMENT, NO_NOTICE, RUN_STATE_LABELS, runDuration, runStatusLine, upsertRun, type RunField, type RunForm, type RunNotice } from './run-form';
import { RunOutput } from './RunOutput';

/** Where the shown output comes from. */
type Shown = { id: string; loading: boolean } | null;

/**
 * The Run view: a command in a new kill-on-close job with a wall-clock timeout and an optional limit
 * template (main confirms in its own dialog), its output live from run:output, its state, PID, exit code
 * and duration from run:changed, Cancel, and the history of runs (run:getHistory) whose saved output
 * loads on selection (run:getOutput).
 */
export function RunView() {
  const ids = useId();
  const [form, setForm] = useState<RunForm>(emptyRunForm);
  // Problems speak for a field once the admin changed it, and for all of them once Run was tried.
  const [touched, setTouched] = useState<ReadonlySet<RunField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [templates, setTemplates] = useState<readonly JobTemplateValue[]>([]);
  const [history, setHistory] = useState<RunSummaryValue[]>([]);
  const [historyStatus, setHistoryStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [shown, setShownState] = useState<Shown>(null);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<RunNotice>(NO_NOTICE);
  const [outputVersion, setOutputVersion] = useState(0);
  const [pacer] = useState(() => new RenderPacer(() => setOutputVersion((v) => v + 1)));
  useEffect(() => () => pacer.cancel(), [pacer]);
  const [now, setNow] = useState(() => Date.now());
  const [outputs] = useState(() => new RunOutputs());
  const setShown = (next: Shown) => {
    outputs.show(next?.id ?? null);
    setShownState(next);
  };

  const converted = useMemo(() => formToRunRequest(form), [form]);
  const run = shown ? history.find((r) => r.id === shown.id) : undefined;
  const buffer = shown ? (outputs.get(shown.id) ?? null) : null;

  useEffect(() => {
    void request('jobs:getSnapshot', {}).then((result) => {
      if (result.ok) setTemplates(result.value.templates);
      else reportFailure('Could not load the limit templates', result.error);
    });
    void request('run:getHistory', {}).then((result) => {
      if (result.ok) {
        // run:changed events that raced ahead of this answer are as new or newer: keep them.
        setHistory((current) => current.reduce((all, r) => upsertRun(all, r), [...result.value.runs].sort((a, b) => b.startedAt - a.startedAt)));
        setHistoryStatus('ready');
      } else {
        setHistoryStatus('failed');
        reportFailure('Could not load the run history', result.error);
      }
    });
  }, []);

  useEvent('run:output', (chunk) => {
    outputs.bufferFor(chunk.runId).append(chunk.stream, chunk.text);
    // Paced: rendering every chunk of a flood fell behind, and held the run's end back with it.
    if (outputs.shownId === chunk.runId) pacer.request();
  });
  useEvent('run:changed', (summary) => {
    setHistory((current) => upsertRun(current, summary));
    // The status line follows from the run's state (runStatusLine) and is painted first; the last output
    // right after it (pacer.flushAfterPaint), so a big last render cannot hold the end back.
    if (outputs.shownId === summary.id && summary.state !== 'running') pacer.flushAfterPaint();
  });

  const running = run?.state === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const start = () => {
    setSubmitted(true);
    const req = converted.request;
    if (!req || starting) return;
    setStarting(true);
    setNotice({ text: 'Confirm the command in the main window…', runId: null });
    void request('run:start', req).then((result) => {
      setStarting(false);
      if (!result.ok) {
        const toast = callFailureToastFor('run', 'the command', result.error);
        if (toast) pushToast(toast);
        setNotice({ text: toast ? '' : 'Cancelled: nothing was run.', runId: null });
        return;
      }
      const summary = result.value;
      outputs.bufferFor(summary.id); // output that arrived before this answer is already in it
      setHistory((current) => upsertRun(current, summary));
      setShown({ id: summary.id, loading: false });
      setNow(Date.now());
      setNotice({ text: `Running (PID ${summary.pid ?? '—'}).`, runId: summary.id });
    });
  };

  const cancel = () => {
    if (!run) return;
    void request('run:cancel', { id: run.id }).then((result) => {
      // If the run already ended (its run:changed can arrive before this answer), the line shows that instead.
      if (result.ok) setNotice({ text: 'Cancelling: the job’s whole process tree is being ended…', runId: run.id });
      else {
        const toast = callFailureToastFor('cancel', 'the run', result.error);
        if (toast) pushToast(toast);
      }
    });
  };

  const showRun = (id: string) => {
    const live = outputs.get(id);
    if (live) {
      setShown({ id, loading: false });
      pacer.flush();
      return;
    }
    setShown({ id, loading: true });
    void request('run:getOutput', { id }).then((result) => {
      if (outputs.shownId !== id) return;
      if (!result.ok) {
        setShown({ id, loading: false });
        reportFailure('Could not load the output of the run', result.error);
        return;
      }
      const b = outputs.bufferFor(id);
      // Main kept only the newest part: this text starts that far into the output.
      b.clear(result.value.run.truncatedBytes);
      for (const c of result.value.chunks) b.append(c.stream, c.text);
      setHistory((current) => upsertRun(current, result.value.run));
      setShown({ id, loading: false });
      pacer.flush();
    });
  };

  const touch = (field: RunField) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  const set = <K extends keyof RunForm>(key: K, value: RunForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (key === 'commandLine' || key === 'workingDirectory' || key === 'environment' || key === 'timeout') touch(key as RunField);
  };
  const speaks = (field: RunField) => submitted || touched.has(field);
  const problems = (field: RunField) => {
    const list = speaks(field) ? (converted.problems.get(field) ?? []) : [];
    return list.length === 0 ? null : (
      <ul className="form__problems" id={`${ids}-${field}-problems`}>
        {list.map((m) => (
          <li key={m} className="form__problem" data-testid="run-problem" data-field={field}>
            {m}
          </li>
        ))}
      </ul>
    );
  };
  const invalid = (field: RunField) => (speaks(field) && converted.problems.has(field)) || undefined;
  const describedBy = (field: RunField, hint?: string) => [hint, invalid(field) ? `${ids}-${field}-problems` : undefined].filter(Boolean).join(' ') || undefined;
  const state = run?.state ?? 'idle';

  return (
    <div className="run">
      <div className="run__side">
        <form
          ref={formRef}
          className="form run__form"
          aria-label="Run a command"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
          data-testid="run-form"
        >
          <FormField id={`${ids}-cmd`} label="Command line">
            {/* A box that wraps long command lines; still one line to Windows, so a line break is a problem. */}
            <textarea
              id={`${ids}-cmd`}
              className="form__input form__input--mono run__command"
              rows={3}
              value={form.commandLine}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set('commandLine', e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  formRef.current?.requestSubmit();
                }
              }}
              aria-invalid={invalid('commandLine')}
              aria-describedby={describedBy('commandLine', `${ids}-cmd-hint`)}
              data-testid="run-command"
            />
            <p id={`${ids}-cmd-hint`} className="form__hint">
              Ctrl+Enter runs. Long lines wrap in the box; Windows takes the command line as one line, so line breaks are refused.
            </p>
            {problems('commandLine')}
          </FormField>
          <FormField id={`${ids}-dir`} label="Working directory (optional)">
            <CommandInput id={`${ids}-dir`} value={form.workingDirectory} onValue={(v) => set('workingDirectory', v)} invalid={invalid('workingDirectory')} testId="run-workdir" />
            {problems('workingDirectory')}
          </FormField>
          <fieldset className="form__group">
            <legend>Environment additions</legend>
            {form.environment.length === 0 ? <p className="form__hint">The command inherits the console’s environment; add variables to set or override.</p> : null}
            {form.environment.map((row, i) => (
              <div key={i} className="run__env-row" data-testid="run-env-row">
                <input
                  className="form__input form__input--mono"
                  aria-label={`Variable ${i + 1} name`}
                  placeholder="NAME"
                  value={row.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    set('environment', form.environment.map((r, j) => (j === i ? { ...r, name } : r)));
                  }}
                  data-testid="run-env-name"
                />
                <span aria-hidden="true">=</span>
                <input
                  className="form__input form__input--mono"
                  aria-label={`Variable ${i + 1} value`}
                  placeholder="value"
                  value={row.value}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    set('environment', form.environment.map((r, j) => (j === i ? { ...r, value } : r)));
                  }}
                  data-testid="run-env-value"
                />
                <button type="button" aria-label={`Remove variable ${i + 1}`} onClick={() => set('environment', form.environment.filter((_, j) => j !== i))} data-testid="run-env-remove">
                  ×
                </button>
              </div>
            ))}
            <div>
              <button type="button" disabled={form.environment.length >= MAX_ENVIRONMENT} onClick={() => set('environment', [...form.environment, { name: '', value: '' }])} data-testid="run-env-add">
                Add variable
              </button>
            </div>
            {problems('environment')}
          </fieldset>
          <div className="form__row">
            <div className="form__field">
              <label htmlFor={`${ids}-timeout`} className="form__label">
                Wall-clock timeout
              </label>
              <div className="limit__amount">
                <input
                  id={`${ids}-timeout`}
                  className="form__input form__input--number"
                  inputMode="decimal"
                  value={form.timeout}
                  onChange={(e) => set('timeout', e.currentTarget.value)}
                  aria-invalid={invalid('timeout')}
                  aria-describedby={describedBy('timeout')}
                  data-testid="run-timeout"
                />
                <select
                  className="form__input limit__unit"
                  aria-label="Unit of the timeout"
                  value={form.timeoutUnit}
                  onChange={(e) => set('timeoutUnit', e.currentTarget.value as RunForm['timeoutUnit'])}
                  data-testid="run-timeout-unit"
                >
                  <option value="s">seconds</option>
                  <option value="min">minutes</option>
                </select>
              </div>
            </div>
            <div className="form__field">
              <label htmlFor={`${ids}-template`} className="form__label">
                Limit template
              </label>
              <select id={`${ids}-template`} className="form__input" value={form.template} onChange={(e) => set('template', e.currentTarget.value)} data-testid="run-template">
                <option value="">None (kill on close only)</option>
                {templates.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {problems('timeout')}
          <p className="form__hint">
            The command runs in a new job with kill on job close: on timeout, on Cancel or when the console exits, its whole
            process tree ends, grandchildren included.
          </p>
          <div className="modal__buttons">
            <button type="submit" className="button--primary" disabled={starting || (submitted && converted.request === null)} data-testid="run-start">
              {starting ? 'Starting…' : 'Run…'}
            </button>
            <button type="button" disabled={!running} onClick={cancel} data-testid="run-cancel">
              Cancel run
            </button>
          </div>
        </form>

        <section className="run__history" aria-labelledby={`${ids}-history`}>
          <h2 id={`${ids}-history`} className="details__title">
            History
          </h2>
          {historyStatus === 'loading' ? <p className="status-line">Loading the run history…</p> : null}
          {historyStatus === 'failed' ? <p className="status-line status-line--error">The run history could not be loaded.</p> : null}
          {historyStatus === 'ready' && history.length === 0 ? <p className="status-line">No runs yet.</p> : null}
          {history.length > 0 ? (
            <ul className="run__history-list" role="listbox" aria-label="Runs, newest first" data-testid="run-history">
              {history.map((r) => (
                <li
                  key={r.id}
                  role="option"
                  aria-selected={shown?.id === r.id}
                  tabIndex={0}
                  className={shown?.id === r.id ? 'run__history-row run__history-row--selected' : 'run__history-row'}
                  onClick={() => showRun(r.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      showRun(r.id);
                    }
                  }}
                  data-testid="run-history-row"
                  data-id={r.id}
                  data-state={r.state}
                >
                  <span className={`run__state run__state--${r.state}`}>{RUN_STATE_LABELS[r.state]}</span>
                  <code className="run__history-command" title={r.commandLine}>
                    {r.commandLine}
                  </code>
                  <span className="run__history-meta" title={r.exitCode === null ? undefined : `Exit code ${exitCodeLine(r.exitCode)}`}>
                    {`${formatDateTime(r.startedAt)} · exit ${formatExitCode(r.exitCode)}${exitCodeWord(r.exitCode) === null ? '' : ` (${exitCodeWord(r.exitCode)})`} · ${runDuration(r, now)}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>

      <section className="run__main" aria-label="The shown run">
        <p role="status" className="status-line" data-testid="run-notice">
          {runStatusLine(notice, run)}
        </p>
        {run ? (
          <dl className="details__fields run__summary" data-testid="run-status" data-state={run.state}>
            <div>
              <dt>Command</dt>
              <dd>
                <code>{run.commandLine}</code>
              </dd>
            </div>
            <div>
              <dt>State</dt>
              <dd className={`run__state run__state--${run.state}`} data-testid="run-state">
                {RUN_STATE_LABELS[run.state]}
              </dd>
            </div>
            <div>
              <dt>PID</dt>
              <dd data-testid="run-pid">{run.pid ?? '—'}</dd>
            </div>
            <div>
              <dt>Exit code</dt>
              <dd data-testid="run-exit-code">{exitCodeLine(run.exitCode)}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd data-testid="run-duration">{`${runDuration(run, now)} (timeout ${run.timeoutSeconds} s)`}</dd>
            </div>
            <div>
              <dt>Template</dt>
              <dd>{run.template ?? 'None (kill on close only)'}</dd>
            </div>
            {run.message ? (
              <div>
                <dt>Why</dt>
                <dd data-testid="run-message">{run.message}</dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="status-line" data-testid="run-status" data-state="idle">
            No run shown: run a command, or pick one from the history.
          </p>
        )}
        <RunOutput
          buffer={buffer}
          version={outputVersion}
          runId={shown?.id ?? null}
          state={state}
          truncatedBytes={run?.truncatedBytes ?? 0}
          loading={shown?.loading === true}
        />
      </section>
    </div>
  );
}
