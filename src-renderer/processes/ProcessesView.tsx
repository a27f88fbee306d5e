import { useCallback, useDeferredValue, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { DEFAULT_PROCESS_COLUMNS, type ProcessColumn } from '../../src-preload/contract/process-fields';
import type { ApiError } from '../../src-preload/contract/errors';
import type { ProcessDeltaValue, ProcessKeyValue, ProcessSnapshotValue, SettingsValue } from '../../src-preload/contract/schemas';
import { reportFailure, request } from '../lib/api';
import { formatInterval } from '../lib/format';
import { FilterBox } from '../shared/FilterBox';
import { usePaletteCommands } from '../shared/palette-registry';
import { ListCount, StatusLine } from '../shared/ListStatus';
import { LiveListBody, type ListNoun } from '../shared/LiveListBody';
import type { FeedStatus } from '../shared/seq-feed';
import { pushToast } from '../shared/toast-store';
import { useCopyText } from '../shared/use-copy-text';
import { useLiveFeed, type LiveSource } from '../shared/use-live-feed';
import { SplitBody } from '../shared/SplitBody';
import { useTableLayout } from '../shared/use-table-layout';
import { useKeptSelection } from '../shared/kept-selection';
import { useConsoleJobMembers } from '../jobs/use-console-job-members';
import { AffinityDialog } from './AffinityDialog';
import { ColumnChooser } from './ColumnChooser';
import { csvFileName, processesCsv, rowsAsText } from './csv-export';
import { actionStartedText, anywayLabel, callFailureToast, processLabel, summarizeResults, type ProcessActionRequest } from './process-actions';
import { COLUMN_SPECS, normalizeColumns, priorityClassOf, sameColumns } from './process-columns';
import { appendPoint, historyPoint, type HistoryPoint } from './process-history';
import { processCommands } from './process-commands';
import { PROCESS_FILTER_FIELDS, processQuery } from './process-filter-fields';
import { parentsOf, type SortSpec } from './process-rows';
import { keyOfEntry, processKey, ProcessStore, type ProcessEntry } from './process-store';
import { ProcessDetails, type ModulesState } from './ProcessDetails';
import { ProcessMenu, sharedPriority, type ProcessMenuHandlers } from './ProcessMenu';
import type { PriorityClassName } from '../../src-preload/contract/process-fields';
import { ProcessTable, type TableCommand } from './ProcessTable';
import { contextClickRow, detailKeyOf, pruneSelection, selectOnly } from '../shared/selection';
import { useDisplayRows } from './use-display-rows';
import { useProcessChartHistory } from './use-process-chart-history';

/** The details pane's width until the admin drags it (px). */
const DETAILS_WIDTH = 380;
import { useStatusNotice, type SetNotice } from '../shared/status-notice';

/** The contract's cap on targets per action request. */
const MAX_TARGETS = 256;

type ProcessView = SettingsValue['processes']['view'];

const NOUN: ListNoun = { one: 'process', many: 'processes' };

/** The process list's live feed: processes:changed deltas, processes:getSnapshot on mount and on any gap. */
const SOURCE: LiveSource<ProcessSnapshotValue, ProcessDeltaValue> = {
  deltaEvent: 'processes:changed',
  fetchSnapshot: () => request('processes:getSnapshot', {}),
  failureTitle: 'Could not load the process list',
};

/** A request to show one process (by PID); `nonce` tells two requests for the same PID apart. */
export interface ProcessFocus {
  readonly pid: number;
  readonly nonce: number;
}

/**
 * The Processes view: the live table (tree or flat), its filter, column chooser and CSV export, the
 * context menu and keyboard actions, and the details panel. Data: a ProcessStore kept in step by a
 * live feed (useLiveFeed: processes:changed deltas, processes:getSnapshot on mount and on any gap); the
 * view re-renders on the store's version, and only the visible rows are in the DOM.
 */
export function ProcessesView({
  settings,
  onSettings,
  focus = null,
  onFocusDone,
}: {
  settings: SettingsValue | null;
  /** Settings as main saved them after a settings:setProcessView. */
  onSettings: (settings: SettingsValue) => void;
  /** A process to select and scroll to once the list has it (a PID link in the Services view). */
  focus?: ProcessFocus | null;
  /** Called once `focus` has been shown (or found gone). */
  onFocusDone?: () => void;
}) {
  const [store] = useState(() => new ProcessStore());
  const feed = useLiveFeed(store, SOURCE);
  const version = feed.version;
  // Which processes are in the console's own jobs: the table marks those in jobs it did not create.
  const consoleJobs = useConsoleJobMembers();

  // View settings as main last reported them; defaults until settings arrive.
  const columns = useMemo(() => normalizeColumns(settings?.processes.columns ?? DEFAULT_PROCESS_COLUMNS), [settings?.processes.columns]);
  const view: ProcessView = settings?.processes.view ?? 'tree';
  const saveView = useCallback(
    (req: { columns?: ProcessColumn[]; view?: ProcessView }, action: string) => {
      void request('settings:setProcessView', req).then((result) => {
        if (result.ok) onSettings(result.value);
        else reportFailure(action, result.error);
      });
    },
    [onSettings],
  );

  const layout = useTableLayout('processes', settings, onSettings);

  const [filterText, setFilterText] = useState('');
  const filter = useDeferredValue(filterText);
  const filterProblems = useMemo(() => processQuery(filterText).problems, [filterText]);
  const [sort, setSort] = useState<SortSpec | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [rawSelection, setSelection] = useKeptSelection('processes');
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; column: ProcessColumn | null } | null>(null);
  const [affinityFor, setAffinityFor] = useState<ProcessKeyValue[] | null>(null);
  const [chooserOpen, setChooserOpen] = useState(false);
  // The outcome of the last action; dropped once the rows it is about are no longer selected.
  const [notice, setNotice] = useStatusNotice(rawSelection.selected);

  const rows = useDisplayRows(store, { view, filter, sort, collapsed });
  // Back on the tab, the row selected before is scrolled into view.
  const [revealKey, setRevealKey] = useState<string | null>(rawSelection.focus);

  // A PID asked for from elsewhere (the Services view): select it once the list is loaded, clearing the
  // filter and opening collapsed ancestors so it is in view; say so when no process has that PID.
  const onFocusDoneEvent = useEffectEvent(() => onFocusDone?.());
  useEffect(() => {
    if (focus === null) return undefined;
    const show = () => {
      if (store.seq === null) return false;
      const entry = store.byPid(focus.pid);
      if (!entry) {
        setNotice(`No process has PID ${focus.pid} any more.`);
      } else {
        const parents = parentsOf([...store.all()]);
        setCollapsed((current) => {
          const next = new Set(current);
          for (let at = parents.get(entry); at; at = parents.get(at)) next.delete(at.key);
          return next;
        });
        setFilterText('');
        setSelection(selectOnly(entry.key));
        setRevealKey(entry.key);
        setNotice(`Showing PID ${focus.pid} (${entry.row.name}).`, [entry.key]);
        tableHostRef.current?.querySelector<HTMLElement>('[data-testid="process-table"]')?.focus();
      }
      onFocusDoneEvent();
      return true;
    };
    // Usually the list is still loading when the tab opens: wait for the first snapshot.
    let done = false;
    const unsubscribe = store.subscribe(() => {
      if (!done) done = show();
    });
    queueMicrotask(() => {
      if (!done) done = show();
    });
    return () => {
      done = true;
      unsubscribe();
    };
  }, [focus, store, setSelection, setNotice]);
  // Keys of processes whose red refresh has ended drop out of the selection.
  const structure = store.structureVersion;
  const selection = useMemo(
    () => pruneSelection(rawSelection, (k) => store.get(k) !== undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rawSelection, store, structure],
  );

  const tableHostRef = useRef<HTMLDivElement>(null);

  // The affinity dialog's subject from its own targets (the menu that opened it has closed by then).
  const affinitySubject = (targets: readonly ProcessKeyValue[]) => {
    const only = targets.length === 1 && targets[0] ? store.get(processKey(targets[0])) : undefined;
    return only ? processLabel(only.row.name, only.row.pid) : `${targets.length} processes`;
  };

  const focusTable = () => tableHostRef.current?.querySelector<HTMLElement>('[data-testid="process-table"]')?.focus();

  // The selected processes still running, in the shown order (exited ones cannot be acted on).
  const selectedEntries = (): ProcessEntry[] =>
    [...selection.selected].map((k) => store.get(k)).filter((e): e is ProcessEntry => e !== undefined && e.status !== 'exited');

  const shownSelectedRows = () => rows.filter((r) => selection.selected.has(r.entry.key));

  const copyText = useCopyText(setNotice);

  const runAction = useCallback(
    (req: ProcessActionRequest, targets: ProcessKeyValue[]) => runProcessAction({ store, setNotice }, req, targets, false),
    [store, setNotice],
  );

  // After an action the list has the keyboard again: main's confirmation dialog (a native window) can
  // leave focus nowhere, and an admin working by keyboard must not have to find the list again.
  const act = (req: ProcessActionRequest) =>
    void runAction(req, selectedEntries().map(keyOfEntry)).then(() => {
      if (document.activeElement === null || document.activeElement === document.body) focusTable();
    });

  const onCommand = (command: TableCommand) => {
    if (command === 'copy') {
      const picked = shownSelectedRows();
      if (picked.length > 0) copyText(rowsAsText(columns, picked, consoleJobs.members), picked.length === 1 ? 'the row' : `${picked.length} rows`);
      return;
    }
    act({ kind: command });
  };

  const exportCsv = () => {
    const content = processesCsv(columns, rows);
    void request('desktop:saveCsv', { suggestedName: csvFileName(new Date()), content }).then((result) => {
      if (!result.ok) reportFailure('Could not export the process list', result.error);
      else if (result.value.savedTo === null) setNotice('Export cancelled.');
      else setNotice(`Saved ${rows.length} processes to ${result.value.savedTo}.`);
    });
  };

  const onToggleExpanded = useCallback((key: string, expanded: boolean) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (expanded) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  // The priority classes of the menu's targets as Windows answers them now (GetPriorityClass), asked once per
  // menu: the snapshot's base priority says it every tick where the system reports it (not under Wine), and a
  // class set a moment ago may not be in a tick yet. Until the answer, the menu marks what the snapshot says.
  const [readPriorities, setReadPriorities] = useState<{ menu: object; classes: ReadonlyMap<string, PriorityClassName | null> } | null>(null);
  const askPriorities = useEffectEvent((forMenu: object) => {
    const targets = selectedEntries().slice(0, MAX_TARGETS);
    if (targets.length === 0) return;
    void request('processes:getPriorityClasses', { targets: targets.map(keyOfEntry) }).then((result) => {
      // A failed read only leaves the mark to the snapshot: the menu still works, nothing to report.
      if (!result.ok) return;
      const classes = new Map(result.value.classes.map((c, i) => [targets[i]?.key ?? '', c.priorityClass]));
      setReadPriorities({ menu: forMenu, classes });
    });
  });
  useEffect(() => {
    if (menu) askPriorities(menu);
  }, [menu]);

  const onContextMenu = useCallback((at: { x: number; y: number }, key: string, column: ProcessColumn | null) => {
    setSelection((current) => contextClickRow(current, key));
    setMenu({ at, column });
  }, [setSelection]);

  // Details: the focused row when it is selected, else the only selected row.
  const detailKey = detailKeyOf(selection);
  const detailEntry = detailKey === null ? undefined : store.get(detailKey);
  const [history, setHistory] = useState<{ key: string | null; points: readonly HistoryPoint[] }>({ key: null, points: [] });
  useEffect(() => {
    if (detailKey === null) return undefined;
    return store.subscribe(() => {
      const e = store.get(detailKey);
      if (!e || e.status === 'exited') return;
      const point = historyPoint(e.row, store.time);
      setHistory((h) => (h.key === detailKey ? { key: detailKey, points: appendPoint(h.points, point) } : { key: detailKey, points: [point] }));
    });
  }, [store, detailKey]);
  useProcessChartHistory(detailKey, detailEntry ? detailEntry.row : null, setHistory);
  const points = history.key === detailKey ? history.points : [];

  const [modules, setModules] = useState<{ key: string | null; state: ModulesState }>({ key: null, state: { status: 'idle' } });
  const modulesState: ModulesState = modules.key === detailKey ? modules.state : { status: 'idle' };
  const loadModules = () => {
    if (!detailEntry) return;
    const key = detailEntry.key;
    setModules({ key, state: { status: 'loading' } });
    void request('processes:getModules', { target: keyOfEntry(detailEntry) }).then((result) => {
      setModules((m) =>
        m.key !== key ? m : { key, state: result.ok ? { status: 'ready', modules: result.value.modules } : { status: 'failed', error: result.error } },
      );
      if (!result.ok) reportFailure(`Could not read the modules of ${processLabel(detailEntry.row.name, detailEntry.row.pid)}`, result.error);
    });
  };
  const parentName = useMemo(() => {
    if (!detailEntry) return null;
    return parentsOf([...store.all()]).get(detailEntry)?.row.name ?? null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detailEntry, store, structure]);

  const menuTargets = menu ? selectedEntries() : [];
  const first = menuTargets[0];
  const subject = menuTargets.length === 1 && first ? processLabel(first.row.name, first.row.pid) : `${menuTargets.length} processes`;
  const menuPriority = sharedPriority(
    menuTargets.map((e) => ({ key: e.key, fromSnapshot: priorityClassOf(e.row.basePriority) })),
    readPriorities?.menu === menu ? readPriorities.classes : null,
  );
  const menuHandlers: ProcessMenuHandlers = {
    onAction: act,
    onAffinity: () => setAffinityFor(menuTargets.map(keyOfEntry)),
    onCopyCell: () => {
      const focused = selection.focus === null ? undefined : store.get(selection.focus);
      if (focused && menu?.column) copyText(COLUMN_SPECS[menu.column].text(focused.row, consoleJobs.members), `the ${COLUMN_SPECS[menu.column].label.toLowerCase()}`);
    },
    onCopyRows: () => onCommand('copy'),
    onCopyCommandLine: () => {
      const lines = shownSelectedRows()
        .map((r) => r.entry.row.commandLine)
        .filter((c): c is string => c !== null);
      if (lines.length > 0) copyText(lines.join('\r\n'), lines.length === 1 ? 'the command line' : `${lines.length} command lines`);
    },
    onClose: () => {
      setMenu(null);
      focusTable();
    },
  };

  // The command palette: the menu's actions on the selection, through the same handlers, and the view's own.
  usePaletteCommands('processes', () => {
    const targets = selectedEntries();
    const only = targets.length === 1 ? targets[0] : undefined;
    const classes = new Set(targets.map((e) => priorityClassOf(e.row.basePriority)));
    return processCommands(
      {
        subject: only ? processLabel(only.row.name, only.row.pid) : `${targets.length} processes`,
        count: targets.length,
        priority: classes.size === 1 ? ([...classes][0] ?? null) : null,
        columnLabel: null,
      },
      { ...menuHandlers, onAffinity: () => setAffinityFor(targets.map(keyOfEntry)), onClose: () => undefined },
      {
        view,
        shown: rows.length,
        filter: filterText,
        onView: (v) => saveView({ view: v }, 'Could not switch the process layout'),
        onChooseColumns: () => setChooserOpen(true),
        onExportCsv: exportCsv,
        onClearFilter: () => setFilterText(''),
      },
    );
  });

  const total = store.size;
  const statusText = describeStatus(feed.status, feed.error, total, rows.length, filter, settings);

  return (
    <div className="processes">
      <div className="processes__toolbar" role="toolbar" aria-label="Process list">
        <FilterBox
          label="Filter processes"
          testId="process-filter"
          placeholder="Filter: words, or cpu>20 user:SYSTEM injob name:node (Ctrl+F)"
          value={filterText}
          onChange={setFilterText}
          onLeave={focusTable}
          fields={PROCESS_FILTER_FIELDS}
          problems={filterProblems}
        />
        <div className="segmented" role="group" aria-label="Layout">
          {(['tree', 'flat'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => view !== v && saveView({ view: v }, 'Could not switch the process layout')}>
              {v === 'tree' ? 'Tree view' : 'Flat list'}
            </button>
          ))}
        </div>
        <div className="processes__chooser">
          <button type="button" aria-haspopup="dialog" aria-expanded={chooserOpen} onClick={() => setChooserOpen((o) => !o)}>
            Choose columns…
          </button>
          {chooserOpen ? (
            <ColumnChooser
              columns={columns}
              onChange={(next) => {
                if (!sameColumns(next, columns)) saveView({ columns: next }, 'Could not save the column choice');
              }}
              onClose={() => {
                setChooserOpen(false);
                focusTable();
              }}
            />
          ) : null}
        </div>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0} data-testid="process-export-csv">
          Export CSV…
        </button>
        <ListCount testId="process-count" noun={NOUN} total={total} shown={rows.length} filter={filter} />
      </div>
      <StatusLine testId="processes-status" text={statusText} notice={notice} />
      <SplitBody
        className="processes__body"
        label="the process details"
        size={layout.detailsSize}
        defaultSize={DETAILS_WIDTH}
        onSave={layout.saveDetailsSize}
      >
        <div className="processes__table" ref={tableHostRef}>
          <LiveListBody noun={NOUN} feed={feed} shown={rows.length} filter={filter} onClearFilter={() => setFilterText('')}>
            <ProcessTable
              rows={rows}
              columns={columns}
              view={view}
              version={version}
              sort={sort}
              onSortChange={setSort}
              selection={selection}
              onSelectionChange={setSelection}
              onToggleExpanded={onToggleExpanded}
              onContextMenu={onContextMenu}
              onCommand={onCommand}
              revealKey={revealKey}
              consoleJobs={consoleJobs.members}
              unreported={store.unreported}
              widths={layout.widths}
              onWidthsChange={layout.saveWidths}
            />
          </LiveListBody>
        </div>
        <ProcessDetails
          entry={detailEntry}
          selectedCount={selection.selected.size}
          parentName={parentName}
          points={points}
          modules={modulesState}
          onLoadModules={loadModules}
          onCopy={copyText}
          consoleJobs={consoleJobs.members}
          consoleJobsError={consoleJobs.error}
          unreported={store.unreported}
        />
      </SplitBody>
      {menu ? (
        <ProcessMenu
          at={menu.at}
          model={{
            subject,
            count: menuTargets.length,
            priority: menuPriority,
            columnLabel: menu.column ? COLUMN_SPECS[menu.column].label : null,
          }}
          handlers={menuHandlers}
        />
      ) : null}
      {affinityFor ? (
        <AffinityDialog
          subject={affinitySubject(affinityFor)}
          logicalProcessors={store.logicalProcessors}
          onApply={(processors) => {
            const targets = affinityFor;
            setAffinityFor(null);
            focusTable();
            void runAction({ kind: 'setAffinity', processors }, targets);
          }}
          onCancel={() => {
            setAffinityFor(null);
            focusTable();
          }}
        />
      ) : null}
    </div>
  );
}

