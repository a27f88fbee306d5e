import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../src-preload/contract/errors';
import type { JobLimitsFormValue } from '../../src-preload/contract/job-schemas';
import { request } from '../lib/api';
import { callFailureToastFor } from '../shared/action-results';
import { ListCount, StatusLine } from '../shared/ListStatus';
import { LiveListBody, type ListNoun } from '../shared/LiveListBody';
import type { FeedStatus } from '../shared/seq-feed';
import { contextClickRow, detailKeyOf, EMPTY_SELECTION, selectOnly, type Selection } from '../shared/selection';
import { pushToast } from '../shared/toast-store';
import { useStatusNotice } from '../shared/status-notice';
import { useCopyText } from '../shared/use-copy-text';
import { AddProcessDialog } from './AddProcessDialog';
import { jobRowsAsText, sortJobs, type JobSort } from './job-columns';
import { limitMarkers } from './job-history';
import { JobDetails } from './JobDetails';
import { JobsStore } from './jobs-store';
import { JobTable } from './JobTable';
import { LaunchDialog } from './LaunchDialog';
import { LimitsDialog } from './LimitsDialog';
import { NewJobDialog } from './NewJobDialog';
import { OpenJobDialog } from './OpenJobDialog';
import { TemplatesDialog } from './TemplatesDialog';
import { useJobsFeed } from './use-jobs-feed';

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
export function JobsView({ onShowProcess, logicalProcessors }: { onShowProcess: (pid: number) => void; logicalProcessors: number | null }) {
  const cpus = logicalProcessors ?? 1;
  const [store] = useState(() => new JobsStore(cpus));
  useEffect(() => store.setLogicalProcessors(cpus), [store, cpus]);
  const feed = useJobsFeed(store);
  const version = feed.version;

  const [sort, setSort] = useState<JobSort | null>(null);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [revealKey, setRevealKey] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // The outcome of the last action; dropped once the job it is about is no longer selected.
  const [notice, setNotice] = useStatusNotice(selection.selected);
  const detailsRef = useRef<HTMLElement>(null);
  const tableHostRef = useRef<HTMLDivElement>(null);
  const copyText = useCopyText(setNotice);

  // version is how the store says "rebuild": read here on purpose.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => sortJobs(store.jobs, sort), [store, version, sort]);
  const detailKey = detailKeyOf(selection);
  const job = detailKey === null ? undefined : store.job(detailKey);
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

  return (
    <div className="jobs">
      <div className="processes__toolbar" role="toolbar" aria-label="Jobs">
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
            onClick={() => job && act('terminate', job.name, () => request('jobs:terminate', { job: job.name }), `Terminated every process in ${job.name}.`)}
            data-testid="job-terminate"
          >
            Terminate job…
          </button>
          <button
            type="button"
            disabled={!job}
            onClick={() => job && act('close', job.name, () => request('jobs:close', { job: job.name }), `Closed job ${job.name}.`)}
            data-testid="job-close"
          >
            Close job…
          </button>
        </div>
        <ListCount testId="job-count" noun={NOUN} total={store.jobs.length} shown={rows.length} filter="" />
      </div>
      <StatusLine testId="jobs-status" text={describeJobsStatus(feed.status, feed.error, store.jobs.length)} notice={notice} />
      <div className="jobs__body">
        <div className="processes__table" ref={tableHostRef}>
          <LiveListBody noun={NOUN} feed={feed} shown={rows.length} filter="" onClearFilter={() => undefined}>
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
            />
          </LiveListBody>
        </div>
        <JobDetails ref={detailsRef} job={job} points={points} events={events} markers={markers} onShowProcess={onShowProcess} />
      </div>
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
