import { useEffect, useId, useRef } from 'react';

/**
 * A list's filter box in its toolbar: a labelled search input that Ctrl+F focuses from anywhere in the
 * view (only the shown tab's view is mounted, and Electron has no find bar to give the key to). Escape
 * clears it; ArrowDown or Enter hands focus to the list (`onLeave`).
 */
export function FilterBox({
  label,
  testId,
  placeholder,
  value,
  onChange,
  onLeave,
}: {
  /** The input's accessible name ("Filter processes"). */
  label: string;
  testId: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onLeave: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'f' || event.key === 'F')) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="processes__filter"
        data-testid={testId}
        placeholder={placeholder}
        aria-keyshortcuts="Control+F"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.preventDefault();
            onChange('');
          } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            onLeave();
          }
        }}
      />
    </>
  );
}
