import type { JobTemplateValue } from '../../../src-preload/contract/job-schemas';
import { formFromLimits, formToLimits } from '../../jobs/limit-form';
import { describeLimits } from '../../jobs/limit-text';
import { LimitEditor } from '../../jobs/LimitEditor';
import { fieldId, HostedField, type HostedFieldContext } from './HostedField';

/**
 * The program's job limits: none, or the Jobs tab's limit editor (the same component), optionally filled
 * from one of its templates. The template's name is kept as a label while the limits match it.
 */
export function HostedLimitsSection({ ctx, templates, logicalProcessors }: { ctx: HostedFieldContext; templates: readonly JobTemplateValue[]; logicalProcessors: number }) {
  const { form, set } = ctx;
  const converted = formToLimits(form.limits, logicalProcessors);
  const chosen = templates.find((t) => t.name === form.template);
  const radio = `${fieldId(ctx.ids, 'job.limits')}-source`;
  return (
    <fieldset className="form__group" data-testid="hosted-form-limits">
      <legend>Job limits</legend>
      <p className="form__hint">The program and every process it starts run in one job: ending the service ends them all. Limits are optional.</p>
      <label className="limit__check">
        <input type="radio" name={radio} checked={form.limitSource === 'none'} onChange={() => set('limitSource', 'none')} data-testid="hosted-form-limits-none" />
        No limits
      </label>
      <label className="limit__check">
        <input type="radio" name={radio} checked={form.limitSource === 'limits'} onChange={() => set('limitSource', 'limits')} data-testid="hosted-form-limits-on" />
        Limit the job
      </label>
      {form.limitSource === 'limits' ? (
        <HostedField ctx={ctx} field="job.limits" label="Limits" group hint={chosen ? [`From the template ${chosen.name}`, ...describeLimits(chosen.limits)].join(' · ') : undefined}>
          {() => (
            <>
              {templates.length > 0 ? (
                <div className="form__row">
                  <label className="form__label" htmlFor={`${radio}-template`}>
                    Start from a template
                  </label>
                  <select
                    id={`${radio}-template`}
                    className="form__input limit__template"
                    value={form.template}
                    onChange={(e) => {
                      const t = templates.find((x) => x.name === e.currentTarget.value);
                      set('template', t?.name ?? '');
                      if (t) set('limits', formFromLimits(t.limits));
                    }}
                    data-testid="hosted-form-template"
                  >
                    <option value="">By hand</option>
                    {templates.map((t) => (
                      <option key={t.name} value={t.name}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <LimitEditor
                form={form.limits}
                onChange={(next) => {
                  // Edited by hand: no longer the template's limits, so its name would mislabel them.
                  set('template', '');
                  set('limits', next);
                }}
                problems={converted.problems}
                logicalProcessors={logicalProcessors}
              />
            </>
          )}
        </HostedField>
      ) : null}
    </fieldset>
  );
}
