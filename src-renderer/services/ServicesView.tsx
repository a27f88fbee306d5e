import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import type { HostedChangeRequestValue, HostedDefinitionValue } from '../../src-preload/contract/hosted-schemas';
import type { JobTemplateValue } from '../../src-preload/contract/job-schemas';
import type { SettingsValue } from '../../src-preload/contract/schemas';
import { SERVICE_LIST_SHOWS, type ServiceListShow } from '../../src-preload/contract/service-view';
import type { ServiceChangeRequestValue, ServiceDefinitionValue, ServiceDeltaValue, ServiceSnapshotValue } from '../../src-preload/contract/service-schemas';
import { reportFailure, request, useEvent } from '../lib/api';
import { formatInterval } from '../lib/format';
import { callFailureToastFor } from '../shared/action-results';
import { FilterBox } from '../shared/FilterBox';
import { usePaletteCommands } from '../shared/palette-registry';
import { ListCount, StatusLine } from '../shared/ListStatus';
import { LiveListBody, type ListNoun } from '../shared/LiveListBody';
import type { FeedStatus } from '../shared/seq-feed';
import { contextClickRow, detailKeyOf, pruneSelection, selectOnly } from '../shared/selection';
import { pushToast } from '../shared/toast-store';
import { useCopyText } from '../shared/use-copy-text';
import { useStatusNotice } from '../shared/status-notice';
import { useLiveFeed, type LiveSource } from '../shared/use-live-feed';
import { canControl, eligibleTargets, MAX_SERVICE_TARGETS, SERVICE_VERBS, summarizeServiceResults, VERB_WORDS, type ServiceVerb } from './service-actions';
import { notReportedReason } from './not-reported';
import { deriveServiceRows, serviceRowsAsText, servicesCsv, servicesCsvFileName, shownUnder, SHOW_LABELS, SHOW_NOUNS, type ServiceSort } from './service-columns';
import { emptyForm, formFromDefinition, type FormMode, type ServiceForm } from './service-form';
import { applyProgress, NO_PROGRESS, pruneProgress, type ProgressMap } from './service-progress';
import { serviceCommands } from './service-commands';
import { SERVICE_FILTER_FIELDS, serviceQuery } from './service-filter-fields';
import { serviceKey, ServiceStore, type ServiceEntry } from './service-store';
import { ServiceDetails } from './ServiceDetails';
import { ServiceMenu, type ServiceMenuHandlers } from './ServiceMenu';
import { ServiceTable, type ServiceTableCommand } from './ServiceTable';
import { ServiceTimeline } from './ServiceTimeline';
import { ServiceWizard, type ApplyOutcome } from './ServiceWizard';
import { StartDialog } from './StartDialog';
import { emptyHostedForm, hostedFormFromDefinition, type HostedForm, type HostedFormMode, type HostedFormProblem } from './hosted/hosted-form';
import { HostedDetails } from './hosted/HostedDetails';
import { HostedWizard } from './hosted/HostedWizard';
import { useKeptSelection } from '../shared/kept-selection';
import { SplitBody } from '../shared/SplitBody';
import { useTableLayout } from '../shared/use-table-layout';

/** The details pane's width until the admin drags it (px). */
const DETAILS_WIDTH = 380;

/** Without a shell to hold settings (markup tests) a saved layout still arrives through settings:changed. */
function KEEP_SETTINGS(): void {}

/** The wizard while open: install or edit, starting from this form. */
interface WizardState {
  readonly mode: FormMode;
  readonly initial: ServiceForm;
}

/** The "Run a program as a service" wizard while open, with the Jobs tab's templates for its limits. */
interface HostedWizardState {
  readonly mode: HostedFormMode;
  readonly initial: HostedForm;
  readonly readProblems: readonly HostedFormProblem[];
  readonly templates: readonly JobTemplateValue[];
}

/** The service list's live feed: services:changed deltas, services:getSnapshot on mount and on any gap. */
const SOURCE: LiveSource<ServiceSnapshotValue, ServiceDeltaValue> = {
  deltaEvent: 'services:changed',
  fetchSnapshot: () => request('services:getSnapshot', {}),
  failureTitle: 'Could not load the service list',
};

