import { useRef, type KeyboardEvent } from 'react';
import { unseenErrorCounts, useToasts } from '../shared/toast-store';
import { tabIndexForKey } from './tab-keys';
import { panelElementId, tabElementId, TABS, type TabId } from './tabs';

/**
 * The section tabs (WAI-ARIA tabs pattern): one tab stop for the whole list, arrows/Home/End move and
 * select, each tab controls its panel. A tab other than the shown one with error toasts not seen yet
 * carries their count (in words for screen readers).
 */
export function TabList({ active, onSelect }: { active: TabId; onSelect: (id: TabId) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const activeIndex = TABS.findIndex((t) => t.id === active);
  const unseen = unseenErrorCounts(useToasts());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = tabIndexForKey(event.key, activeIndex, TABS.length);
    const tab = next === null ? undefined : TABS[next];
    if (next === null || !tab) return;
    event.preventDefault();
    onSelect(tab.id);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label="Sections" onKeyDown={onKeyDown}>
      {TABS.map((tab, index) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          role="tab"
          id={tabElementId(tab.id)}
          aria-controls={panelElementId(tab.id)}
          aria-selected={tab.id === active}
          tabIndex={tab.id === active ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
          <UnseenErrors count={tab.id === active ? 0 : (unseen.get(tab.id) ?? 0)} />
        </button>
      ))}
    </div>
  );
}

/** The count of a tab's unseen error toasts: a number to see, words to hear. */
function UnseenErrors({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <>
      <span className="tab__errors" aria-hidden="true" data-testid="tab-unseen-errors">
        {count}
      </span>
      <span className="visually-hidden">{`, ${count} unseen error${count === 1 ? '' : 's'}`}</span>
    </>
  );
}
