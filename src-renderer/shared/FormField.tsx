/** Pieces the dialogs' and views' forms share, so their fields read and behave alike. */
import type { ReactNode, Ref } from 'react';

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
