import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError, Result } from '../../src-preload/contract/errors';
import type { ServiceChangeRequestValue, ServiceDefinitionValue, ServicePlanValue } from '../../src-preload/contract/service-schemas';
import { CheckedField, type CheckedFieldAria } from '../shared/FormField';
import { Modal } from '../shared/Modal';
import { DependencyPicker } from './DependencyPicker';
import { PlanScheduler, type PlanState } from './plan-scheduler';
import { PlanPreview } from './PlanPreview';
import { RecoveryEditor } from './RecoveryEditor';
import { ERROR_CONTROL_LABELS, STARTUP_LABELS } from './service-columns';
import {
  formToDefinition,
  planRequestOf,
  problemsByField,
  type AccountKind,
  type FormMode,
  type ServiceForm,
} from './service-form';

/** How an Apply ended: done (the owner closes the dialog), declined in main's confirmation, or failed. */
export type ApplyOutcome = { readonly status: 'done' } | { readonly status: 'cancelled' } | { readonly status: 'failed'; readonly error: ApiError };

const ACCOUNT_LABELS: { readonly [A in AccountKind]: string } = {
  localSystem: 'LocalSystem',
  localService: 'LocalService',
  networkService: 'NetworkService',
  user: 'A user (with password)',
};

/**
 * The install / edit wizard, one form for both, in a dialog. As the admin types, main plans the change
 * (debounced `services:plan`): problems sit beside their fields, the changes and the sc.exe commands show
 * below. Apply is enabled only with a plan that has no problems; main confirms with the same commands.
 * The password lives only in this component's state: it is gone when the dialog closes.
 */
