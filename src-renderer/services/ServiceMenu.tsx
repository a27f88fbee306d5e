import { Menu, type MenuEntry } from '../shared/Menu';
import { SERVICE_VERBS, VERB_WORDS, type ServiceVerb } from './service-actions';

/** What the service context menu acts on and can do. */
export interface ServiceMenuModel {
  /** "Spooler" or "3 services": names the menu for screen readers. */
  readonly subject: string;
  readonly count: number;
  /** Per control: does any target's state allow it. */
  readonly allowed: { readonly [V in ServiceVerb]: boolean };
  /** Exactly one service: Edit and Uninstall apply to one at a time. */
  readonly single: boolean;
  /** The single target's binary path is unquoted with a space (CWE-428). */
  readonly unquoted: boolean;
}

/** What the menu's items do; the owner runs them. */
export interface ServiceMenuHandlers {
  readonly onControl: (verb: ServiceVerb) => void;
  readonly onEdit: () => void;
  readonly onUninstall: () => void;
  readonly onFixPath: () => void;
  readonly onCopyName: () => void;
  readonly onCopyRows: () => void;
  readonly onClose: () => void;
}

/** The menu's entries (pure: tests read labels, test ids and what is disabled from here). */
export function serviceMenuEntries(model: ServiceMenuModel, h: ServiceMenuHandlers): MenuEntry[] {
  const entries: MenuEntry[] = SERVICE_VERBS.map((verb) => ({
    type: 'item' as const,
    label: VERB_WORDS[verb].label,
    testId: `service-menu-${verb}`,
    disabled: !model.allowed[verb],
    onSelect: () => h.onControl(verb),
  }));
  entries.push(
    { type: 'separator' },
    { type: 'item', label: 'Edit…', testId: 'service-menu-edit', disabled: !model.single, onSelect: h.onEdit },
    { type: 'item', label: 'Uninstall…', testId: 'service-menu-uninstall', disabled: !model.single, onSelect: h.onUninstall },
  );
  if (model.single && model.unquoted) entries.push({ type: 'item', label: 'Quote the path…', testId: 'service-menu-fix-path', onSelect: h.onFixPath });
  entries.push(
    { type: 'separator' },
    { type: 'item', label: model.count > 1 ? 'Copy names' : 'Copy name', testId: 'service-menu-copy-name', onSelect: h.onCopyName },
    { type: 'item', label: model.count > 1 ? 'Copy rows' : 'Copy row', shortcut: { shown: 'Ctrl+C', aria: 'Control+C' }, testId: 'service-menu-copy-rows', onSelect: h.onCopyRows },
  );
  return entries;
}

/** The service context menu: the shared Menu with the controls, Edit, Uninstall, the path fix and copying. */
export function ServiceMenu({ at, model, handlers }: { at: { x: number; y: number }; model: ServiceMenuModel; handlers: ServiceMenuHandlers }) {
  return <Menu at={at} label={`Actions for ${model.subject}`} testId="service-menu" entries={serviceMenuEntries(model, handlers)} onClose={handlers.onClose} />;
}
