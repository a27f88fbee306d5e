import { useId, useState } from 'react';

/** Names listed at most at once; the search box narrows the rest. */
export const PICKER_SHOWN = 200;

/** The names the picker lists for a search: every name but the service itself, matching the search, sorted. */
export function pickerOptions(names: readonly string[], search: string, self: string): string[] {
  const term = search.trim().toLowerCase();
  const selfKey = self.toLowerCase();
  return names
    .filter((n) => n.toLowerCase() !== selfKey && (term === '' || n.toLowerCase().includes(term)))
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

/**
 * Dependencies: a search box over the existing services' names and a checkbox list (multi-select), with
 * the chosen ones above as removable chips. The cycle check is main's: a cycle comes back as a plan problem.
 */
export function DependencyPicker({
  names,
  self,
  value,
  onChange,
  describedBy,
  invalid,
  notReported = null,
}: {
  names: readonly string[];
  /** The service being edited (cannot depend on itself); "" for a new one. */
  self: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
  describedBy: string | undefined;
  invalid: boolean;
  /** For an edit: why this system does not report the service's current dependencies (they are not "none"). */
  notReported?: string | null;
}) {
  const searchId = useId();
  const listId = useId();
  const [search, setSearch] = useState('');
  const chosen = new Set(value.map((v) => v.toLowerCase()));
  const options = pickerOptions(names, search, self);
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...value, name] : value.filter((v) => v.toLowerCase() !== name.toLowerCase()));

  return (
    <div className="picker">
      {value.length > 0 ? (
        <ul className="picker__chosen" aria-label="Chosen dependencies" data-testid="service-form-dependencies-chosen">
          {value.map((v) => (
            <li key={v} className="picker__chip">
              {v}
              <button type="button" aria-label={`Remove dependency ${v}`} onClick={() => toggle(v, false)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : notReported ? (
        <p className="status-line" data-testid="service-form-dependencies-unknown">
          {`Current dependencies: ${notReported}. This system's service manager drops them when the display name, command line, startup type, error control or account change, so such a change is refused unless you choose the dependencies here to set them explicitly. Description and recovery can be changed.`}
        </p>
      ) : (
        <p className="status-line">No dependencies: the service can start on its own.</p>
      )}
      <label htmlFor={searchId} className="visually-hidden">
        Search services to depend on
      </label>
      <input
        id={searchId}
        type="search"
        className="form__input"
        placeholder="Search services to depend on"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        aria-controls={listId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-testid="service-form-dependency-search"
      />
      <div id={listId} className="picker__list" role="group" aria-label="Services to depend on">
        {options.slice(0, PICKER_SHOWN).map((name) => (
          <label key={name} className="picker__option">
            <input
              type="checkbox"
              checked={chosen.has(name.toLowerCase())}
              onChange={(e) => toggle(name, e.currentTarget.checked)}
              data-testid="service-form-dependency"
              data-name={name}
            />
            {name}
          </label>
        ))}
        {options.length === 0 ? <p className="status-line">No service matches.</p> : null}
        {options.length > PICKER_SHOWN ? <p className="status-line">{`${options.length - PICKER_SHOWN} more: narrow the search.`}</p> : null}
      </div>
    </div>
  );
}
