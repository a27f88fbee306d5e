import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { RequestOf, SettingsValue } from '../../src-preload/contract/schemas';
import { isConnected, reportFailure, request, useEvent } from '../lib/api';
import { JobAlertToasts } from '../jobs/JobAlertToasts';
import { JobsView } from '../jobs/JobsView';
import { PerformanceView } from '../performance/PerformanceView';
import { ProcessesView, type ProcessFocus } from '../processes/ProcessesView';
import { RunView } from '../run/RunView';
import { ServicesView } from '../services/ServicesView';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { KeptSelectionProvider } from '../shared/kept-selection';
import type { PaletteCommand } from '../shared/palette-commands';
import { PaletteProvider, PaletteRegistry } from '../shared/palette-registry';
import { setShownTab } from '../shared/toast-store';
import { Toasts } from '../shared/Toasts';
import { CommandPalette } from './CommandPalette';
import { NotConnected } from './NotConnected';
import { RefreshControls } from './RefreshControls';
import { isPaletteKey, shellCommands } from './shell-commands';
import { SystemHeader, type SystemInfoState } from './SystemHeader';
import { TabList } from './TabList';
import { panelElementId, tabElementId, TABS, type TabId } from './tabs';

/** The shell's own failures (system information, refresh settings) belong to no tab: shown on every one. */
const SHELL = { tab: null };

/** The console: the not-connected screen without the bridge, the shell with it. */
export function App() {
  return isConnected() ? (
    <KeptSelectionProvider>
      <Shell />
    </KeptSelectionProvider>
  ) : (
    <NotConnected />
  );
}

/**
 * The shell: the machine header, refresh controls, section tabs and notifications. Holds the refresh
 * settings as main last reported them and hands them to the views.
 */