/** "Spooler" or "3 services". */
function subjectOf(names: readonly string[]): string {
  return names.length === 1 ? (names[0] as string) : `${names.length} services`;
}

/**
 * The Services view: the live SCM table (filter, sort, multi-select), the controls with progress while a
 * service is pending, install / edit / uninstall through the wizard, the CWE-428 path fix, the details
 * pane and the "Recent changes" timeline. Data: a ServiceStore kept in step by a live feed (useLiveFeed:
 * `services:changed` deltas, `services:getSnapshot` on mount and on any gap); progress from
 * `services:progress` events.
 */
export function ServicesView({
  onShowProcess,
  logicalProcessors = null,
  settings = null,
  onSettings = KEEP_SETTINGS,
}: {
  onShowProcess: (pid: number) => void;
  logicalProcessors?: number | null;
  /** Settings as main last reported them (column widths, details width, the "Show" choice); null until known. */
  settings?: SettingsValue | null;
  /** Settings as main saved them after a layout or "Show" change (main also pushes settings:changed). */
  onSettings?: (settings: SettingsValue) => void;
}) {
  const layout = useTableLayout('services', settings, onSettings);
  const [store] = useState(() => new ServiceStore());
  const feed = useLiveFeed(store, SOURCE);
  const version = feed.version;

  const [progress, setProgress] = useState<ProgressMap>(NO_PROGRESS);
  useEvent('services:progress', (event) => setProgress((m) => applyProgress(m, event, Date.now())));
  const hasProgress = progress.size > 0;
  useEffect(() => {
    if (!hasProgress) return undefined;
    const timer = setInterval(() => setProgress((m) => pruneProgress(m, Date.now())), 1000);
    return () => clearInterval(timer);
  }, [hasProgress]);

  const [filterText, setFilterText] = useState('');
  const filter = useDeferredValue(filterText);
  const filterProblems = useMemo(() => serviceQuery(filterText).problems, [filterText]);
  const [sort, setSort] = useState<ServiceSort | null>(null);
  const [rawSelection, setSelection] = useKeptSelection('services');
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [startFor, setStartFor] = useState<string[] | null>(null);
  const [wizard, setWizard] = useState<WizardState | null>(null);
  const [hostedWizard, setHostedWizard] = useState<HostedWizardState | null>(null);
  const [onlyHosted, setOnlyHosted] = useState(false);
  const [onlySelected, setOnlySelected] = useState(false);
  // The outcome of the last action; dropped once the services it is about are no longer selected.
  const [notice, setNotice] = useStatusNotice(rawSelection.selected);
  // Back on the tab, the row selected before is scrolled into view.
  const [revealKey, setRevealKey] = useState<string | null>(rawSelection.focus);
  // Services only until settings arrive, as services.msc lists them; the choice is saved like the Processes view's.
  const show: ServiceListShow = settings?.services.show ?? 'services';
  const noun: ListNoun = SHOW_NOUNS[show];
  const saveShow = (next: ServiceListShow) => {
    void request('settings:setServiceView', { show: next }).then((result) => {
      if (result.ok) onSettings(result.value);
      else reportFailure('Could not save what the Services list shows', result.error);
    });
  };

  // version is how the mutable store says "rebuild": read here on purpose.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => deriveServiceRows(store.all(), filter, sort, onlyHosted, show), [store, version, filter, sort, onlyHosted, show]);
  // The count is of the kind shown ("180 services"), as services.msc counts: drivers are another list, not a filter.
  const total = useMemo(
    () => [...store.all()].filter((e) => shownUnder(show, e.row)).length,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version, show],
  );
  const serviceNames = useMemo(
    () => [...store.all()].map((e) => e.row.name),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version],
  );
  const selection = useMemo(
    () => pruneSelection(rawSelection, (k) => store.get(k) !== undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rawSelection, store, version],
  );

  const tableHostRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLElement>(null);

  const focusTable = () => tableHostRef.current?.querySelector<HTMLElement>('[data-testid="service-table"]')?.focus();

  // The selected services in the shown order (so a bulk action runs top to bottom as the admin sees them).
  const selectedEntries: ServiceEntry[] = rows.filter((e) => selection.selected.has(e.key));
  const offScreen = [...selection.selected].filter((k) => !rows.some((e) => e.key === k)).map((k) => store.get(k));
  for (const e of offScreen) if (e) selectedEntries.push(e);
  const selectedRows = selectedEntries.map((e) => e.row);

  const detailKey = detailKeyOf(selection);
  const detailEntry = detailKey === null ? undefined : store.get(detailKey);
  const single = selectedEntries.length === 1 ? selectedEntries[0] : undefined;

  const copyText = useCopyText(setNotice);

  /** Runs a control; `skippedNote` is added to the outcome (services whose state did not allow it). */
  const runControl = useCallback(async (verb: ServiceVerb, names: string[], args: string[] = [], skippedNote = '') => {
    if (names.length === 0) return;
    const about = names.map(serviceKey);
    if (names.length > MAX_SERVICE_TARGETS) {
      pushToast({ tone: 'error', title: `Could not ${VERB_WORDS[verb].verb} ${names.length} services`, message: `At most ${MAX_SERVICE_TARGETS} services can be controlled at once; select fewer.` });
      return;
    }
    setNotice(`${VERB_WORDS[verb].label.replace('…', '')}: ${subjectOf(names)}…`, about);
    const result =
      verb === 'start'
        ? await request('services:start', args.length > 0 ? { names, arguments: args } : { names })
        : await request(`services:${verb}`, { names });
    if (!result.ok) {
      const toast = callFailureToastFor(VERB_WORDS[verb].verb, subjectOf(names), result.error);
      if (toast) pushToast(toast);
      setNotice(toast ? '' : 'Cancelled: nothing was changed.', about);
      return;
    }
    const outcome = summarizeServiceResults(verb, result.value.results);
    const cancelled = outcome.cancelled > 0 ? ` Cancelled for ${outcome.cancelled}.` : '';
    if (outcome.toast?.tone === 'info') setNotice(`${outcome.toast.title}.${cancelled}${skippedNote}`, about);
    else {
      setNotice(`${cancelled}${skippedNote}`.trim(), about);
      if (outcome.toast) pushToast(outcome.toast);
    }
  }, [setNotice]);

  /** A control from the toolbar or the menu: on the selected services whose state allows it. */
  const control = (verb: ServiceVerb) => {
    const { targets, skipped } = eligibleTargets(selectedRows, verb);
    if (targets.length === 0) return;
    if (verb === 'start') {
      setStartFor(targets.map((r) => r.name));
      return;
    }
    const skippedNote = skipped.length > 0 ? ` Skipped ${subjectOf(skipped.map((r) => r.name))}: their state does not allow it.` : '';
    void runControl(verb, targets.map((r) => r.name), [], skippedNote);
  };

  /** The Jobs tab's templates for the hosted wizard's limits; none (with a note) if they cannot be read. */
  const readTemplates = async (): Promise<readonly JobTemplateValue[]> => {
    const result = await request('jobs:getSnapshot', {});
    if (result.ok) return result.value.templates;
    reportFailure('Could not read the job templates (limits can still be typed by hand)', result.error);
    return [];
  };

  const openHostedInstall = () => {
    void readTemplates().then((templates) => setHostedWizard({ mode: { kind: 'install' }, initial: emptyHostedForm(), readProblems: [], templates }));
  };

  const openHostedEdit = (name: string) => {
    setNotice(`Reading the configuration of ${name}…`);
    void Promise.all([request('services:getHostedDefinition', { name }), readTemplates()]).then(([result, templates]) => {
      setNotice('');
      if (!result.ok) {
        reportFailure(`Could not read the configuration of ${name}`, result.error);
        return;
      }
      setHostedWizard({ mode: { kind: 'edit', name: result.value.definition.name }, initial: hostedFormFromDefinition(result.value.definition), readProblems: result.value.problems, templates });
    });
  };

  const openEdit = (name: string) => {
    if (store.byName(name)?.row.hosted) {
      openHostedEdit(name);
      return;
    }
    setNotice(`Reading the configuration of ${name}…`);
    void request('services:getDefinition', { name }).then((result) => {
      if (!result.ok) {
        setNotice('');
        reportFailure(`Could not read the configuration of ${name}`, result.error);
        return;
      }
      setNotice('');
      setWizard({ mode: { kind: 'edit', name: result.value.name }, initial: formFromDefinition(result.value) });
    });
  };

  const uninstall = (name: string) => {
    setNotice(`Uninstalling ${name}: confirm in the main window…`, [serviceKey(name)]);
    void request('services:uninstall', { name }).then((result) => {
      if (!result.ok) {
        if (result.error.code === 'CANCELLED') setNotice('Cancelled: nothing was changed.', [serviceKey(name)]);
        else {
          setNotice('');
          reportFailure(`Could not uninstall ${name}`, result.error);
        }
        return;
      }
      if (result.value.markedForDelete && !result.value.deleted) {
        setNotice('');
        pushToast({
          tone: 'info',
          title: `${name} is marked for deletion`,
          message: 'Windows deletes it once every handle to it is closed (services.msc or another tool may hold one); a restart always completes it.',
        });
      } else setNotice(`Uninstalled ${name}.`, [serviceKey(name)]);
    });
  };

  const fixPath = (name: string) => {
    void request('services:fixUnquotedPath', { name }).then((result) => {
      if (result.ok) setNotice(`Quoted the path of ${name}: ${result.value.after}`, [serviceKey(name)]);
      else if (result.error.code === 'CANCELLED') setNotice('Cancelled: nothing was changed.', [serviceKey(name)]);
      else reportFailure(`Could not quote the path of ${name}`, result.error);
    });
  };

  const fetchPlan = useCallback((req: ServiceChangeRequestValue) => request('services:plan', req), []);
  const fetchHostedPlan = useCallback((req: HostedChangeRequestValue) => request('services:planHosted', req), []);

  const applyHostedWizard = async (state: HostedWizardState, definition: HostedDefinitionValue): Promise<ApplyOutcome> => {
    const result =
      state.mode.kind === 'install'
        ? await request('services:installHosted', { definition })
        : await request('services:editHosted', { name: state.mode.name, definition });
    if (!result.ok) return result.error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error: result.error };
    setHostedWizard(null);
    if ('name' in result.value) {
      const key = serviceKey(result.value.name);
      setSelection(selectOnly(key));
      setRevealKey(key);
      setNotice(`Installed ${result.value.name}: start it to run the program.`, [key]);
    } else {
      const changed = result.value.changed;
      setNotice(changed.length === 0 ? `Nothing changed in ${definition.name}.` : `Changed ${changed.join(', ')} of ${definition.name}; a restart of the service applies them.`, [serviceKey(definition.name)]);
    }
    focusTable();
    return { status: 'done' };
  };

  const applyWizard = async (state: WizardState, definition: ServiceDefinitionValue): Promise<ApplyOutcome> => {
    const result =
      state.mode.kind === 'install'
        ? await request('services:install', { definition })
        : await request('services:edit', { name: state.mode.name, definition });
    if (!result.ok) return result.error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error: result.error };
    setWizard(null);
    if ('name' in result.value) {
      const key = serviceKey(result.value.name);
      setSelection(selectOnly(key));
      setRevealKey(key);
      setNotice(`Installed ${result.value.name}.`, [key]);
    } else {
      const changed = result.value.changed;
      setNotice(changed.length === 0 ? `Nothing changed in ${definition.name}.` : `Changed ${changed.join(', ')} of ${definition.name}.`, [serviceKey(definition.name)]);
    }
    focusTable();
    return { status: 'done' };
  };

  /** Why the edited service's dependencies are not reported, from its row (null when they are). */
  const notReportedOf = (name: string) => {
    const row = store.byName(name)?.row;
    return row ? notReportedReason(row, 'dependencies') : null;
  };

  const exportCsv = () => {
    void request('desktop:saveCsv', { suggestedName: servicesCsvFileName(new Date()), content: servicesCsv(rows) }).then((result) => {
      if (!result.ok) reportFailure('Could not export the service list', result.error);
      else if (result.value.savedTo === null) setNotice('Export cancelled.');
      else setNotice(`Saved ${rows.length} services to ${result.value.savedTo}.`);
    });
  };

  const onCommand = (command: ServiceTableCommand) => {
    if (command === 'details') {
      detailsRef.current?.focus();
      return;
    }
    if (selectedEntries.length > 0) copyText(serviceRowsAsText(selectedEntries), selectedEntries.length === 1 ? 'the row' : `${selectedEntries.length} rows`);
  };

  const onContextMenu = useCallback((at: { x: number; y: number }, key: string) => {
    setSelection((current) => contextClickRow(current, key));
    setMenuAt(at);
  }, [setSelection]);

  const allowed = Object.fromEntries(SERVICE_VERBS.map((v) => [v, selectedRows.some((r) => canControl(r, v))])) as { [V in ServiceVerb]: boolean };
  const names = selectedRows.map((r) => r.name);
  const menuHandlers: ServiceMenuHandlers = {
    onControl: control,
    onEdit: () => single && openEdit(single.row.name),
    onUninstall: () => single && uninstall(single.row.name),
    onFixPath: () => single && fixPath(single.row.name),
    onCopyName: () => names.length > 0 && copyText(names.join('\r\n'), names.length === 1 ? 'the name' : `${names.length} names`),
    onCopyRows: () => onCommand('copy'),
    onClose: () => {
      setMenuAt(null);
      focusTable();
    },
  };

  const menuModel = { subject: subjectOf(names), count: names.length, allowed, single: single !== undefined, unquoted: single?.row.unquotedPath === true };
  // The command palette: the menu's actions on the selection, through the same handlers, and the view's own.
  usePaletteCommands('services', () =>
    serviceCommands(menuModel, { ...menuHandlers, onClose: () => undefined }, {
      shown: rows.length,
      filter: filterText,
      onlyHosted,
      hasDetails: detailEntry !== undefined,
      onNew: () => setWizard({ mode: { kind: 'install' }, initial: emptyForm() }),
      onNewHosted: openHostedInstall,
      onExportCsv: exportCsv,
      onOnlyHosted: setOnlyHosted,
      onShowDetails: () => detailsRef.current?.focus(),
      onClearFilter: () => setFilterText(''),
    }),
  );

  // "Hosted only" narrows the list like a filter term, and is said (and cleared) with the filter.
  const filterInEffect = onlyHosted ? `${filter.trim()}${filter.trim() === '' ? '' : ' '}(hosted only)` : filter;
  const statusText = describeServicesStatus(feed.status, feed.error, total, rows.length, filterInEffect, store.pollIntervalMs);

  return (
    <div className="services">
      <div className="processes__toolbar" role="toolbar" aria-label="Service list">
        <FilterBox
          label="Filter services"
          testId="service-filter"
          placeholder="Filter: words, or state:running start:auto account:LocalSystem (Ctrl+F)"
          value={filterText}
          onChange={setFilterText}
          onLeave={focusTable}
          fields={SERVICE_FILTER_FIELDS}
          problems={filterProblems}
        />
        <div className="toolbar-group" role="group" aria-label="Control">
          {SERVICE_VERBS.map((verb) => (
            <button key={verb} type="button" disabled={!allowed[verb]} onClick={() => control(verb)} data-testid={`service-${verb}`}>
              {VERB_WORDS[verb].label}
            </button>
          ))}
        </div>
        <div className="toolbar-group" role="group" aria-label="Configuration">
          <button type="button" onClick={() => setWizard({ mode: { kind: 'install' }, initial: emptyForm() })} data-testid="service-new">
            New service…
          </button>
          <button type="button" onClick={openHostedInstall} data-testid="service-new-hosted">
            Run a program as a service…
          </button>
          <button type="button" disabled={!single} onClick={() => single && openEdit(single.row.name)} data-testid="service-edit">
            Edit…
          </button>
          <button type="button" disabled={!single} onClick={() => single && uninstall(single.row.name)} data-testid="service-uninstall">
            Uninstall…
          </button>
        </div>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0} data-testid="service-export-csv">
          Export CSV…
        </button>
        <label className="services__show">
          Show{' '}
          <select value={show} onChange={(e) => saveShow(e.currentTarget.value as ServiceListShow)} data-testid="service-show" disabled={settings === null}>
            {SERVICE_LIST_SHOWS.map((s) => (
              <option key={s} value={s}>
                {SHOW_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="limit__check" title="Only programs run by the console's service host">
          <input type="checkbox" checked={onlyHosted} onChange={(e) => setOnlyHosted(e.currentTarget.checked)} data-testid="service-only-hosted" />
          Hosted only
        </label>
        <ListCount testId="service-count" noun={noun} total={total} shown={rows.length} filter={filterInEffect} />
      </div>
      <StatusLine testId="services-status" text={statusText} notice={notice} />
      <SplitBody className="processes__body" label="the service details" size={layout.detailsSize} defaultSize={DETAILS_WIDTH} onSave={layout.saveDetailsSize}>
        <div className="processes__table" ref={tableHostRef}>
          <LiveListBody
            noun={noun}
            feed={feed}
            shown={rows.length}
            filter={filterInEffect}
            onClearFilter={() => {
              setFilterText('');
              setOnlyHosted(false);
            }}
          >
            <ServiceTable
              rows={rows}
              version={version}
              progress={progress}
              sort={sort}
              onSortChange={setSort}
              selection={selection}
              onSelectionChange={setSelection}
              onContextMenu={onContextMenu}
              onCommand={onCommand}
              onShowProcess={onShowProcess}
              revealKey={revealKey}
              widths={layout.widths}
              onWidthsChange={layout.saveWidths}
            />
          </LiveListBody>
        </div>
        <ServiceDetails
          ref={detailsRef}
          row={detailEntry?.row}
          selectedCount={selection.selected.size}
          progress={detailKey === null ? undefined : progress.get(detailKey)}
          onShowProcess={onShowProcess}
          onFixPath={fixPath}
          onCopy={copyText}
        >
          {detailEntry?.row.hosted ? <HostedDetails key={detailEntry.row.name} name={detailEntry.row.name} logicalProcessors={logicalProcessors ?? 1} onShowProcess={onShowProcess} onNotice={setNotice} /> : null}
        </ServiceDetails>
      </SplitBody>
      <ServiceTimeline
        entries={store.timeline}
        selectedName={detailEntry?.row.name ?? null}
        onlySelected={onlySelected}
        onOnlySelectedChange={setOnlySelected}
      />
      {menuAt ? (
        <ServiceMenu
          at={menuAt}
          model={menuModel}
          handlers={menuHandlers}
        />
      ) : null}
      {startFor ? (
        <StartDialog
          subject={subjectOf(startFor)}
          onStart={(args) => {
            const targets = startFor;
            setStartFor(null);
            focusTable();
            void runControl('start', targets, args);
          }}
          onCancel={() => {
            setStartFor(null);
            focusTable();
          }}
        />
      ) : null}
      {hostedWizard ? (
        <HostedWizard
          mode={hostedWizard.mode}
          initial={hostedWizard.initial}
          readProblems={hostedWizard.readProblems}
          templates={hostedWizard.templates}
          logicalProcessors={logicalProcessors ?? 1}
          fetchPlan={fetchHostedPlan}
          onApply={(definition) => applyHostedWizard(hostedWizard, definition)}
          onCancel={() => {
            setHostedWizard(null);
            focusTable();
          }}
          onCopy={copyText}
          onPlainService={() => {
            setHostedWizard(null);
            setWizard({ mode: { kind: 'install' }, initial: emptyForm() });
          }}
        />
      ) : null}
      {wizard ? (
        <ServiceWizard
          mode={wizard.mode}
          initial={wizard.initial}
          serviceNames={serviceNames}
          fetchPlan={fetchPlan}
          onApply={(definition) => applyWizard(wizard, definition)}
          onCancel={() => {
            setWizard(null);
            focusTable();
          }}
          onCopy={copyText}
          dependenciesNotReported={wizard.mode.kind === 'edit' ? notReportedOf(wizard.mode.name) : null}
          onRunProgram={() => {
            setWizard(null);
            openHostedInstall();
          }}
        />
      ) : null}
    </div>
  );
}

/** The status line: what the list is doing now. */
export function describeServicesStatus(status: FeedStatus, error: ApiError | null, total: number, shown: number, filter: string, pollIntervalMs: number): string {
  if (status === 'loading') return total === 0 ? 'Loading the service list…' : 'Resynchronising with the main process…';
  if (status === 'failed') return `The service list could not be refreshed: ${error?.message ?? 'no reason given'}.`;
  const live = pollIntervalMs > 0 ? `Live: the SCM is read every ${formatInterval(pollIntervalMs)}.` : 'Live.';
  return filter.trim() !== '' ? `${live} Showing ${shown} of ${total}.` : live;
}
