import type { ReactNode } from 'react';
import { CheckedField } from '../../shared/FormField';
import type { HostedForm, HostedFormField } from './hosted-form';

/** What every section of the hosted wizard gets: the form, a setter, the problems to show and where focus left. */
export interface HostedFieldContext {
  readonly ids: string;
  readonly form: HostedForm;
  set<K extends keyof HostedForm>(key: K, value: HostedForm[K]): void;
  /** The problems shown beside this field now (after it was touched, or on submit). */
  problemsOf(field: HostedFormField): readonly string[];
  /** Focus left this field: its problems may speak from now on. */
  touch(field: HostedFormField): void;
}

/** The props a field's control spreads: its id and what describes it. */
export interface FieldAria {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
}

/** The DOM id of a field's control ("readiness.probe" -> "…-readiness-probe"). */
export function fieldId(ids: string, field: string): string {
  return `${ids}-${field.replace(/\./g, '-')}`;
}

/**
 * One labelled field of the hosted wizard with its hint and problems beside it (aria-describedby), touched
 * when focus leaves it. A `group` holds several controls (a probe, the stop methods): a named group, not a label.
 */
export function HostedField({
  ctx,
  field,
  label,
  hint,
  group = false,
  children,
}: {
  ctx: HostedFieldContext;
  field: HostedFormField;
  label: string;
  hint?: ReactNode;
  group?: boolean;
  children: (aria: FieldAria) => ReactNode;
}) {
  return (
    <CheckedField
      id={fieldId(ctx.ids, field)}
      field={field}
      label={label}
      hint={hint}
      problems={ctx.problemsOf(field)}
      problemTestId="hosted-form-problem"
      group={group}
      onBlur={() => ctx.touch(field)}
      // The hosted wizard gates problems itself (touched on blur, all on Apply): show what it passes.
      revealed
    >
      {(a) => children({ id: a.id, 'aria-describedby': a.describedBy, 'aria-invalid': a.invalid || undefined })}
    </CheckedField>
  );
}

/** A text box typed as a number, with its unit after it ("s", "MB"). */
export function NumberInput({ aria, value, onValue, unit, testId }: { aria: FieldAria; value: string; onValue: (v: string) => void; unit?: string; testId: string }) {
  const input = <input {...aria} className="form__input form__input--number" inputMode="decimal" value={value} onChange={(e) => onValue(e.currentTarget.value)} data-testid={testId} />;
  return unit === undefined ? (
    input
  ) : (
    <div className="limit__amount">
      {input}
      <span className="hosted__unit">{unit}</span>
    </div>
  );
}
