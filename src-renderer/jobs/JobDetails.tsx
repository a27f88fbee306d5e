import { useId, type Ref } from 'react';
import type { JobEventValue, JobRowValue } from '../../src-preload/contract/job-schemas';
import { formatBytes, formatCpuTime, formatDateTime, formatPercent, NO_VALUE } from '../lib/format';
import type { UnreportableAccountingField } from '../../src-preload/contract/job-schemas';
import type { UnknownReasons } from '../../src-preload/contract/unknown';
import { EmptyDetails } from '../shared/DetailParts';
import { KnownOr } from '../shared/Unreported';
import { EVENT_LABELS, ORIGIN_LABELS } from './job-columns';
import type { JobPoint } from './job-history';
import { JobCharts } from './JobCharts';
import { LimitsHeld } from './LimitsHeld';

/** Member rows rendered at most (a job can hold thousands; the count says how many more). */
export const MEMBERS_SHOWN = 200;

/** What closing the console's handle does to this job, in words (the issue asks the UI to say it). */
export function lifetimeText(job: JobRowValue): string {
  if (!job.open) return 'Saved definition only: the console holds no handle to this job now.';
  // Held as the system reports it; when it does not report it back, what was asked, with why (the limits table says the same).
  const unreported = job.limitsUnreported.killOnJobClose ?? null;
  const killOnClose = (unreported === null ? (job.limitsHeld ?? job.limitsAsked) : job.limitsAsked)?.killOnJobClose === true;
  if (unreported !== null && killOnClose) {
    return `Kill on job close was applied (${unreported}): members end when the console closes the job (or the console exits).`;
  }
  // Asked but reported as not held.
  if (!killOnClose && job.limitsAsked?.killOnJobClose === true) {
    return 'Kill on job close was applied, but Windows reports it as not set (see the differences below): members may keep running when the console lets go.';
  }
  if (job.origin === 'opened') {
    return killOnClose
      ? 'Opened by name. Kill on job close is set: members die when the last handle closes, which may be this console’s.'
      : 'Opened by name: closing it here only drops this console’s handle.';
  }
  return killOnClose
    ? 'Kill on job close is set: every member ends when the console closes the job (or the console exits).'
    : 'Kill on job close is not set: members keep running when the console lets go; their limits stay with them.';
}

/**
 * The selected job: what closing it means, its members (PID links to the Processes tab), accounting,
 * charts, limits asked vs held with the differences, and its event timeline (newest first).
 */
