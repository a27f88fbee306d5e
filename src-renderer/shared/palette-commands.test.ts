import { describe, expect, it, vi } from 'vitest';
import type { MenuEntry } from './Menu';
import { matchCommands, menuCommands, type PaletteCommand } from './palette-commands';

const cmd = (id: string, group: PaletteCommand['group'], label: string, over: Partial<PaletteCommand> = {}): PaletteCommand => ({ id, group, label, run: vi.fn(), ...over });

describe('matchCommands', () => {
  const all = [
    cmd('go', 'Go to', 'Go to Services'),
    cmd('pause', 'Setting', 'Pause updates', { keywords: 'refresh freeze' }),
    cmd('term', 'Action', 'Terminate', { detail: 'notepad.exe (PID 4)', disabledReason: 'Select a process first' }),
    cmd('flat', 'View', 'Show as flat list'),
    cmd('suspend', 'Action', 'Suspend', { detail: 'notepad.exe (PID 4)' }),
  ];

  it('lists runnable commands first, by group (actions, view, tabs, settings), disabled ones last', () => {
    expect(matchCommands(all, '').map((c) => c.id)).toEqual(['suspend', 'flat', 'go', 'pause', 'term']);
  });

  it('needs every word somewhere in the group, label, detail or keywords, in any case', () => {
    expect(matchCommands(all, 'FREEZE').map((c) => c.id)).toEqual(['pause']);
    expect(matchCommands(all, 'notepad term').map((c) => c.id)).toEqual(['term']);
    expect(matchCommands(all, 'go serv').map((c) => c.id)).toEqual(['go']);
    expect(matchCommands(all, 'nothing like this')).toEqual([]);
  });
});

describe('menuCommands', () => {
  it('turns menu items into actions running the same handler, groups into "Group: item", and says why a disabled one cannot run', () => {
    const terminate = vi.fn();
    const high = vi.fn();
    const entries: MenuEntry[] = [
      { type: 'item', label: 'Terminate', testId: 'process-menu-terminate', shortcut: { shown: 'Del', aria: 'Delete' }, disabled: true, onSelect: terminate },
      { type: 'separator' },
      {
        type: 'group',
        label: 'Priority',
        items: [
          { type: 'item', label: 'Normal', testId: 'process-menu-priority-normal', checked: true, onSelect: vi.fn() },
          { type: 'item', label: 'High', testId: 'process-menu-priority-high', onSelect: high },
        ],
      },
    ];
    const commands = menuCommands(entries, { subject: 'a.exe (PID 9)', disabledReason: 'Select a process first', keywords: { 'process-menu-terminate': 'kill' } });
    expect(commands.map((c) => [c.id, c.label, c.detail, c.disabledReason, c.shortcut, c.keywords])).toEqual([
      ['palette-process-menu-terminate', 'Terminate', 'a.exe (PID 9)', 'Select a process first', 'Del', 'kill'],
      ['palette-process-menu-priority-normal', 'Priority: Normal', 'a.exe (PID 9) (current)', null, undefined, undefined],
      ['palette-process-menu-priority-high', 'Priority: High', 'a.exe (PID 9)', null, undefined, undefined],
    ]);
    commands[2]?.run();
    expect(high).toHaveBeenCalledOnce();
    expect(commands.every((c) => c.group === 'Action')).toBe(true);
  });
});
