import { useEffect, useId, useMemo, useState } from 'react';
import type { Result } from '../../src-preload/contract/errors';
import type { JobLimitsFormValue, JobRowValue, JobTemplateValue } from '../../src-preload/contract/job-schemas';
import { limitsBelowUsage, type MemberUsage } from '../../src-preload/contract/limit-usage';
import { request } from '../lib/api';
import { Modal } from '../shared/Modal';
import { DialogButtons, outcomeNote, type OutcomeNote } from './dialog-outcome';
import { emptyLimitForm, formFromLimits, formToLimits, type LimitForm } from './limit-form';
import { LimitEditor } from './LimitEditor';
import { LimitsHeld } from './LimitsHeld';

/** The form an Edit limits dialog starts from: what was last asked, else what Windows holds, else nothing. */
export function initialLimitForm(job: JobRowValue): LimitForm {
  const limits = job.limitsAsked ?? job.limitsHeld;
  return limits ? formFromLimits(limits) : emptyLimitForm();
}

/** What the process list said of each process when the dialog opened: the figures members are checked against. */
type UsageByPid = ReadonlyMap<number, Pick<MemberUsage, 'privateBytes' | 'userTimeMs'>>;

/**
 * The members' usage: names and working sets from the live job row, committed memory and CPU time from the
 * process list read when the dialog opened (null where not reported or not listed then: no warning from it).
 */
export function membersUsage(job: Pick<JobRowValue, 'members'>, usage: UsageByPid): MemberUsage[] {
  return job.members.map((m) => ({ pid: m.pid, name: m.name, workingSetBytes: m.workingSetBytes, privateBytes: usage.get(m.pid)?.privateBytes ?? null, userTimeMs: usage.get(m.pid)?.userTimeMs ?? null }));
}

/**
 * Edit limits of a live job: the limit editor (optionally loaded from a template), Apply, and then what
 * Windows holds next to what was asked, with main's differences, right under the button. The dialog
 * stays open after Apply so the admin can read the result and adjust.
 */
export function LimitsDialog({
  job,
  templates,
  logicalProcessors,
  onApply,
  onClose,
}: {
  job: JobRowValue;
  templates: readonly JobTemplateValue[];
  logicalProcessors: number;
  onApply: (limits: JobLimitsFormValue) => Promise<Result<JobRowValue>>;
  onClose: () => void;
}) {
  const titleId = useId();
  const [form, setForm] = useState<LimitForm>(() => initialLimitForm(job));
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<OutcomeNote | null>(null);
  const [applied, setApplied] = useState<JobRowValue | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [usage, setUsage] = useState<UsageByPid>(() => new Map());
  const converted = useMemo(() => formToLimits(form, logicalProcessors), [form, logicalProcessors]);
  // One read of the process list when the dialog opens (not a refresh path): members' committed memory and CPU time.
  useEffect(() => {
    void request('processes:getSnapshot', {}).then((result) => {
      if (result.ok) setUsage(new Map(result.value.processes.map((p) => [p.pid, { privateBytes: p.privateBytes, userTimeMs: p.userTimeMs }])));
    });
  }, []);
  const warnings = useMemo(
    () => (converted.limits ? limitsBelowUsage(converted.limits, membersUsage(job, usage), job.accounting?.activeProcesses ?? null) : []),
    [converted.limits, job, usage],
  );

  const apply = () => {
    setSubmitted(true);
    if (!converted.limits || busy) return;
    setBusy(true);
    setNote(null);
    void onApply(converted.limits).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setNote(outcomeNote(result.error));
        return;
      }
      setApplied(result.value);
      setNote({ tone: 'info', text: appliedText(result.value) });
    });
  };

  return (
    <Modal titleId={titleId} testId="job-limits-dialog" wide onCancel={onClose}>
      <h2 id={titleId} className="modal__title">{`Limits of ${job.name}`}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        {templates.length > 0 ? (
          <div className="form__row">
            <label className="form__label" htmlFor={`${titleId}-tpl`}>
              Start from a template
            </label>
            <select
              id={`${titleId}-tpl`}
              className="form__input limit__template"
              value=""
              onChange={(e) => {
                const t = templates.find((x) => x.name === e.currentTarget.value);
                if (t) setForm(formFromLimits(t.limits));
              }}
              data-testid="job-limits-template"
            >
              <option value="">Choose…</option>
              {templates.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <LimitEditor
          form={form}
          onChange={(f) => {
            setNote(null);
            setForm(f);
          }}
          problems={converted.problems}
          logicalProcessors={logicalProcessors}
          warnings={warnings}
          revealAll={submitted}
        />
        {warnings.length > 0 ? (
          <p className="limit__warning-summary" role="note" data-testid="limit-warning-summary">
            {`${warnings.length} limit${warnings.length === 1 ? ' is' : 's are'} already below what the members use (see the notes beside ${warnings.length === 1 ? 'it' : 'them'}); the confirmation repeats ${warnings.length === 1 ? 'it' : 'them'}.`}
          </p>
        ) : null}
        {applied ? (
          <section className="form__group" data-testid="job-limits-result" aria-label="What Windows holds after Apply">
            <LimitsHeld job={applied} headingLevel={4} />
          </section>
        ) : null}
        <DialogButtons
          note={note}
          outcomeTestId="job-limits-outcome"
          submit={busy ? 'Applying…' : 'Apply'}
          submitTestId="limit-apply"
          disabled={busy || (submitted && !converted.limits)}
          onCancel={onClose}
          cancel="Close"
          cancelTestId="job-limits-close"
        />
      </form>
    </Modal>
  );
}

/** What Apply found on reading back: held as asked, not held as asked, or not reported back (unknown is no difference). */
export function appliedText(job: Pick<JobRowValue, 'differences' | 'limitsUnreported'>): string {
  const n = job.differences.length;
  const unknown = Object.keys(job.limitsUnreported).length;
  if (n === 0 && unknown === 0) return 'Applied; every limit is held as asked.';
  const parts: string[] = [];
  if (n > 0) parts.push(`${n} limit${n === 1 ? ' is' : 's are'} not held as asked`);
  if (unknown > 0) parts.push(`${unknown} limit${unknown === 1 ? ' is' : 's are'} not reported back by this system`);
  return `Applied; ${parts.join(', and ')} (below).`;
}
