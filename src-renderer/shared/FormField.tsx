/** Pieces the dialogs' and views' forms share, so their fields read and behave alike. */
import { useState, type ReactNode, type Ref } from 'react';

/** A labelled form field: the label, then its control and whatever follows it (a hint, problems). */
export function FormField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="form__field">
      <label htmlFor={id} className="form__label">
        {label}
      </label>
      {children}
    </div>
  );
}

/** What a checked field's control is told: its id, what describes it, and whether it holds a problem now. */
export interface CheckedFieldAria {
  readonly id: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
}

/**
 * A labelled field with its hint and its problems beside it (aria-describedby), as the service wizards
 * show them. A `group` holds several controls (a dependency picker, a probe, the stop methods): a named
 * group rather than a label. `onBlur` is called when focus leaves anything in it.
 *
 * Problems speak only once the field is touched (a control in it changed) or `revealed` (the form was
 * submitted, or the owner gates problems itself): a form says nothing is wrong before anything is typed.
 * Focus merely passing through does not touch it: dialogs focus their first field, and leaving that
 * untouched field is not a mistake yet.
 */
export function CheckedField({
  id,
  field,
  label,
  hint,
  problems: allProblems,
  problemTestId,
  group = false,
  onBlur,
  revealed = false,
  children,
}: {
  id: string;
  /** The form's name for the field (data-field), so tests and focus-on-submit can find it. */
  field: string;
  label: string;
  hint?: ReactNode;
  problems: readonly string[];
  problemTestId: string;
  group?: boolean;
  onBlur?: () => void;
  /** Show the problems whether touched or not (after submit, or when the owner already filtered them). */
  revealed?: boolean;
  children: (aria: CheckedFieldAria) => ReactNode;
}) {
  const [touched, setTouched] = useState(false);
  const leave = () => onBlur?.();
  // React's change events bubble: any control inside marks the field touched.
  const change = () => setTouched(true);
  const problems = touched || revealed ? allProblems : [];
  const hintId = hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const describedBy = [hintId, problemsId].filter(Boolean).join(' ') || undefined;
  const control = children({ id, describedBy, invalid: problems.length > 0 });
  const after = (
    <>
      {hint ? (
        <p id={hintId} className="form__hint">
          {hint}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul id={problemsId} className="form__problems">
          {problems.map((m) => (
            <li key={m} className="form__problem" data-testid={problemTestId} data-field={field}>
              {m}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
  if (group) {
    return (
      <div className="form__field" data-field={field} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} onBlur={leave} onChange={change}>
        <p id={`${id}-label`} className="form__label">
          {label}
        </p>
        {control}
        {after}
      </div>
    );
  }
  return (
    <div className="form__field" data-field={field} onBlur={leave} onChange={change}>
      <label htmlFor={id} className="form__label">
        {label}
      </label>
      {control}
      {after}
    </div>
  );
}

/**
 * A text box for a command line or a path: monospace, and no spell check or autocomplete (both would
 * "correct" program names and switches).
 */
export function CommandInput({
  ref,
  id,
  value,
  onValue,
  invalid,
  placeholder,
  testId,
}: {
  ref?: Ref<HTMLInputElement>;
  id: string;
  value: string;
  onValue: (value: string) => void;
  invalid: boolean | undefined;
  placeholder?: string;
  testId: string;
}) {
  return (
    <input
      ref={ref}
      id={id}
      className="form__input form__input--mono"
      value={value}
      spellCheck={false}
      autoComplete="off"
      placeholder={placeholder}
      onChange={(e) => onValue(e.currentTarget.value)}
      aria-invalid={invalid || undefined}
      data-testid={testId}
    />
  );
}