function Shell() {
  const [system, setSystem] = useState<SystemInfoState>({ status: 'loading' });
  const [settings, setSettings] = useState<SettingsValue | null>(null);
  const [active, setActive] = useState<TabId>('performance');
  // A process to show when the Processes tab opens (the Services view's PID links); the nonce tells repeats apart.
  const [processFocus, setProcessFocus] = useState<ProcessFocus | null>(null);
  const showProcess = useCallback((pid: number) => {
    setProcessFocus((current) => ({ pid, nonce: (current?.nonce ?? 0) + 1 }));
    setActive('processes');
  }, []);

  useEvent('settings:changed', setSettings);
  // Before the tab's view runs its effects: the toasts it raises belong to it.
  useLayoutEffect(() => setShownTab(active), [active]);

  useEffect(() => {
    let mounted = true;
    void request('system:getInfo', {}).then((result) => {
      if (!mounted) return;
      if (result.ok) {
        setSystem({ status: 'ready', info: result.value });
      } else {
        setSystem({ status: 'failed', message: result.error.message });
        reportFailure('Could not read system information', result.error, SHELL);
      }
    });
    void request('settings:get', {}).then((result) => {
      if (!mounted) return;
      // A settings:changed that raced ahead of this answer is as new or newer; keep it.
      if (result.ok) setSettings((current) => current ?? result.value);
      else reportFailure('Could not read the refresh settings', result.error, SHELL);
    });
    return () => {
      mounted = false;
    };
  }, []);

  const changeRefresh = useCallback((req: RequestOf<'settings:setRefresh'>, action: string) => {
    void request('settings:setRefresh', req).then((result) => {
      if (result.ok) setSettings(result.value);
      else reportFailure(action, result.error, SHELL);
    });
  }, []);

  // The command palette: views publish their commands to the registry; the shell adds tabs and settings.
  const [registry] = useState(() => new PaletteRegistry());
  const [palette, setPalette] = useState<{ returnTo: Element | null } | null>(null);
  const openPalette = useCallback(() => {
    // Not over another modal dialog (a wizard, a confirmation) or an open context menu: its own keys and focus
    // come first (as in Windows, a shortcut does nothing while a menu is open; Escape closes it first).
    if (document.querySelector('[aria-modal="true"], [role="menu"]')) return;
    setPalette((open) => open ?? { returnTo: document.activeElement });
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteKey(event)) return;
      event.preventDefault();
      openPalette();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openPalette]);
  const goTo = useCallback((id: TabId) => {
    setActive(id);
    // The old panel (and whatever had focus in it) is gone: the new section's tab takes focus.
    requestAnimationFrame(() => document.getElementById(tabElementId(id))?.focus());
  }, []);
  useEffect(() => {
    registry.set('shell', shellCommands(active, settings, { goTo, setRefresh: changeRefresh }));
  }, [registry, active, settings, goTo, changeRefresh]);
  /** Closes the palette, puts focus back where it was, then runs the chosen command (as its menu item would). */
  const closePalette = (chosen: PaletteCommand | null) => {
    const returnTo = palette?.returnTo;
    setPalette(null);
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    chosen?.run();
  };

  return (
    <div className="shell">
      <header className="shell__header">
        <div className="shell__identity">
          <h1 className="shell__title">Admin Console</h1>
          <SystemHeader system={system} />
        </div>
        <RefreshControls settings={settings} onChange={changeRefresh} />
      </header>
      <div className="shell__nav">
        <TabList active={active} onSelect={setActive} />
        <button type="button" className="shell__palette-button" aria-keyshortcuts="Control+K" onClick={openPalette} data-testid="palette-open">
          Commands… <kbd>Ctrl+K</kbd>
        </button>
      </div>
      <main className="shell__main">
        {TABS.map((tab) => (
          <div
            key={tab.id}
            id={panelElementId(tab.id)}
            role="tabpanel"
            aria-labelledby={tabElementId(tab.id)}
            hidden={tab.id !== active}
            tabIndex={0}
            className="panel"
          >
            {/* Only the shown panel is mounted: hidden charts would still redraw every tick. */}
            {tab.id === active ? (
              <ErrorBoundary what={`the ${tab.label} view`}>
                <PaletteProvider registry={registry}>
                  {renderView(tab.id, {
                    settings,
                    onSettings: setSettings,
                    processFocus,
                    onProcessFocusDone: () => setProcessFocus(null),
                    showProcess,
                    logicalProcessors: system.status === 'ready' ? system.info.logicalProcessors : null,
                  })}
                </PaletteProvider>
              </ErrorBoundary>
            ) : null}
          </div>
        ))}
      </main>
      {palette ? <CommandPalette registry={registry} onClose={closePalette} /> : null}
      <Toasts tab={active} />
      <JobAlertToasts />
    </div>
  );
}

/** What the shell hands its views. */
interface ViewContext {
  readonly settings: SettingsValue | null;
  readonly onSettings: (settings: SettingsValue) => void;
  readonly processFocus: ProcessFocus | null;
  readonly onProcessFocusDone: () => void;
  readonly showProcess: (pid: number) => void;
  /** From system:getInfo; null until it answers (the job limit editor's core picker needs it). */
  readonly logicalProcessors: number | null;
}

function renderView(id: TabId, ctx: ViewContext) {
  switch (id) {
    case 'performance':
      return <PerformanceView refresh={ctx.settings?.refresh ?? null} />;
    case 'processes':
      return <ProcessesView settings={ctx.settings} onSettings={ctx.onSettings} focus={ctx.processFocus} onFocusDone={ctx.onProcessFocusDone} />;
    case 'services':
      return <ServicesView onShowProcess={ctx.showProcess} logicalProcessors={ctx.logicalProcessors} settings={ctx.settings} onSettings={ctx.onSettings} />;
    case 'jobs':
      return <JobsView onShowProcess={ctx.showProcess} logicalProcessors={ctx.logicalProcessors} settings={ctx.settings} onSettings={ctx.onSettings} />;
    case 'run':
      return <RunView />;
  }
}