export function ServiceWizard({
  mode,
  initial,
  serviceNames,
  fetchPlan,
  onApply,
  onCancel,
  onCopy,
  dependenciesNotReported = null,
  onRunProgram,
}: {
  mode: FormMode;
  initial: ServiceForm;
  /** Existing services, for the dependency picker. */
  serviceNames: readonly string[];
  fetchPlan: (request: ServiceChangeRequestValue) => Promise<Result<ServicePlanValue>>;
  onApply: (definition: ServiceDefinitionValue) => Promise<ApplyOutcome>;
  onCancel: () => void;
  onCopy: (text: string, what: string) => void;
  /** For an edit: why the service's current dependencies are not reported (the row's notReported), else null. */
  dependenciesNotReported?: string | null;
  /** Install only: switch to "Run a program as a service" (an ordinary program, run by the console's host). */
  onRunProgram?: () => void;
}) {
  const titleId = useId();
  const ids = useId();
  const [form, setForm] = useState<ServiceForm>(initial);
  const [plan, setPlan] = useState<PlanState>({ status: 'idle' });
  const [applying, setApplying] = useState(false);
  // Apply tried: every field's problems speak (until then, a field's speak once it is touched: CheckedField).
  const [submitted, setSubmitted] = useState(false);
  const [applyNote, setApplyNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const schedulerRef = useRef<PlanScheduler | null>(null);

  const { definition, problems: localProblems } = useMemo(() => formToDefinition(form, mode), [form, mode]);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  useEffect(() => {
    const scheduler = new PlanScheduler(fetchPlan, setPlan);
    schedulerRef.current = scheduler;
    return () => {
      scheduler.dispose();
      schedulerRef.current = null;
    };
  }, [fetchPlan]);

  useEffect(() => {
    schedulerRef.current?.update(definition ? planRequestOf(mode, definition) : null);
  }, [definition, mode]);

  const planProblems = plan.status === 'ready' ? plan.plan.problems : [];
  const problems = problemsByField(localProblems, planProblems);
  const canApply = definition !== null && plan.status === 'ready' && planProblems.length === 0 && !applying && !(mode.kind === 'edit' && plan.plan.changes.length === 0);

  const set = <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) => {
    setApplyNote(null);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const apply = () => {
    setSubmitted(true);
    if (!definition || !canApply) return;
    setApplying(true);
    setApplyNote(null);
    void onApply(definition).then((outcome) => {
      // On 'done' the owner unmounts the dialog; stay put otherwise so nothing typed is lost.
      if (outcome.status === 'done') return;
      setApplying(false);
      setApplyNote(
        outcome.status === 'cancelled'
          ? { tone: 'info', text: 'Cancelled in the confirmation: nothing was changed.' }
          : { tone: 'error', text: `${outcome.error.message}${outcome.error.win32Code !== undefined ? ` (Win32 error ${outcome.error.win32Code})` : ''}` },
      );
    });
  };

  /**
   * One labelled field with its problems beside it (aria-describedby). `group` fields (the dependency
   * picker, the recovery rows) hold several controls: a named group rather than a label.
   */
  const field = (
    key: string,
    label: string,
    render: (aria: CheckedFieldAria) => ReactNode,
    hint?: string,
    group = false,
  ) => (
    <CheckedField id={`${ids}-${key}`} field={key} label={label} hint={hint} problems={problems.get(key) ?? []} problemTestId="service-form-problem" group={group} revealed={submitted}>
      {render}
    </CheckedField>
  );

  const other = problems.get('') ?? [];
  const editing = mode.kind === 'edit';

  return (
    <Modal titleId={titleId} testId="service-wizard" wide onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">
        {editing ? `Edit service ${mode.name}` : 'New service'}
      </h2>
      {onRunProgram && !editing ? (
        <p className="form__hint">
          For a program that is itself a Windows service.{' '}
          <button type="button" className="link-button" onClick={onRunProgram} data-testid="service-wizard-run-program">
            An ordinary program (node, Python, Java, a .bat)? Run it as a service…
          </button>
        </p>
      ) : null}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <fieldset className="form__group">
          <legend>Service</legend>
          {field(
            'name',
            'Service name',
            (a) => (
              <input
                ref={editing ? undefined : firstRef}
                id={a.id}
                className="form__input"
                value={editing ? mode.name : form.name}
                readOnly={editing}
                aria-readonly={editing || undefined}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid || undefined}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set('name', e.currentTarget.value)}
                data-testid="service-form-name"
              />
            ),
            editing ? 'A service cannot be renamed.' : 'The SCM key: up to 256 characters, no / or \\.',
          )}
          {field(
            'displayName',
            'Display name',
            (a) => (
              <input
                ref={editing ? firstRef : undefined}
                id={a.id}
                className="form__input"
                value={form.displayName}
                placeholder={editing ? mode.name : form.name || 'Same as the service name'}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid || undefined}
                onChange={(e) => set('displayName', e.currentTarget.value)}
                data-testid="service-form-display-name"
              />
            ),
          )}
          {field('description', 'Description', (a) => (
            <textarea
              id={a.id}
              className="form__input"
              rows={2}
              value={form.description}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid || undefined}
              onChange={(e) => set('description', e.currentTarget.value)}
              data-testid="service-form-description"
            />
          ))}
        </fieldset>

        <fieldset className="form__group">
          <legend>Program</legend>
          {field(
            'program',
            'Program path',
            (a) => (
              <input
                id={a.id}
                className="form__input form__input--mono"
                value={form.program}
                placeholder="C:\Program Files\Vendor\service.exe"
                spellCheck={false}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid || undefined}
                onChange={(e) => set('program', e.currentTarget.value)}
                data-testid="service-form-program"
              />
            ),
            'Without quotes: the console quotes the path and each argument.',
          )}
          {field(
            'arguments',
            'Arguments',
            (a) => (
              <textarea
                id={a.id}
                className="form__input form__input--mono"
                rows={3}
                value={form.argumentsText}
                spellCheck={false}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid || undefined}
                onChange={(e) => set('argumentsText', e.currentTarget.value)}
                data-testid="service-form-arguments"
              />
            ),
            'One argument per line.',
          )}
        </fieldset>

        <fieldset className="form__group form__group--row">
          <legend>Startup</legend>
          {field('startup', 'Startup type', (a) => (
            <select id={a.id} value={form.startup} aria-describedby={a.describedBy} aria-invalid={a.invalid || undefined} onChange={(e) => set('startup', e.currentTarget.value as ServiceForm['startup'])} data-testid="service-form-startup">
              {Object.entries(STARTUP_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          ))}
          {field(
            'errorControl',
            'Error control',
            (a) => (
              <select
                id={a.id}
                value={form.errorControl}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid || undefined}
                onChange={(e) => set('errorControl', e.currentTarget.value as ServiceForm['errorControl'])}
                data-testid="service-form-error-control"
              >
                {Object.entries(ERROR_CONTROL_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            ),
            'What Windows does at boot if the service fails to start.',
          )}
        </fieldset>

        <fieldset className="form__group">
          <legend>Log on as</legend>
          {field('account', 'Account', (a) => (
            <select
              id={a.id}
              value={form.accountKind}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid || undefined}
              onChange={(e) => set('accountKind', e.currentTarget.value as AccountKind)}
              data-testid="service-form-account"
            >
              {Object.entries(ACCOUNT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          ))}
          {form.accountKind === 'user' ? (
            <div className="form__row">
              <div className="form__field">
                <label htmlFor={`${ids}-user`} className="form__label">
                  User
                </label>
                <input
                  id={`${ids}-user`}
                  className="form__input"
                  value={form.userName}
                  placeholder="DOMAIN\user, .\user or user@domain"
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => set('userName', e.currentTarget.value)}
                  data-testid="service-form-user"
                />
              </div>
              <div className="form__field">
                <label htmlFor={`${ids}-password`} className="form__label">
                  Password
                </label>
                <input
                  id={`${ids}-password`}
                  type="password"
                  className="form__input"
                  value={form.password}
                  placeholder={editing ? 'Blank keeps the current password' : 'Blank for a gMSA (name ends in $)'}
                  autoComplete="new-password"
                  onChange={(e) => set('password', e.currentTarget.value)}
                  data-testid="service-form-password"
                />
              </div>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="form__group">
          <legend>Dependencies</legend>
          {field(
            'dependencies',
            'Services that must run first',
            (a) => (
              <DependencyPicker
                names={serviceNames}
                self={editing ? mode.name : form.name}
                value={form.dependencies}
                onChange={(next) => set('dependencies', next)}
                describedBy={a.describedBy}
                invalid={a.invalid}
                notReported={editing ? dependenciesNotReported : null}
              />
            ),
            undefined,
            true,
          )}
        </fieldset>

        <fieldset className="form__group">
          <legend>Recovery</legend>
          {field(
            'recovery',
            'Actions on failure (the last one repeats for later failures)',
            () => <RecoveryEditor form={form} onChange={set} />,
            undefined,
            true,
          )}
        </fieldset>

        <PlanPreview state={plan} mode={mode.kind} onCopy={onCopy} />

        {other.length > 0 ? (
          <ul className="form__problems">
            {other.map((m) => (
              <li key={m} className="form__problem" data-testid="service-form-problem" data-field="">
                {m}
              </li>
            ))}
          </ul>
        ) : null}
        {applyNote ? (
          <p className={applyNote.tone === 'error' ? 'status-line status-line--error' : 'status-line'} role={applyNote.tone === 'error' ? 'alert' : 'status'} data-testid="service-wizard-note">
            {applyNote.text}
          </p>
        ) : null}

        <div className="modal__buttons">
          <span className="status-line">{applying ? 'Waiting for the confirmation in the main window…' : ''}</span>
          <span className="modal__spacer" />
          <button
            type="submit"
            className="button--primary"
            // Enabled while the form is incomplete and untried, so that trying says what is missing.
            disabled={applying || (definition === null ? submitted : !canApply)}
            data-testid="service-wizard-apply"
          >
            {editing ? 'Apply changes…' : 'Install…'}
          </button>
          <button type="button" onClick={onCancel} data-testid="service-wizard-cancel">
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
