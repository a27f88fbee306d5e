import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import type { JobLimitsFormValue } from '../../src-preload/contract/job-schemas';
import { request } from '../lib/api';
import { callFailureToastFor } from '../shared/action-results';
import { FilterBox } from '../shared/FilterBox';
import { usePaletteCommands } from '../shared/palette-registry';
import { ListCount, StatusLine } from '../shared/ListStatus';
import { LiveListBody, type ListNoun } from '../shared/LiveListBody';
import type { FeedStatus } from '../shared/seq-feed';
import { contextClickRow, detailKeyOf, selectOnly } from '../shared/selection';
import { pushToast } from '../shared/toast-store';
import { useStatusNotice } from '../shared/status-notice';
import { useCopyText } from '../shared/use-copy-text';
import { AddProcessDialog } from './AddProcessDialog';
import { jobRowsAsText, sortJobs, type JobSort } from './job-columns';
import { jobCommands } from './job-commands';
import { filterJobs, JOB_FILTER_FIELDS, jobQuery } from './job-filter-fields';
import { limitMarkers } from './job-history';
import { JobDetails } from './JobDetails';
import { JobsStore } from './jobs-store';
import { JobTable } from './JobTable';
import { LaunchDialog } from './LaunchDialog';
import { LimitsDialog } from './LimitsDialog';
import { NewJobDialog } from './NewJobDialog';
import { OpenJobDialog } from './OpenJobDialog';
import { TemplatesDialog } from './TemplatesDialog';
import { useJobChartHistory } from './use-job-chart-history';
import { useJobsFeed } from './use-jobs-feed';
import { useKeptSelection } from '../shared/kept-selection';
import { SplitBody } from '../shared/SplitBody';
import { useTableLayout } from '../shared/use-table-layout';
import type { SettingsValue } from '../../src-preload/contract/schemas';

/** The details pane's width until the admin drags it (px): job details hold charts and limits. */
const DETAILS_WIDTH = 440;

/** Without a shell to hold settings (markup tests) a saved layout still arrives through settings:changed. */
function KEEP_SETTINGS(): void {}

const NOUN: ListNoun = { one: 'job', many: 'jobs' };

/** The dialog open now, if any (each names the job it acts on). */
type Dialog =
  | { kind: 'new' }
  | { kind: 'open' }
  | { kind: 'launch'; job: string }
  | { kind: 'add'; job: string }
  | { kind: 'limits'; job: string }
  | { kind: 'templates' };

/** The status line: what the list is and where it comes from. */
export function describeJobsStatus(status: FeedStatus, error: ApiError | null, total: number): string {
  if (status === 'loading') return 'Loading the job list…';
  if (status === 'failed') return `The job list could not be loaded: ${error?.message ?? 'no reason given'}.`;
  if (total === 0) return 'No jobs yet: create one, or open one another program created by name.';
  return 'Live: the accounting, members and events update every refresh.';
}

/**
 * The Jobs view: the jobs this console created or opened, with a details pane for the selected one
 * (members, accounting, charts, limits asked vs held, events) and the toolbar for every job action.
 * Data: a JobsStore kept in step by jobs:changed (the whole list every tick) and jobs:getSnapshot (the
 * shell's JobAlertToasts raises the toasts for important events). Destructive actions are confirmed by main.
 */
