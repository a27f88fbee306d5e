/**
 * What the command palette lists (Ctrl+K): commands views and the shell publish, how a typed query picks
 * among them, and how a context menu's entries become commands (so the palette runs exactly what the menu
 * runs, main-process confirmations included). Pure, so matching and the menu adapter are unit tested.
 */
import type { MenuEntry } from './Menu';

/** Where a command sits in the list: the selection's actions first, then the view, tabs and settings. */
export const PALETTE_GROUPS = ['Action', 'View', 'Go to', 'Setting'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/** One command the palette can run. */
export interface PaletteCommand {
  /** Unique within the palette; also its test id ("palette-process-menu-terminate"). */
  readonly id: string;
  readonly group: PaletteGroup;
  /** What it does: "Terminate", "Go to Services", "Refresh every 2 s". */
  readonly label: string;
  /** What it acts on or its state: "notepad.exe (PID 1234)", "current". */
  readonly detail?: string;
  /** Other words it is found by ("kill end task"). */
  readonly keywords?: string;
  /** The key that does the same elsewhere ("Del"). */
  readonly shortcut?: string;
  /** Why it cannot run now ("Select a process first"); null or absent when it can. */
  readonly disabledReason?: string | null;
  readonly run: () => void;
}

/**
 * The commands matching a query: every word of the query somewhere in the group, label, detail or
 * keywords (any case). Runnable commands come before disabled ones, then by group, then as published.
 */
export function matchCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const picked = commands
    .map((command, index) => ({ command, index }))
    .filter(({ command: c }) => {
      if (words.length === 0) return true;
      const text = `${c.group} ${c.label} ${c.detail ?? ''} ${c.keywords ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  const rank = (c: PaletteCommand) => (c.disabledReason ? PALETTE_GROUPS.length : 0) + PALETTE_GROUPS.indexOf(c.group);
  picked.sort((a, b) => rank(a.command) - rank(b.command) || a.index - b.index);
  return picked.map((p) => p.command);
}

/** How a context menu's entries read as palette commands. */
export interface MenuCommandOptions {
  /** What the menu acts on ("notepad.exe (PID 1234)", "3 services"), shown beside each command. */
  readonly subject: string;
  /** Why a disabled entry cannot run ("Select a process first"). */
  readonly disabledReason: string;
  /** Other words per test id ("kill" for terminate). */
  readonly keywords?: Readonly<Record<string, string>>;
}

/**
 * A context menu's entries as Action commands running the same handlers: a group's items read
 * "Priority: High" and the checked one says "current"; separators drop out.
 */
export function menuCommands(entries: readonly MenuEntry[], options: MenuCommandOptions, prefix = ''): PaletteCommand[] {
  const out: PaletteCommand[] = [];
  for (const entry of entries) {
    if (entry.type === 'separator') continue;
    if (entry.type === 'group') {
      out.push(...menuCommands(entry.items, options, `${prefix}${entry.label}: `));
      continue;
    }
    out.push({
      id: `palette-${entry.testId}`,
      group: 'Action',
      label: `${prefix}${entry.label}`,
      detail: entry.checked ? `${options.subject} (current)` : options.subject,
      keywords: options.keywords?.[entry.testId],
      shortcut: entry.shortcut?.shown,
      disabledReason: entry.disabled ? options.disabledReason : null,
      run: entry.onSelect,
    });
  }
  return out;
}