/** What an action needs from the view: the store (is a target critical?) and the polite notice line. */
interface ActionContext {
  readonly store: ProcessStore;
  readonly setNotice: SetNotice;
}

/**
 * Sends one action and shows its outcome: success on the notice line, failures as an error toast naming
 * each process and why. Targets refused only for being critical get a "Terminate anyway…" button on the
 * toast, which resends just them with allowCritical (main then asks in its own, stronger dialog).
 * CANCELLED (the admin said no in main's dialog) is not an error.
 */
async function runProcessAction(ctx: ActionContext, req: ProcessActionRequest, targets: ProcessKeyValue[], allowCritical: boolean): Promise<void> {
  if (targets.length === 0) return;
  if (targets.length > MAX_TARGETS) {
    pushToast({
      tone: 'error',
      title: `Could not act on ${targets.length} processes`,
      message: `At most ${MAX_TARGETS} processes can be acted on at once; select fewer.`,
    });
    return;
  }
  // The line says what is under way now (main may be asking for confirmation), never the last outcome.
  const about = targets.map(processKey);
  const only = targets.length === 1 ? ctx.store.get(about[0] ?? '') : undefined;
  ctx.setNotice(actionStartedText(req.kind, only ? processLabel(only.row.name, only.row.pid) : `${targets.length} processes`), about);
  const base = { targets, ...(allowCritical ? { allowCritical: true } : {}) };
  const result =
    req.kind === 'setPriority'
      ? await request('processes:setPriority', { ...base, priorityClass: req.priorityClass })
      : req.kind === 'setAffinity'
        ? await request('processes:setAffinity', { ...base, processors: [...req.processors] })
        : await request(`processes:${req.kind}`, base);
  if (!result.ok) {
    const toast = callFailureToast(req.kind, targets.length, result.error);
    if (toast) pushToast(toast);
    ctx.setNotice(toast ? '' : 'Cancelled: nothing was changed.', about);
    return;
  }
  const outcome = summarizeResults(req.kind, result.value.results);
  if (!outcome.toast) {
    ctx.setNotice('');
    return;
  }
  if (outcome.toast.tone === 'info') {
    ctx.setNotice(`${outcome.toast.title}.`, about);
    return;
  }
  // Failures are on the toast; the line keeps no "under way" text.
  ctx.setNotice('');
  const refused = outcome.criticalRefused;
  pushToast(
    refused.length > 0
      ? { ...outcome.toast, action: { label: anywayLabel(req.kind), run: () => void runProcessAction(ctx, req, [...refused], true) } }
      : outcome.toast,
  );
}

/** The status line: what the list is doing now. */
export function describeStatus(
  status: FeedStatus,
  error: ApiError | null,
  total: number,
  shown: number,
  filter: string,
  settings: SettingsValue | null,
): string {
  if (status === 'loading') return total === 0 ? 'Loading the process list…' : 'Resynchronising with the main process…';
  if (status === 'failed') return `The process list could not be refreshed: ${error?.message ?? 'no reason given'}.`;
  const refresh = settings?.refresh;
  const live = refresh ? (refresh.paused ? 'Paused: the list is not updating.' : `Live: refreshed every ${formatInterval(refresh.intervalMs)}.`) : 'Live.';
  return filter.trim() !== '' ? `${live} Showing ${shown} of ${total}.` : live;
}