export function JobsView({
  onShowProcess,
  logicalProcessors,
  settings = null,
  onSettings = KEEP_SETTINGS,
}: {
  onShowProcess: (pid: number) => void;
  logicalProcessors: number | null;
  /** Settings as main last reported them (the table's column widths and details width); null until known. */
  settings?: SettingsValue | null;
  /** Settings as main saved them after a layout change (main also pushes settings:changed). */
  onSettings?: (settings: SettingsValue) => void;
}) {
  const layout = useTableLayout('jobs', settings, onSettings);
  const cpus = logicalProcessors ?? 1;
  const [store] = useState(() => new JobsStore(cpus));
  useEffect(() => store.setLogicalProcessors(cpus), [store, cpus]);
  const feed = useJobsFeed(store);
  const version = feed.version;

  const [sort, setSort] = useState<JobSort | null>(null);
  const [filterText, setFilterText] = useState('');
  const filter = useDeferredValue(filterText);
  const filterProblems = useMemo(() => jobQuery(filterText).problems, [filterText]);
  const [selection, setSelection] = useKeptSelection('jobs');
  // Back on the tab, the row selected before is scrolled into view.
  const [revealKey, setRevealKey] = useState<string | null>(selection.focus);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // The outcome of the last action; dropped once the job it is about is no longer selected.
  const [notice, setNotice] = useStatusNotice(selection.selected);
  const detailsRef = useRef<HTMLElement>(null);
  const tableHostRef = useRef<HTMLDivElement>(null);
  const copyText = useCopyText(setNotice);

  // version is how the store says "rebuild": read here on purpose.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => sortJobs(filterJobs(store.jobs, filter), sort), [store, version, filter, sort]);
  const detailKey = detailKeyOf(selection);
  const job = detailKey === null ? undefined : store.job(detailKey);
  useJobChartHistory(store, job?.name ?? null);
  const points = job ? store.history.points(job.name) : [];
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const events = useMemo(() => (job ? store.eventsOf(job.name) : []), [store, version, job?.name]);
  const first = points[0]?.time ?? 0;
  const last = points[points.length - 1]?.time ?? 0;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const markers = useMemo(() => (job ? limitMarkers(store.events, job.name, first, last) : []), [store, version, job?.name, first, last]);

  const focusTable = () => tableHostRef.current?.querySelector<HTMLElement>('[data-testid="job-table"]')?.focus();

  /** Shows a job just created or opened: select it and fetch the list now rather than at the next tick. */
  const showJob = (name: string) => {
    setSelection(selectOnly(name));
    setRevealKey(name);
    feed.resync();
  };

  /** A toolbar action that main may confirm: a notice when done, a toast when it failed (none when declined). */
  const act = (verb: string, name: string, call: () => Promise<{ ok: true } | { ok: false; error: ApiError }>, done: string) => {
    setNotice(`${verb[0]?.toUpperCase()}${verb.slice(1)} ${name}: confirm in the main window…`, [name]);
    void call().then((result) => {
      if (result.ok) {
        setNotice(done, [name]);
        return;
      }
      const toast = callFailureToastFor(verb, `job ${name}`, result.error);
      if (toast) pushToast(toast);
      setNotice(toast ? '' : 'Cancelled: nothing was changed.', [name]);
    });
  };

  const errorOf = (result: { ok: boolean; error?: ApiError }): ApiError | null => (result.ok ? null : (result.error ?? null));

  const createJob = async (req: { name: string; template: string | null; limits: JobLimitsFormValue | null }) => {
    const result = await request('jobs:create', req);
    if (!result.ok) return result.error;
    setDialog(null);
    setNotice(`Created job ${result.value.name}.`, [result.value.name]);
    showJob(result.value.name);
    return null;
  };
  const openJob = async (name: string) => {
    const result = await request('jobs:open', { name });
    if (!result.ok) return result.error;
    setDialog(null);
    setNotice(`Opened job ${result.value.name}.`, [result.value.name]);
    showJob(result.value.name);
    return null;
  };
  const launch = async (name: string, commandLine: string, workingDirectory: string | null) => {
    const result = await request('jobs:launch', { job: name, commandLine, workingDirectory });
    if (!result.ok) return result.error;
    setDialog(null);
    setNotice(`Launched PID ${result.value.pid} in ${name}.`, [name]);
    return null;
  };
  const addProcess = async (name: string, target: { pid: number; createTime: string }) => {
    const result = await request('jobs:addProcess', { job: name, target });
    if (!result.ok) return result.error;
    setDialog(null);
    setNotice(`Added PID ${target.pid} to ${name}.`, [name]);
    return null;
  };
  const setLimits = useCallback(
    async (name: string, limits: JobLimitsFormValue) => {
      const result = await request('jobs:setLimits', { job: name, limits });
      if (result.ok) {
        store.replaceJob(result.value);
        setNotice(`Applied limits to ${name}.`, [name]);
      }
      return result;
    },
    [store, setNotice],
  );
  const saveTemplate = async (template: Parameters<typeof request<'jobs:saveTemplate'>>[1]['template']) => {
    const result = await request('jobs:saveTemplate', { template });
    if (result.ok) {
      store.setTemplates(result.value.templates);
      setNotice(`Saved template ${template.name}.`);
    }
    return errorOf(result);
  };
  const deleteTemplate = async (name: string) => {
    const result = await request('jobs:deleteTemplate', { name });
    if (result.ok) {
      store.setTemplates(result.value.templates);
      setNotice(`Deleted template ${name}.`);
    }
    return errorOf(result);
  };

  const open = job?.open === true;
  const closeDialog = () => {
    setDialog(null);
    focusTable();
  };
  const terminateJob = () => job && act('terminate', job.name, () => request('jobs:terminate', { job: job.name }), `Terminated every process in ${job.name}.`);
  const closeJob = () => job && act('close', job.name, () => request('jobs:close', { job: job.name }), `Closed job ${job.name}.`);
  // The command palette: the toolbar's actions on the selected job, through the same handlers.
  usePaletteCommands('jobs', () =>
    jobCommands(job ? { name: job.name, open } : null, filterText, {
      onLaunch: () => job && setDialog({ kind: 'launch', job: job.name }),
      onAddProcess: () => job && setDialog({ kind: 'add', job: job.name }),
      onEditLimits: () => job && setDialog({ kind: 'limits', job: job.name }),
      onTerminate: terminateJob,
      onClose: closeJob,
      onShowDetails: () => detailsRef.current?.focus(),
      onNew: () => setDialog({ kind: 'new' }),
      onOpenByName: () => setDialog({ kind: 'open' }),
      onTemplates: () => setDialog({ kind: 'templates' }),
      onClearFilter: () => setFilterText(''),
    }),
  );

  return (
    <div className="jobs">
      <div className="processes__toolbar" role="toolbar" aria-label="Jobs">
        <FilterBox
          label="Filter jobs"
          testId="job-filter"
          placeholder="Filter: words, or members>0 open template:build (Ctrl+F)"
          value={filterText}
          onChange={setFilterText}
          onLeave={focusTable}
          fields={JOB_FILTER_FIELDS}
          problems={filterProblems}
        />
        <div className="toolbar-group" role="group" aria-label="Jobs">
          <button type="button" onClick={() => setDialog({ kind: 'new' })} data-testid="job-new">
            New job…
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'open' })} data-testid="job-open">
            Open by name…
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'templates' })} data-testid="job-templates">
            Templates…
          </button>
        </div>
        <div className="toolbar-group" role="group" aria-label="Selected job">
          <button type="button" disabled={!open} onClick={() => job && setDialog({ kind: 'launch', job: job.name })} data-testid="job-launch">
            Launch command…
          </button>
          <button type="button" disabled={!open} onClick={() => job && setDialog({ kind: 'add', job: job.name })} data-testid="job-add-process">
            Add process…
          </button>
          <button type="button" disabled={!open} onClick={() => job && setDialog({ kind: 'limits', job: job.name })} data-testid="job-edit-limits">
            Edit limits…
          </button>
          <button
            type="button"
            disabled={!open}
            onClick={terminateJob}
            data-testid="job-terminate"
          >
            Terminate job…
          </button>
          <button
            type="button"
            disabled={!job}
            onClick={closeJob}
            data-testid="job-close"
          >
            Close job…
          </button>
        </div>
        <ListCount testId="job-count" noun={NOUN} total={store.jobs.length} shown={rows.length} filter={filter} />
      </div>
      <StatusLine testId="jobs-status" text={describeJobsStatus(feed.status, feed.error, store.jobs.length)} notice={notice} />
      <SplitBody className="jobs__body" label="the job details" size={layout.detailsSize} defaultSize={DETAILS_WIDTH} onSave={layout.saveDetailsSize}>
        <div className="processes__table" ref={tableHostRef}>
          <LiveListBody noun={NOUN} feed={feed} shown={rows.length} filter={filter} onClearFilter={() => setFilterText('')}>
            <JobTable
              rows={rows}
              sort={sort}
              onSortChange={setSort}
              selection={selection}
              onSelectionChange={setSelection}
              onContextMenu={(_at, key) => setSelection((s) => contextClickRow(s, key))}
              onDetails={() => detailsRef.current?.focus()}
              onCopy={() => {
                const picked = rows.filter((r) => selection.selected.has(r.name));
                if (picked.length > 0) copyText(jobRowsAsText(picked), picked.length === 1 ? 'the row' : `${picked.length} rows`);
              }}
              revealKey={revealKey}
              widths={layout.widths}
              onWidthsChange={layout.saveWidths}
            />
          </LiveListBody>
        </div>
        <JobDetails ref={detailsRef} job={job} points={points} events={events} markers={markers} onShowProcess={onShowProcess} />
      </SplitBody>
      {dialog?.kind === 'new' ? <NewJobDialog templates={store.templates} logicalProcessors={cpus} onCreate={createJob} onCancel={closeDialog} /> : null}
      {dialog?.kind === 'open' ? <OpenJobDialog onOpen={openJob} onCancel={closeDialog} /> : null}
      {dialog?.kind === 'launch' ? (
        <LaunchDialog job={dialog.job} onLaunch={(cmd, dir) => launch(dialog.job, cmd, dir)} onCancel={closeDialog} />
      ) : null}
      {dialog?.kind === 'add' ? <AddProcessDialog job={dialog.job} onAdd={(target) => addProcess(dialog.job, target)} onCancel={closeDialog} /> : null}
      {dialog?.kind === 'limits' ? (
        <LimitsDialogFor store={store} name={dialog.job} logicalProcessors={cpus} onApply={setLimits} onClose={closeDialog} />
      ) : null}
      {dialog?.kind === 'templates' ? (
        <TemplatesDialog templates={store.templates} logicalProcessors={cpus} onSave={saveTemplate} onDelete={deleteTemplate} onClose={closeDialog} />
      ) : null}
    </div>
  );
}

/** The Edit limits dialog for a job still in the list (it says so when the job went away meanwhile). */
function LimitsDialogFor({
  store,
  name,
  logicalProcessors,
  onApply,
  onClose,
}: {
  store: JobsStore;
  name: string;
  logicalProcessors: number;
  onApply: (name: string, limits: JobLimitsFormValue) => ReturnType<typeof request<'jobs:setLimits'>>;
  onClose: () => void;
}) {
  // The row as the dialog opened: later ticks must not reset what the admin is typing.
  const [job] = useState(() => store.job(name));
  if (!job) return null;
  return <LimitsDialog job={job} templates={store.templates} logicalProcessors={logicalProcessors} onApply={(limits) => onApply(name, limits)} onClose={onClose} />;
}
