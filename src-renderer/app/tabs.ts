/** The console's sections, in tab order. `id` builds the tab and panel element ids. */
export const TABS = [
  { id: 'performance', label: 'Performance' },
  { id: 'processes', label: 'Processes' },
  { id: 'services', label: 'Services' },
  { id: 'jobs', label: 'Jobs' },
  { id: 'run', label: 'Run' },
] as const;

/** One section's id. */
export type TabId = (typeof TABS)[number]['id'];

/** The element id of a section's tab (its panel is labelled by it). */
export function tabElementId(id: TabId): string {
  return `tab-${id}`;
}

/** The element id of a section's panel (its tab controls it). */
export function panelElementId(id: TabId): string {
  return `panel-${id}`;
}
