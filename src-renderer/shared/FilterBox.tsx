import { useEffect, useId, useRef, useState } from 'react';
import type { FilterField, FilterProblem } from './filter-query';

/** How a field's values are written, for the help. */
function valueHint(field: FilterField<never>): string {
  if (field.kind === 'text') return 'contains';
  if (field.kind === 'flag') return 'yes/no';
  switch (field.unit) {
    case 'percent':
      return '%';
    case 'bytes':
      return 'size (KB, MB, GB)';
    case 'count':
      return 'number';
    case 'duration':
      return 'time (ms, s, m, h)';
  }
}

/**
 * A list's filter box in its toolbar: a labelled search input that Ctrl+F focuses from anywhere in the
 * view (only the shown tab's view is mounted, and Electron has no find bar to give the key to). Escape
 * clears it; ArrowDown or Enter hands focus to the list (`onLeave`). Plain words match as they always
 * did; the table's `fields` take structured terms (filter-query.ts), listed in the "?" help, and terms
 * that could not be understood are said under the box (`problems`) while the rest still filter.
 */
export function FilterBox({
  label,
  testId,
  placeholder,
  value,
  onChange,
  onLeave,
  fields = [],
  problems = [],
}: {
  /** The input's accessible name ("Filter processes"). */
  label: string;
  testId: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onLeave: () => void;
  /** The table's filter fields, for the help; none hides the help button. */
  fields?: readonly FilterField<never>[];
  /** Terms left out of the filter, and why. */
  problems?: readonly FilterProblem[];
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const helpButtonRef = useRef<HTMLButtonElement>(null);
  const helpRef = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const id = useId();
  const problemsId = `${id}-problems`;
  const helpId = `${id}-help`;

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

  // The help closes on a click outside it (as the column chooser does).
  useEffect(() => {
    if (!helpOpen) return undefined;
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!helpRef.current?.contains(target) && !helpButtonRef.current?.contains(target)) setHelpOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [helpOpen]);

  const closeHelp = () => {
    setHelpOpen(false);
    helpButtonRef.current?.focus();
  };

  return (
    <div className="filter-box">
      <div className="filter-box__row">
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
          aria-describedby={problems.length > 0 ? problemsId : undefined}
          aria-invalid={problems.length > 0 ? true : undefined}
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
        {fields.length > 0 ? (
          <button
            ref={helpButtonRef}
            type="button"
            className="filter-box__help-button"
            aria-label={`${label}: syntax and fields`}
            title="Filter syntax and fields"
            aria-expanded={helpOpen}
            aria-controls={helpOpen ? helpId : undefined}
            data-testid={`${testId}-help-button`}
            onClick={() => setHelpOpen((o) => !o)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && helpOpen) {
                e.preventDefault();
                closeHelp();
              }
            }}
          >
            ?
          </button>
        ) : null}
      </div>
      {/* Always in the DOM, so a screen reader hears a problem when it appears. */}
      <div id={problemsId} className="filter-box__problems" role="status" data-testid={`${testId}-problems`}>
        {problems.map((p, i) => (
          // The same bad term may be typed twice: the index keeps keys apart.
          <p key={`${i}:${p.term}`} className="filter-box__problem">
            Ignored <code>{p.term}</code>: {p.message}
          </p>
        ))}
      </div>
      {helpOpen ? (
        <div
          ref={helpRef}
          id={helpId}
          className="filter-box__help"
          role="dialog"
          aria-label={`${label}: syntax`}
          data-testid={`${testId}-help`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              closeHelp();
            }
          }}
        >
          <p className="filter-box__help-intro">
            Words match anywhere, as before; every term must match. <code>field:text</code> contains, <code>field&gt;n</code> <code>&lt;</code>{' '}
            <code>&gt;=</code> <code>&lt;=</code> compare (<code>field:n</code> is equal), a yes/no field alone is a term, <code>-term</code> excludes, quotes
            keep spaces. A value the system did not report never matches.
          </p>
          <table className="filter-box__fields">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">What</th>
                <th scope="col">Values</th>
                <th scope="col">Example</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.name} data-field={f.name}>
                  <th scope="row">
                    <code>{f.name}</code>
                    {f.aliases && f.aliases.length > 0 ? <span className="filter-box__aliases"> ({f.aliases.join(', ')})</span> : null}
                  </th>
                  <td>{f.description}</td>
                  <td>{valueHint(f)}</td>
                  <td>
                    <button
                      type="button"
                      className="filter-box__example"
                      title="Add to the filter"
                      onClick={() => {
                        onChange(value.trim() === '' ? f.example : `${value.trim()} ${f.example}`);
                        setHelpOpen(false);
                        inputRef.current?.focus();
                      }}
                    >
                      {f.example}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={closeHelp} data-testid={`${testId}-help-close`}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
