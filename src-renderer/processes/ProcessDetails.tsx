import { Fragment, useId } from 'react';
import { PROCESS_COLUMNS } from '../../src-preload/contract/process-fields';
import type { ApiError } from '../../src-preload/contract/errors';
import type { ModuleListValue, ProcessRowValue, ProcessUnreportedValue } from '../../src-preload/contract/schemas';
import { jobMembership, type ConsoleJobMembers } from '../jobs/console-job-members';
import { formatBytes } from '../lib/format';
import { CopyableValue, EmptyDetails } from '../shared/DetailParts';
import { KnownOr } from '../shared/Unreported';
import { processLabel } from './process-actions';
import { COLUMN_SPECS, unreportedReason } from './process-columns';
import { statusText, statusUnknowns } from './process-status';
import type { HistoryPoint } from './process-history';
import type { ProcessEntry } from './process-store';
import { ProcessCharts } from './ProcessCharts';
import { splitModulePath } from './module-path';

/** The modules list of the shown process: not asked yet, on its way, there, or why not. */
export type ModulesState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly modules: ModuleListValue['modules'] }
  | { readonly status: 'failed'; readonly error: ApiError };

/** The fields of a process the job line reads. */
export type JobLineFields = Pick<ProcessRowValue, 'pid' | 'createTime' | 'inJob' | 'jobObjectId' | 'detailsError'>;

/**
 * The job line: which of the console's jobs holds the process, or that a job the console did not create
 * does, or not in one, or unknown and why. The kernel's job id is added when Windows gives it (the
 * Windows 10 process extension). `jobs` is null while the console's job list is not known; `jobsError`
 * says why it could not be read.
 */
export function jobText(row: JobLineFields, jobs: ConsoleJobMembers | null, jobsError: string | null = null): string {
  const id = row.jobObjectId !== null && row.jobObjectId > 0 ? ` (job id ${row.jobObjectId})` : '';
  const membership = jobMembership(row, jobs);
  switch (membership.kind) {
    case 'console':
      return membership.jobs
        .map((j) =>
          j.origin === 'console'
            ? `In this console's job '${j.name}'`
            : j.origin === 'run'
              ? `In the job of this console's ${j.name} (the Run tab's; it ends with the run)`
              : `In job '${j.name}', which this console opened by name (it did not create it)`,
        )
        .join('; ')
        .concat(id);
    case 'external':
      return `In a job this console did not create${id}`;
    case 'inJob':
      return `In a job${id}${jobsError ? `; which one is unknown: the console's jobs could not be read (${jobsError})` : ''}`;
    case 'none':
      return 'Not in a job';
    case 'unknown':
      return row.detailsError ? `Unknown: ${row.detailsError}` : 'Unknown';
  }
}

/**
 * The details panel for the selected process: every field, the command line with a copy button, its
 * job, the loaded modules (read on demand: processes:getModules), and CPU and memory charts of the ticks
 * seen since it was selected.
 */
