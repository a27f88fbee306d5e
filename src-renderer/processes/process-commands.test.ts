import { describe, expect, it, vi } from 'vitest';
import { processCommands, type ProcessViewCommands } from './process-commands';
import type { ProcessMenuHandlers, ProcessMenuModel } from './ProcessMenu';

const handlers = (): ProcessMenuHandlers => ({
  onAction: vi.fn(),
  onAffinity: vi.fn(),
  onCopyCell: vi.fn(),
  onCopyRows: vi.fn(),
  onCopyCommandLine: vi.fn(),
  onClose: vi.fn(),
});
const view = (over: Partial<ProcessViewCommands> = {}): ProcessViewCommands => ({
  view: 'tree',
  shown: 10,
  filter: '',
  onView: vi.fn(),
  onChooseColumns: vi.fn(),
  onExportCsv: vi.fn(),
  onClearFilter: vi.fn(),
  ...over,
});
const one: ProcessMenuModel = { subject: 'notepad.exe (PID 42)', count: 1, priority: 'normal', columnLabel: 'CPU' };

describe('processCommands', () => {
  it('offers every menu action on the selection, running the menu handler with the same request', () => {
    const h = handlers();
    const commands = processCommands(one, h, view());
    const labels = commands.filter((c) => c.group === 'Action').map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['Terminate', 'Terminate tree', 'Suspend', 'Resume', 'Priority: High', 'Set affinity…', 'Copy row', 'Copy command line']));
    // "Copy <column>" needs a right-clicked cell: not a palette command.
    expect(labels.some((l) => l.startsWith('Copy CPU'))).toBe(false);
    const terminate = commands.find((c) => c.label === 'Terminate');
    expect(terminate?.detail).toBe('notepad.exe (PID 42)');
    expect(terminate?.disabledReason).toBeNull();
    terminate?.run();
    expect(h.onAction).toHaveBeenCalledWith({ kind: 'terminate' });
    commands.find((c) => c.label === 'Priority: High')?.run();
    expect(h.onAction).toHaveBeenLastCalledWith({ kind: 'setPriority', priorityClass: 'high' });
    expect(commands.find((c) => c.label === 'Priority: Normal')?.detail).toBe('notepad.exe (PID 42) (current)');
  });

  it('lists the actions disabled, with why, when nothing running is selected', () => {
    const commands = processCommands({ ...one, subject: '0 processes', count: 0 }, handlers(), view());
    for (const c of commands.filter((x) => x.group === 'Action')) expect(c.disabledReason).toBe('Select a running process first');
  });

  it("offers the view's layout, columns, export and clearing the filter", () => {
    const v = view({ filter: 'cpu>5', shown: 0 });
    const commands = processCommands(one, handlers(), v);
    commands.find((c) => c.id === 'palette-process-view')?.run();
    expect(v.onView).toHaveBeenCalledWith('flat');
    expect(commands.find((c) => c.id === 'palette-process-export')?.disabledReason).toBe('No process shows');
    expect(commands.find((c) => c.id === 'palette-process-clear-filter')?.detail).toBe('cpu>5');
    expect(processCommands(one, handlers(), view()).some((c) => c.id === 'palette-process-clear-filter')).toBe(false);
    expect(processCommands(one, handlers(), view({ view: 'flat' })).find((c) => c.id === 'palette-process-view')?.label).toBe('Show processes as a tree');
  });

  it('gives every command its own id', () => {
    const ids = processCommands(one, handlers(), view({ filter: 'x' })).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
