import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Result } from '../../../src-preload/contract/errors';
import type { HostedChangeRequestValue, HostedDefinitionValue, HostedPlanValue } from '../../../src-preload/contract/hosted-schemas';
import type { JobTemplateValue } from '../../../src-preload/contract/job-schemas';
import { Modal } from '../../shared/Modal';
import { PlanScheduler, type PlanState } from '../plan-scheduler';
import type { ApplyOutcome } from '../ServiceWizard';
import { formToHostedDefinition, visibleHostedProblems, type HostedForm, type HostedFormField, type HostedFormMode, type HostedFormProblem } from './hosted-form';
import type { HostedFieldContext } from './HostedField';
import { HostedLimitsSection } from './HostedLimitsSection';
import { HostedPlanPreview } from './HostedPlanPreview';
import { HostedProbesSection } from './HostedProbesSection';
import { HostedProgramSection } from './HostedProgramSection';
import { HostedStopRestartSection } from './HostedStopRestartSection';
import { LogRotationEditor } from './LogRotationEditor';

const NO_PROBLEMS: readonly HostedFormProblem[] = [];

/**
 * The request behind the plan preview. The plan shows a password only as ********, so it gets a stand-in
 * of the same length: the secret crosses to main once, when the admin applies, not on every keystroke.
 */
export function hostedPlanRequestOf(mode: HostedFormMode, definition: HostedDefinitionValue): HostedChangeRequestValue {
  const account = definition.account.kind === 'user' && definition.account.password !== undefined ? { ...definition.account, password: '*'.repeat(definition.account.password.length) } : definition.account;
  const masked = { ...definition, account };
  return mode.kind === 'install' ? { kind: 'install', definition: masked } : { kind: 'edit', name: mode.name, definition: masked };
}

/**
 * "Run a program as a service": install or edit a program run by the console's service host, in a dialog.
 * As the admin types, main plans the change (debounced `services:planHosted`); problems speak beside their
 * field once it was touched, or all of them on Apply. Apply is enabled only with a plan that has no
 * problems; main confirms with the same sc.exe and registry lines. The password lives only in this state.
 */
export function HostedWizard({
  mode,
  initial,
  readProblems = NO_PROBLEMS,
  templates,
  logicalProcessors,
  fetchPlan,
  onApply,
  onCancel,
  onCopy,
  onPlainService,
}: {
  mode: HostedFormMode;
  initial: HostedForm;
  /** For an edit: registry values that could not be shown as stored (services:getHostedDefinition). */
  readProblems?: readonly HostedFormProblem[];
  templates: readonly JobTemplateValue[];
  logicalProcessors: number;
  fetchPlan: (request: HostedChangeRequestValue) => Promise<Result<HostedPlanValue>>;
  onApply: (definition: HostedDefinitionValue) => Promise<ApplyOutcome>;
  onCancel: () => void;
  onCopy: (text: string, what: string) => void;
  /** Install only: switch to the wizard for a program that is itself a service. */
  onPlainService?: () => void;
}) {
  const titleId = useId();
  const ids = useId();
  const [form, setForm] = useState<HostedForm>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  /** Bumped by each Apply that cannot go ahead, so the first field with a problem gets focus. */
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const [plan, setPlan] = useState<PlanState<HostedPlanValue>>({ status: 'idle' });
  const [applying, setApplying] = useState(false);
  const [applyNote, setApplyNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const schedulerRef = useRef<PlanScheduler<HostedChangeRequestValue, HostedPlanValue> | null>(null);

  const { definition, problems: localProblems } = useMemo(() => formToHostedDefinition(form, mode, logicalProcessors), [form, mode, logicalProcessors]);

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
    schedulerRef.current?.update(definition ? hostedPlanRequestOf(mode, definition) : null);
  }, [definition, mode]);

  const planProblems = plan.status === 'ready' ? plan.plan.problems : NO_PROBLEMS;
  const shown = visibleHostedProblems(localProblems, planProblems, touched, submitted);
  const canApply = definition !== null && plan.status === 'ready' && planProblems.length === 0 && !applying && !(mode.kind === 'edit' && plan.plan.changes.length === 0);

  const ctx: HostedFieldContext = {
    ids,
    form,
    set: (key, value) => {
      setApplyNote(null);
      setForm((f) => ({ ...f, [key]: value }));
    },
    problemsOf: (field: HostedFormField) => shown.get(field) ?? [],
    touch: (field) => setTouched((t) => (t.has(field) ? t : new Set([...t, field]))),
  };

  useEffect(() => {
    if (refused === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-testid="hosted-form-problem"]');
    first?.scrollIntoView({ block: 'center' });
    if (first?.matches('input, select, textarea')) first.focus();
  }, [refused]);

  const apply = () => {
    setSubmitted(true);
    if (!definition || !canApply) {
      setRefused((n) => n + 1);
      return;
    }
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

  const other = shown.get('') ?? [];
  const editing = mode.kind === 'edit';
  const whyNotYet =
    definition === null || planProblems.length > 0
      ? 'Fix the problems marked above.'
      : plan.status === 'failed'
        ? 'The changes could not be worked out (see above).'
        : plan.status === 'ready'
          ? 'Nothing to change.'
          : 'Working out the changes…';
  return (
    <Modal titleId={titleId} testId="hosted-wizard" wide onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">
        {editing ? `Edit hosted service ${mode.name}` : 'Run a program as a service'}
      </h2>
      {onPlainService && !editing ? (
        <p className="form__hint">
          The console’s service host runs the program in a job, restarts it, probes it and keeps its output.{' '}
          <button type="button" className="link-button" onClick={onPlainService} data-testid="hosted-wizard-plain">
            The program is itself a Windows service…
          </button>
        </p>
      ) : null}
      {readProblems.length > 0 ? (
        <ul className="form__problems" role="alert" data-testid="hosted-read-problems">
          {readProblems.map((p) => (
            <li key={`${p.field}:${p.message}`} className="form__problem">{`${p.field}: ${p.message} (the form shows the default)`}</li>
          ))}
        </ul>
      ) : null}
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <HostedProgramSection ctx={ctx} mode={mode} firstRef={firstRef} />
        <HostedStopRestartSection ctx={ctx} />
        <HostedProbesSection ctx={ctx} />
        <LogRotationEditor ctx={ctx} />
        <HostedLimitsSection ctx={ctx} templates={templates} logicalProcessors={logicalProcessors} />
        <HostedPlanPreview state={plan} mode={mode.kind} onCopy={onCopy} />
        {other.length > 0 ? (
          <ul className="form__problems">
            {other.map((m) => (
              <li key={m} className="form__problem" data-testid="hosted-form-problem" data-field="">
                {m}
              </li>
            ))}
          </ul>
        ) : null}
        {applyNote ? (
          <p className={applyNote.tone === 'error' ? 'status-line status-line--error' : 'status-line'} role={applyNote.tone === 'error' ? 'alert' : 'status'} data-testid="hosted-wizard-note">
            {applyNote.text}
          </p>
        ) : null}
        <div className="modal__buttons">
          <span className="status-line" role="status" data-testid="hosted-wizard-waiting">
            {applying ? 'Waiting for the confirmation in the main window…' : submitted && !canApply ? whyNotYet : ''}
          </span>
          <span className="modal__spacer" />
          {/* Never disabled: Apply with problems left is how every problem gets to speak. */}
          <button type="submit" className="button--primary" disabled={applying} data-can-apply={canApply} data-testid="hosted-wizard-apply">
            {editing ? 'Apply changes…' : 'Install…'}
          </button>
          <button type="button" onClick={onCancel} data-testid="hosted-wizard-cancel">
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