export function ProcessDetails({
  entry,
  selectedCount,
  parentName,
  points,
  modules,
  onLoadModules,
  onCopy,
  consoleJobs = null,
  consoleJobsError = null,
  unreported = {},
}: {
  entry: ProcessEntry | undefined;
  selectedCount: number;
  /** The parent's name when the parent is in the list (PID reuse rule applied), else null. */
  parentName: string | null;
  points: readonly HistoryPoint[];
  modules: ModulesState;
  onLoadModules: () => void;
  onCopy: (text: string, what: string) => void;
  /** The console's job members by PID (useConsoleJobMembers); null while not known. */
  consoleJobs?: ConsoleJobMembers | null;
  /** Why the console's job list could not be read; null when it could. */
  consoleJobsError?: string | null;
  /** Fields this system does not report, with why (the store's `unreported`). */
  unreported?: ProcessUnreportedValue;
}) {
  const headingId = useId();

  if (!entry) return <EmptyDetails testId="process-details" noun={{ one: 'process', many: 'processes' }} selectedCount={selectedCount} />;

  const { row } = entry;
  const label = processLabel(row.name, row.pid);
  return (
    <aside className="details" aria-labelledby={headingId} data-testid="process-details" data-pid={row.pid}>
      <h2 id={headingId} className="details__title">
        {label}
      </h2>
      {entry.status === 'exited' ? (
        <p className="status-line status-line--error" role="status">
          This process has exited.
        </p>
      ) : null}
      {row.detailsError ? (
        <p className="status-line status-line--error">{`Some details could not be read: ${row.detailsError}`}</p>
      ) : null}

      <CopyableValue heading="Command line" testId="process-details-command-line" value={row.commandLine} onCopy={onCopy} />

      <h3 className="details__heading">Job</h3>
      <p data-testid="process-details-job">{jobText(row, consoleJobs, consoleJobsError)}</p>

      <h3 className="details__heading">General</h3>
      <dl className="details__fields">
        {PROCESS_COLUMNS.filter((c) => c !== 'commandLine' && c !== 'inJob').map((c) => (
          <div key={c}>
            <dt>{COLUMN_SPECS[c].label}</dt>
            <dd data-field={c}>
              <KnownOr
                text={COLUMN_SPECS[c].text(row, consoleJobs)}
                reason={c === 'status' ? (statusText(row, consoleJobs) === null ? statusUnknowns(row, unreported).join(' ') || null : null) : unreportedReason(c, row, unreported)}
              />
              {c === 'parentPid' && parentName ? ` (${parentName})` : ''}
            </dd>
          </div>
        ))}
        <div>
          <dt>Creation time (FILETIME)</dt>
          <dd>{row.createTime}</dd>
        </div>
        <div>
          <dt>Critical system process</dt>
          <dd>{row.critical ? 'Yes: actions need a confirmed override' : 'No'}</dd>
        </div>
      </dl>

      <ProcessCharts points={points} privateReason={unreportedReason('privateBytes', row, unreported)} />

      <h3 className="details__heading">Modules</h3>
      <ModulesSection modules={modules} onLoad={onLoadModules} exited={entry.status === 'exited'} onCopy={onCopy} />
    </aside>
  );
}

/** A folder with line-break chances after each separator, so a long one wraps between folder names. */
function withBreaks(folder: string) {
  return folder.split(/(?<=[\\/])/).map((part, i) => (
    <Fragment key={i}>
      {part}
      <wbr />
    </Fragment>
  ));
}

/**
 * The loaded modules. A pane a few hundred px wide cannot show a path in one column, so each module reads
 * file name first with its folder wrapped under it (never cut), the full path in the tooltip and copyable.
 */
function ModulesSection({
  modules,
  onLoad,
  exited,
  onCopy,
}: {
  modules: ModulesState;
  onLoad: () => void;
  exited: boolean;
  onCopy: (text: string, what: string) => void;
}) {
  switch (modules.status) {
    case 'idle':
      return (
        <button type="button" onClick={onLoad} disabled={exited} data-testid="process-details-load-modules">
          Load modules
        </button>
      );
    case 'loading':
      return <p className="status-line" role="status">Reading the loaded modules…</p>;
    case 'failed':
      return (
        <div>
          <p className="status-line status-line--error">{`Could not read the modules: ${modules.error.message}`}</p>
          <button type="button" onClick={onLoad} disabled={exited}>
            Try loading modules again
          </button>
        </div>
      );
    case 'ready':
      return (
        <div className="modules">
          <p className="status-line">
            {`${modules.modules.length} modules loaded.`}{' '}
            <button type="button" onClick={onLoad} disabled={exited}>
              Reload modules
            </button>
          </p>
          <table className="modules__table" data-testid="process-modules">
            <thead>
              <tr>
                <th scope="col">Name and folder</th>
                <th scope="col">Size</th>
                <th scope="col">Base address</th>
                <th scope="col">
                  <span className="visually-hidden">Copy</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {modules.modules.map((m) => {
                const { file, folder } = splitModulePath(m.path);
                return (
                  <tr key={`${m.baseAddress}:${m.path}`} title={m.path}>
                    <td className="modules__name">
                      <span className="modules__file">{file || m.name}</span>
                      {folder ? <span className="modules__folder">{withBreaks(folder)}</span> : null}
                    </td>
                    <td className="modules__num">{formatBytes(m.sizeBytes)}</td>
                    <td className="modules__num">{m.baseAddress}</td>
                    <td>
                      <button type="button" className="modules__copy" aria-label={`Copy the path of ${file || m.name}`} onClick={() => onCopy(m.path, `the path of ${file || m.name}`)}>
                        Copy
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      );
  }
}
