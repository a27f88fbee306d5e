/**
 * The Processes view's command palette entries: the context menu's actions on the selection (built by
 * processMenuEntries, so they run the menu's own handlers and main still confirms terminate and suspend),
 * then the view's own commands (layout, columns, export, the filter). Pure, so the list is unit tested.
 */
import { menuCommands, type PaletteCommand } from '../shared/palette-commands';
import { processMenuEntries, type ProcessMenuHandlers, type ProcessMenuModel } from './ProcessMenu';

/** What the view's own commands need. */
export interface ProcessViewCommands {
  readonly view: 'tree' | 'flat';
  /** How many rows show (nothing to export at 0). */
  readonly shown: number;
  readonly filter: string;
  readonly onView: (view: 'tree' | 'flat') => void;
  readonly onChooseColumns: () => void;
  readonly onExportCsv: () => void;
  readonly onClearFilter: () => void;
}

/** Words an admin may type for an action, by the menu item's test id. */
const KEYWORDS: Readonly<Record<string, string>> = {
  'process-menu-terminate': 'kill end task stop',
  'process-menu-terminate-tree': 'kill end task stop children descendants',
  'process-menu-suspend': 'pause freeze',
  'process-menu-resume': 'continue unfreeze thaw',
  'process-menu-affinity': 'cpu cores processors',
  'process-menu-copy-rows': 'clipboard',
  'process-menu-copy-command-line': 'clipboard',
};

/** Every command for the current selection and view. */
export function processCommands(model: ProcessMenuModel, handlers: ProcessMenuHandlers, v: ProcessViewCommands): PaletteCommand[] {
  const disabledReason = 'Select a running process first';
  const actions = menuCommands(processMenuEntries({ ...model, columnLabel: null }, handlers), { subject: model.subject, disabledReason, keywords: KEYWORDS });
  // Copying needs a selection too: the menu only shows them with one.
  const copy = new Set(['palette-process-menu-copy-rows', 'palette-process-menu-copy-command-line']);
  const own: PaletteCommand[] = [
    {
      id: 'palette-process-view',
      group: 'View',
      label: v.view === 'tree' ? 'Show processes as a flat list' : 'Show processes as a tree',
      keywords: 'layout tree flat',
      run: () => v.onView(v.view === 'tree' ? 'flat' : 'tree'),
    },
    { id: 'palette-process-columns', group: 'View', label: 'Choose process columns…', keywords: 'columns fields show hide', run: v.onChooseColumns },
    {
      id: 'palette-process-export',
      group: 'View',
      label: 'Export processes as CSV…',
      keywords: 'save csv file',
      disabledReason: v.shown === 0 ? 'No process shows' : null,
      run: v.onExportCsv,
    },
  ];
  if (v.filter.trim() !== '') own.push({ id: 'palette-process-clear-filter', group: 'View', label: 'Clear the process filter', detail: v.filter.trim(), run: v.onClearFilter });
  return [...actions.map((c) => (copy.has(c.id) && model.count === 0 ? { ...c, disabledReason } : c)), ...own];
}
