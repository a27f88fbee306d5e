/**
 * The Services view's command palette entries: the context menu's controls and edits on the selection
 * (built by serviceMenuEntries, so they run the menu's own handlers and main still confirms stop,
 * uninstall and every change), then the view's own commands (install, export, hosted only, details, the
 * filter). Pure, so the list is unit tested.
 */
import { menuCommands, type PaletteCommand } from '../shared/palette-commands';
import { serviceMenuEntries, type ServiceMenuHandlers, type ServiceMenuModel } from './ServiceMenu';

/** What the view's own commands need. */
export interface ServiceViewCommands {
  readonly shown: number;
  readonly filter: string;
  readonly onlyHosted: boolean;
  /** A service's details are shown (one is focused or the only one selected). */
  readonly hasDetails: boolean;
  readonly onNew: () => void;
  readonly onNewHosted: () => void;
  readonly onExportCsv: () => void;
  readonly onOnlyHosted: (on: boolean) => void;
  readonly onShowDetails: () => void;
  readonly onClearFilter: () => void;
}

/** Words an admin may type for an action, by the menu item's test id. */
const KEYWORDS: Readonly<Record<string, string>> = {
  'service-menu-start': 'run launch',
  'service-menu-stop': 'halt end kill',
  'service-menu-restart': 'bounce reload',
  'service-menu-edit': 'configure change properties',
  'service-menu-uninstall': 'delete remove',
  'service-menu-fix-path': 'unquoted cwe-428 quote',
  'service-menu-copy-name': 'clipboard',
  'service-menu-copy-rows': 'clipboard',
};

/** Why a menu command cannot run now, for a selection of `count` services. */
function whyNot(id: string, count: number): string {
  if (count === 0) return 'Select a service first';
  if (id === 'palette-service-menu-edit' || id === 'palette-service-menu-uninstall') return 'Select one service';
  return count === 1 ? 'Its state does not allow it' : 'No selected service is in a state that allows it';
}

/** Every command for the current selection and view. */
export function serviceCommands(model: ServiceMenuModel, handlers: ServiceMenuHandlers, v: ServiceViewCommands): PaletteCommand[] {
  const subject = model.count === 0 ? 'no service selected' : model.subject;
  const actions = menuCommands(serviceMenuEntries(model, handlers), { subject, disabledReason: '', keywords: KEYWORDS }).map((c) =>
    // Copying needs a selection too: the menu only shows them with one.
    c.disabledReason !== null || model.count === 0 ? { ...c, disabledReason: whyNot(c.id, model.count) } : c,
  );
  const own: PaletteCommand[] = [
    { id: 'palette-service-new', group: 'View', label: 'New service…', keywords: 'install create add', run: v.onNew },
    { id: 'palette-service-new-hosted', group: 'View', label: 'Run a program as a service…', keywords: 'install create host node python', run: v.onNewHosted },
    {
      id: 'palette-service-details',
      group: 'View',
      label: 'Go to the service details',
      detail: v.hasDetails ? subject : undefined,
      keywords: 'properties open',
      disabledReason: v.hasDetails ? null : 'Select a service first',
      run: v.onShowDetails,
    },
    {
      id: 'palette-service-hosted-only',
      group: 'View',
      label: v.onlyHosted ? 'Show every service' : 'Show only hosted programs',
      keywords: 'hosted filter',
      run: () => v.onOnlyHosted(!v.onlyHosted),
    },
    { id: 'palette-service-export', group: 'View', label: 'Export services as CSV…', keywords: 'save csv file', disabledReason: v.shown === 0 ? 'No service shows' : null, run: v.onExportCsv },
  ];
  if (v.filter.trim() !== '') own.push({ id: 'palette-service-clear-filter', group: 'View', label: 'Clear the service filter', detail: v.filter.trim(), run: v.onClearFilter });
  return [...actions, ...own];
}
