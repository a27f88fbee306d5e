/**
 * The shell's palette commands: every tab ("Go to Services") and the refresh settings (pause or resume,
 * each interval preset), built from what main last reported; and the keys that open the palette. Pure, so
 * the lists and the keys are unit tested.
 */
import type { RequestOf, SettingsValue } from '../../src-preload/contract/schemas';
import { formatInterval } from '../lib/format';
import type { PaletteCommand } from '../shared/palette-commands';
import { intervalChoices, togglePauseRequest } from './refresh-settings';
import { TABS, type TabId } from './tabs';

/** What the shell's commands do. */
export interface ShellActions {
  readonly goTo: (tab: TabId) => void;
  readonly setRefresh: (request: RequestOf<'settings:setRefresh'>, action: string) => void;
}

/** A command per tab but the shown one, then the refresh settings (disabled until main reports them). */
export function shellCommands(active: TabId, settings: SettingsValue | null, actions: ShellActions): PaletteCommand[] {
  const commands: PaletteCommand[] = TABS.filter((t) => t.id !== active).map((t) => ({
    id: `palette-go-${t.id}`,
    group: 'Go to',
    label: `Go to ${t.label}`,
    keywords: 'tab section switch',
    run: () => actions.goTo(t.id),
  }));
  const refresh = settings?.refresh;
  const notYet = refresh ? null : 'The settings have not been read yet';
  commands.push({
    id: 'palette-refresh-pause',
    group: 'Setting',
    label: refresh?.paused ? 'Resume updates' : 'Pause updates',
    detail: refresh ? (refresh.paused ? 'paused now' : `refreshing every ${formatInterval(refresh.intervalMs)}`) : undefined,
    keywords: 'refresh live freeze',
    disabledReason: notYet,
    run: () => refresh && actions.setRefresh(togglePauseRequest(refresh.paused), refresh.paused ? 'Could not resume updates' : 'Could not pause updates'),
  });
  for (const ms of intervalChoices(refresh?.intervalMs)) {
    const current = refresh?.intervalMs === ms;
    commands.push({
      id: `palette-refresh-${ms}`,
      group: 'Setting',
      label: `Refresh every ${formatInterval(ms)}`,
      keywords: 'refresh interval rate speed',
      detail: current ? 'current' : undefined,
      disabledReason: notYet ?? (current ? 'Already the interval' : null),
      run: () => actions.setRefresh({ intervalMs: ms }, 'Could not change the refresh interval'),
    });
  }
  return commands;
}

/** True for the keys that open the palette: Ctrl+K and Ctrl+Shift+P (VS Code's two). */
export function isPaletteKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
  const key = event.key.toLowerCase();
  return (key === 'k' && !event.shiftKey) || (key === 'p' && event.shiftKey);
}