export function JobDetails({
  ref,
  job,
  points,
  events,
  markers,
  onShowProcess,
}: {
  ref?: Ref<HTMLElement>;
  job: JobRowValue | undefined;
  points: readonly JobPoint[];
  /** This job's events, newest first. */
  events: readonly JobEventValue[];
  /** This job's limit events within the charts' span. */
  markers: readonly JobEventValue[];
  onShowProcess: (pid: number) => void;
}) {
  const headingId = useId();
  if (!job) return <EmptyDetails ref={ref} tabIndex={-1} testId="job-details" noun={{ one: 'job', many: 'jobs' }} selectedCount={0} />;
  const acc = job.accounting;
  return (
    <aside ref={ref} tabIndex={-1} className="details job-details" aria-labelledby={headingId} data-testid="job-details" data-name={job.name}>
      <h2 id={headingId} className="details__title">
        {job.name}
      </h2>
      <p className="form__hint">{`${ORIGIN_LABELS[job.origin]}${job.template ? ` · template ${job.template}` : ''}`}</p>
      <p className="job-details__lifetime" data-testid="job-lifetime">
        {lifetimeText(job)}
      </p>

      <h3 className="details__heading">{`Members (${job.members.length})`}</h3>
      {job.members.length === 0 ? (
        <p className="status-line">No process is in this job.</p>
      ) : (
        <table className="modules__table" data-testid="job-members">
          <thead>
            <tr>
              <th scope="col">PID</th>
              <th scope="col">Name</th>
              <th scope="col">CPU</th>
              <th scope="col">Working set</th>
            </tr>
          </thead>
          <tbody>
            {job.members.slice(0, MEMBERS_SHOWN).map((m) => (
              <tr key={`${m.pid}:${m.createTime ?? ''}`} data-testid="job-member-row" data-pid={m.pid}>
                <td className="modules__num">
                  <button type="button" className="link-button" title={`Show PID ${m.pid} in Processes`} onClick={() => onShowProcess(m.pid)} data-testid="job-member-pid">
                    {m.pid}
                  </button>
                </td>
                <td className="modules__path" title={m.name}>
                  {m.name}
                </td>
                <td className="modules__num">{formatPercent(m.cpuPercent)}</td>
                <td className="modules__num">{formatBytes(m.workingSetBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {job.members.length > MEMBERS_SHOWN ? <p className="form__hint">{`…and ${job.members.length - MEMBERS_SHOWN} more.`}</p> : null}

      <h3 className="details__heading">Accounting</h3>
      {acc ? (
        <dl className="details__fields" data-testid="job-accounting">
          <Field label="Processes" value={`${acc.activeProcesses} active, ${acc.totalProcesses} total, ${acc.terminatedProcesses} terminated`} />
          <Field label="User CPU" field="userTimeMs" value={formatCpuTime(acc.userTimeMs)} unreported={acc.unreported} />
          <Field label="Kernel CPU" field="kernelTimeMs" value={formatCpuTime(acc.kernelTimeMs)} unreported={acc.unreported} />
          <Field label="Page faults" field="pageFaults" value={count(acc.pageFaults)} unreported={acc.unreported} />
          <Field label="Reads" field="readBytes" value={`${count(acc.readOperations)} · ${formatBytes(acc.readBytes)}`} unreported={acc.unreported} />
          <Field label="Writes" field="writeBytes" value={`${count(acc.writeOperations)} · ${formatBytes(acc.writeBytes)}`} unreported={acc.unreported} />
          <Field label="Other I/O" field="otherBytes" value={`${count(acc.otherOperations)} · ${formatBytes(acc.otherBytes)}`} unreported={acc.unreported} />
          <Field label="Peak process memory" field="peakProcessMemoryBytes" value={formatBytes(acc.peakProcessMemoryBytes)} unreported={acc.unreported} />
          <Field label="Peak job memory" field="peakJobMemoryBytes" value={formatBytes(acc.peakJobMemoryBytes)} unreported={acc.unreported} />
        </dl>
      ) : (
        <p className="status-line" data-testid="job-accounting-unreadable">
          {job.open ? `The accounting could not be read${job.accountingUnreadable ? `: ${job.accountingUnreadable}` : '.'}` : `${NO_VALUE} (not open)`}
        </p>
      )}

      <JobCharts points={points} markers={markers} />

      <LimitsHeld job={job} />

      <h3 className="details__heading">Events</h3>
      {events.length === 0 ? (
        <p className="status-line">No events for this job yet.</p>
      ) : (
        <ol className="job-events" data-testid="job-events">
          {events.map((e) => (
            <li key={e.id} className={e.important ? 'job-events__entry job-events__entry--important' : 'job-events__entry'} data-testid="job-event" data-kind={e.kind}>
              <time dateTime={new Date(e.time).toISOString()} className="svc-timeline__time">
                {formatDateTime(e.time)}
              </time>
              <span className="job-events__kind">{EVENT_LABELS[e.kind]}</span>
              {e.pid !== null ? <span className="job-events__pid">{`PID ${e.pid}`}</span> : null}
              <span className="svc-timeline__text">{e.text}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

/** A count with thousands separators, "—" when unknown. */
function count(value: number | null): string {
  return value === null ? NO_VALUE : value.toLocaleString('en-US');
}

/** One accounting figure: its value, or the Unreported marker when the system does not report `field`. */
function Field({ label, value, field, unreported }: { label: string; value: string; field?: UnreportableAccountingField; unreported?: UnknownReasons<UnreportableAccountingField> }) {
  const reason = field ? (unreported?.[field] ?? null) : null;
  return (
    <div>
      <dt>{label}</dt>
      <dd data-field={field}>
        <KnownOr text={value} reason={reason} />
      </dd>
    </div>
  );
}
