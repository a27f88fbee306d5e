import { describe, expect, it, vi } from 'vitest';
import { serviceCommands, type ServiceViewCommands } from './service-commands';
import type { ServiceMenuHandlers, ServiceMenuModel } from './ServiceMenu';

const handlers = (): ServiceMenuHandlers => ({
  onControl: vi.fn(),
  onEdit: vi.fn(),
  onUninstall: vi.fn(),
  onFixPath: vi.fn(),
  onCopyName: vi.fn(),
  onCopyRows: vi.fn(),
  onClose: vi.fn(),
});
const view = (over: Partial<ServiceViewCommands> = {}): ServiceViewCommands => ({
  shown: 3,
  filter: '',
  onlyHosted: false,
  hasDetails: true,
  onNew: vi.fn(),
  onNewHosted: vi.fn(),
  onExportCsv: vi.fn(),
  onOnlyHosted: vi.fn(),
  onShowDetails: vi.fn(),
  onClearFilter: vi.fn(),
  ...over,
});
const running: ServiceMenuModel = {
  subject: 'Spooler',
  count: 1,
  allowed: { start: false, stop: true, pause: false, continue: false, restart: true },
  single: true,
  unquoted: false,
};

describe('serviceCommands', () => {
  it('offers the controls the state allows through the menu handler, and says why the others cannot run', () => {
    const h = handlers();
    const commands = serviceCommands(running, h, view());
    const stop = commands.find((c) => c.id === 'palette-service-menu-stop');
    expect(stop?.disabledReason).toBeNull();
    expect(stop?.detail).toBe('Spooler');
    stop?.run();
    expect(h.onControl).toHaveBeenCalledWith('stop');
    expect(commands.find((c) => c.id === 'palette-service-menu-start')?.disabledReason).toBe('Its state does not allow it');
    expect(commands.find((c) => c.id === 'palette-service-menu-uninstall')?.disabledReason).toBeNull();
  });

  it('lists every action disabled, with why, without a selection, and edit for one service only', () => {
    const none = serviceCommands({ ...running, subject: '0 services', count: 0, single: false, allowed: { start: false, stop: false, pause: false, continue: false, restart: false } }, handlers(), view({ hasDetails: false }));
    for (const c of none.filter((x) => x.group === 'Action')) expect(c.disabledReason).toBe('Select a service first');
    expect(none.find((c) => c.id === 'palette-service-details')?.disabledReason).toBe('Select a service first');
    const two = serviceCommands({ ...running, subject: '2 services', count: 2, single: false }, handlers(), view());
    expect(two.find((c) => c.id === 'palette-service-menu-edit')?.disabledReason).toBe('Select one service');
  });

  it("offers install, hosted only, export and clearing the filter", () => {
    const v = view({ filter: 'state:running', onlyHosted: true });
    const commands = serviceCommands(running, handlers(), v);
    commands.find((c) => c.id === 'palette-service-hosted-only')?.run();
    expect(v.onOnlyHosted).toHaveBeenCalledWith(false);
    expect(commands.find((c) => c.id === 'palette-service-hosted-only')?.label).toBe('Show every service');
    expect(commands.find((c) => c.id === 'palette-service-clear-filter')?.detail).toBe('state:running');
    const ids = commands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
