import { useId, useMemo, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import type { JobTemplateValue } from '../../src-preload/contract/job-schemas';
import { Modal } from '../shared/Modal';
import { OutcomeLine, useDialogAction } from './dialog-outcome';
import { isPlainText, templateNameProblem } from './job-form';
import { emptyLimitForm, formFromLimits, formToLimits, type LimitForm } from './limit-form';
import { describeLimits } from './limit-text';
import { LimitEditor } from './LimitEditor';

interface Draft {
  /** The saved template this draft edits; null for a new one. */
  readonly original: string | null;
  readonly name: string;
  readonly description: string;
  readonly form: LimitForm;
}

function draftOf(t: JobTemplateValue | undefined): Draft {
  return t
    ? { original: t.name, name: t.name, description: t.description, form: formFromLimits(t.limits) }
    : { original: null, name: '', description: '', form: emptyLimitForm(true) };
}

/**
 * Limit templates ("Build box: 4 cores, 8 GB, 30 min"): the saved list, and one template edited with
 * the same limit editor. Save and Delete go to main, which answers the whole list.
 */
export function TemplatesDialog({
  templates,
  logicalProcessors,
  onSave,
  onDelete,
  onClose,
}: {
  templates: readonly JobTemplateValue[];
  logicalProcessors: number;
  onSave: (template: JobTemplateValue) => Promise<ApiError | null>;
  onDelete: (name: string) => Promise<ApiError | null>;
  onClose: () => void;
}) {
  const titleId = useId();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(templates[0]));
  const action = useDialogAction();
  // Save tried: every problem speaks, an empty name included (before, only what was typed speaks).
  const [submitted, setSubmitted] = useState(false);
  const converted = useMemo(() => formToLimits(draft.form, logicalProcessors), [draft.form, logicalProcessors]);
  const nameProblem = draft.name === '' ? (submitted ? 'Give the template a name.' : null) : templateNameProblem(draft.name);
  const descriptionProblem = draft.description.length > 1024 ? 'At most 1,024 characters.' : isPlainText(draft.description) ? null : 'No control or line-separator characters.';
  const canSave = draft.name.trim() !== '' && nameProblem === null && descriptionProblem === null && converted.limits !== null && !action.busy;
  const renamed = draft.original !== null && draft.original !== draft.name;

  const edit = (patch: Partial<Draft>) => {
    action.clear();
    setDraft((d) => ({ ...d, ...patch }));
  };

  return (
    <Modal titleId={titleId} testId="template-dialog" wide onCancel={onClose}>
      <h2 id={titleId} className="modal__title">
        Limit templates
      </h2>
      <div className="templates">
        <div className="templates__list">
          <ul className="picker__list" data-testid="template-list" aria-label="Saved templates">
            {templates.length === 0 ? <li className="form__hint">No templates saved yet.</li> : null}
            {templates.map((t) => (
              <li key={t.name}>
                <button
                  type="button"
                  className="picker__option"
                  aria-pressed={draft.original === t.name}
                  title={describeLimits(t.limits).join('\n') || 'No limits set'}
                  onClick={() => {
                    action.clear();
                    setDraft(draftOf(t));
                    setSubmitted(false);
                  }}
                  data-testid="template-item"
                  data-name={t.name}
                >
                  {t.name}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              action.clear();
              setDraft(draftOf(undefined));
              setSubmitted(false);
            }}
            data-testid="template-new"
          >
            New template
          </button>
        </div>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            setSubmitted(true);
            if (canSave && converted.limits) {
              const template = { name: draft.name, description: draft.description, limits: converted.limits };
              action.run(async () => {
                const error = await onSave(template);
                if (!error) setDraft((d) => ({ ...d, original: template.name }));
                return error;
              });
            }
          }}
        >
          <div className="form__row">
            <div className="form__field">
              <label htmlFor={`${ids}-name`} className="form__label">
                Template name
              </label>
              <input
                id={`${ids}-name`}
                className="form__input"
                value={draft.name}
                onChange={(e) => edit({ name: e.currentTarget.value })}
                aria-invalid={nameProblem !== null || undefined}
                data-testid="template-name"
              />
              {nameProblem ? <p className="form__problem">{nameProblem}</p> : null}
              {renamed ? <p className="form__hint">{`Saving under a new name keeps “${draft.original}” as it is.`}</p> : null}
            </div>
            <div className="form__field">
              <label htmlFor={`${ids}-desc`} className="form__label">
                Description
              </label>
              <input
                id={`${ids}-desc`}
                className="form__input"
                value={draft.description}
                onChange={(e) => edit({ description: e.currentTarget.value })}
                aria-invalid={descriptionProblem !== null || undefined}
                data-testid="template-description"
              />
              {descriptionProblem ? <p className="form__problem">{descriptionProblem}</p> : null}
            </div>
          </div>
          <LimitEditor form={draft.form} onChange={(form) => edit({ form })} problems={converted.problems} logicalProcessors={logicalProcessors} revealAll={submitted} />
          <div className="modal__buttons">
            <OutcomeLine note={action.note} testId="template-outcome" />
            <span className="modal__spacer" />
            <button type="submit" className="button--primary" disabled={action.busy || (submitted && !canSave)} data-testid="template-save">
              {action.busy ? 'Saving…' : 'Save template'}
            </button>
            <button
              type="button"
              disabled={draft.original === null || action.busy}
              onClick={() => {
                const name = draft.original;
                if (name === null) return;
                action.run(async () => {
                  const error = await onDelete(name);
                  if (!error) setDraft(draftOf(templates.find((t) => t.name !== name)));
                  return error;
                });
              }}
              data-testid="template-delete"
            >
              Delete template…
            </button>
            <button type="button" onClick={onClose} data-testid="template-close">
              Close
            </button>
          </div>
        </form>
      </div>
    </Modal>
  );
}
