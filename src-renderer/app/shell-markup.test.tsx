/**
 * Component markup checks without a DOM: react-dom/server renders to a string in node (no jsdom here),
 * which is enough to check roles, names, test ids and what each state says. Effects do not run.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemInfoValue } from '../../src-preload/contract/schemas';
import { App } from './App';
import { RefreshControls } from './RefreshControls';
import { SystemHeader } from './SystemHeader';
import { dismissToast, pushToast, setShownTab } from '../shared/toast-store';
import { TabList } from './TabList';

const info: SystemInfoValue = {
  computerName: 'ADMIN-PC',
  windowsVersion: { major: 10, minor: 0, build: 19045 },
  logicalProcessors: 8,
  totalPhysicalBytes: 16 * 1024 ** 3,
  wineVersion: null,
  consolePids: [4242],
  dataFolder: 'C:\\ProgramData\\AdminConsole',
};

const g = globalThis as { adminConsole?: unknown };
afterEach(() => {
  delete g.adminConsole;
});

describe('App', () => {
  it('says it is not connected when window.adminConsole is missing', () => {
    const html = renderToStaticMarkup(<App />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Not connected to the console&#x27;s main process');
    expect(html).not.toContain('role="tablist"');
  });

  it('renders the shell with five tabs and their panels when the bridge is there', () => {
    g.adminConsole = { on: () => () => undefined };
    const html = renderToStaticMarkup(<App />);
    for (const name of ['Performance', 'Processes', 'Services', 'Jobs', 'Run']) {
      expect(html).toMatch(new RegExp(`role="tab"[^>]*>${name}</button>`));
    }
    expect(html.match(/role="tabpanel"/g)).toHaveLength(5);
    expect(html).toContain('Loading the last ten minutes of history…');
    expect(html).toContain('Reading system information…');
  });
});

describe('SystemHeader', () => {
  it('shows the computer name and Windows version, and no Wine badge on Windows', () => {
    const html = renderToStaticMarkup(<SystemHeader system={{ status: 'ready', info }} />);
    expect(html).toContain('data-testid="system-computer-name">ADMIN-PC<');
    expect(html).toContain('data-testid="system-windows-version">Windows 10 (10.0.19045)<');
    expect(html).not.toContain('wine-badge');
  });

  it('shows a visible badge when running under Wine', () => {
    const html = renderToStaticMarkup(<SystemHeader system={{ status: 'ready', info: { ...info, wineVersion: '9.0' } }} />);
    expect(html).toMatch(/data-testid="wine-badge"[^>]*>Running under Wine 9\.0</);
  });

  it('says why system information is missing', () => {
    const html = renderToStaticMarkup(<SystemHeader system={{ status: 'failed', message: 'Access is denied.' }} />);
    expect(html).toContain('System information unavailable: Access is denied.');
  });
});

describe('TabList', () => {
  it('marks only the active tab selected and in the tab order, each controlling its panel', () => {
    const html = renderToStaticMarkup(<TabList active="services" onSelect={() => undefined} />);
    expect(html).toContain('role="tablist"');
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html).toMatch(/id="tab-services"[^>]*aria-controls="panel-services"[^>]*aria-selected="true"[^>]*tabindex="0"/);
    expect(html.match(/tabindex="-1"/g)).toHaveLength(4);
  });

  it("counts a tab's unseen error toasts on it, in words for screen readers, but not on the tab shown", () => {
    setShownTab('services');
    const ids = [pushToast({ tone: 'error', title: 'Could not stop Spooler', message: 'Access is denied.' }), pushToast({ tone: 'error', title: 'Could not start W32Time', message: 'x' })];
    ids.push(pushToast({ tone: 'info', title: 'Stopped Spooler', message: 'Done.' }));
    try {
      const away = renderToStaticMarkup(<TabList active="processes" onSelect={() => undefined} />);
      expect(away).toMatch(/id="tab-services"[^>]*>Services<span class="tab__errors" aria-hidden="true" data-testid="tab-unseen-errors">2<\/span><span class="visually-hidden">, 2 unseen errors<\/span>/);
      expect(away.match(/tab-unseen-errors/g)).toHaveLength(1);
      const there = renderToStaticMarkup(<TabList active="services" onSelect={() => undefined} />);
      expect(there).not.toContain('tab-unseen-errors');
    } finally {
      for (const id of ids) dismissToast(id);
      setShownTab(null);
    }
  });
});

describe('RefreshControls', () => {
  const settings = {
    schemaVersion: 1 as const,
    refresh: { intervalMs: 2000, paused: false },
    processes: { columns: ['name' as const, 'pid' as const], view: 'tree' as const, widths: {} },
    services: { show: 'services' as const, widths: {} },
    jobs: { widths: {} },
  };

  it('labels the interval select, selects the current interval and offers Pause updates', () => {
    const html = renderToStaticMarkup(<RefreshControls settings={settings} onChange={() => undefined} />);
    expect(html).toMatch(/<label for="([^"]+)">Refresh interval<\/label><select id="\1"/);
    expect(html).toContain('<option value="2000" selected="">2 s</option>');
    expect(html).toMatch(/data-testid="refresh-pause">Pause updates<\/button>/);
  });

  it('offers Resume updates when paused, and is disabled until settings arrive', () => {
    const paused = renderToStaticMarkup(
      <RefreshControls settings={{ ...settings, refresh: { ...settings.refresh, paused: true } }} onChange={() => undefined} />,
    );
    expect(paused).toMatch(/>Resume updates<\/button>/);
    const loading = renderToStaticMarkup(<RefreshControls settings={null} onChange={() => undefined} />);
    expect(loading.match(/disabled=""/g)).toHaveLength(2);
  });
});
