import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import type { JobLimitsFormValue, JobTemplateValue } from '../../src-preload/contract/job-schemas';
import { Modal } from '../shared/Modal';
import { DialogButtons, useDialogAction } from './dialog-outcome';
import { jobNameProblem } from './job-form';
import { emptyLimitForm, formToLimits, type LimitForm } from './limit-form';
import { describeLimits } from './limit-text';
import { LimitEditor } from './LimitEditor';

/** What the new job takes its limits from. */
type Source = 'template' | 'custom';

/**
 * New job: a name and its limits, from a template or typed in the limit editor (kill on job close
 * starts checked: a job the console creates should not leave orphans). Main creates it and saves its
 * definition so the console can recreate it after a restart.
 */
export function NewJobDialog({
  templates,
  logicalProcessors,
  onCreate,
  onCancel,
}: {
  templates: readonly JobTemplateValue[];
  logicalProcessors: number;
  onCreate: (request: { name: string; template: string | null; limits: JobLimitsFormValue | null }) => Promise<ApiError | null>;
  onCancel: () => void;
}) {
  const titleId = useId();
  const ids = useId();
  const [name, setName] = useState('');
  // The name speaks once typed in or left; the limits per field once changed; everything once Create was tried.
  const [touched, setTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [source, setSource] = useState<Source>(templates.length > 0 ? 'template' : 'custom');
  const [template, setTemplate] = useState(templates[0]?.name ?? '');
  const [form, setForm] = useState<LimitForm>(() => emptyLimitForm(true));
  const action = useDialogAction();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const nameProblem = jobNameProblem(name);
  const converted = useMemo(() => formToLimits(form, logicalProcessors), [form, logicalProcessors]);
  const chosen = templates.find((t) => t.name === template);
  const ready = nameProblem === null && (source === 'template' ? chosen !== undefined : converted.limits !== null) && !action.busy;

  const create = () => {
    setTouched(true);
    setSubmitted(true);
    if (!ready) return;
    action.run(() => onCreate({ name, template: source === 'template' ? template : null, limits: source === 'custom' ? converted.limits : null }));
  };

  return (
    <Modal titleId={titleId} testId="job-new-dialog" wide onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">
        New job
      </h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <div className="form__field">
          <label htmlFor={`${ids}-name`} className="form__label">
            Job name
          </label>
          <input
            ref={nameRef}
            id={`${ids}-name`}
            className="form__input"
            value={name}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setName(e.currentTarget.value);
              setTouched(true);
            }}
            // Leaving the name after typing touches it; the dialog focusing it and the admin moving on does not.
            onBlur={() => name !== '' && setTouched(true)}
            aria-invalid={(touched && nameProblem !== null) || undefined}
            aria-describedby={`${ids}-name-hint`}
            data-testid="job-new-name"
          />
          <p id={`${ids}-name-hint`} className={touched && nameProblem ? 'form__problem' : 'form__hint'}>
            {touched && nameProblem ? nameProblem : 'Other programs (and this console after a restart) find the job by this name.'}
          </p>
        </div>
        <fieldset className="form__group">
          <legend>Limits</legend>
          <label className="limit__check">
            <input type="radio" name={`${ids}-source`} checked={source === 'template'} disabled={templates.length === 0} onChange={() => setSource('template')} data-testid="job-new-source-template" />
            {templates.length === 0 ? 'From a template (none saved yet)' : 'From a template'}
          </label>
          {source === 'template' ? (
            <div className="form__field">
              <label htmlFor={`${ids}-template`} className="form__label">
                Template
              </label>
              <select id={`${ids}-template`} className="form__input" value={template} onChange={(e) => setTemplate(e.currentTarget.value)} data-testid="job-new-template">
                {templates.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
              {chosen ? <p className="form__hint">{[chosen.description, ...describeLimits(chosen.limits)].filter(Boolean).join(' · ') || 'No limits set.'}</p> : null}
            </div>
          ) : null}
          <label className="limit__check">
            <input type="radio" name={`${ids}-source`} checked={source === 'custom'} onChange={() => setSource('custom')} data-testid="job-new-source-custom" />
            Custom limits
          </label>
        </fieldset>
        {source === 'custom' ? <LimitEditor form={form} onChange={setForm} problems={converted.problems} logicalProcessors={logicalProcessors} revealAll={submitted} /> : null}
        <DialogButtons
          note={action.note}
          outcomeTestId="job-new-outcome"
          submit={action.busy ? 'Creating…' : 'Create job'}
          submitTestId="job-new-create"
          disabled={action.busy || (submitted && !ready)}
          onCancel={onCancel}
        />
      </form>
    </Modal>
  );
}
