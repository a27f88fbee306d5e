import { useEffect, useState } from 'react';
import { reportFailure, request } from '../../lib/api';
import { formatClock, formatDateTime } from '../../lib/format';
import { KnownOr } from '../../shared/Unreported';
import { HostedCharts } from './HostedCharts';
import { HostedLogTail } from './HostedLogTail';
import { HOSTED_STATE_LABELS, jobAccountingRows, nextRestartText, probeText } from './hosted-status';
import { HostedTimeline } from './HostedTimeline';
import { useHostedService, type HostedLog } from './use-hosted-service';
import type { HostedView } from './hosted-status';

function timeOf(at: string): string {
  const t = Date.parse(at);
  return Number.isFinite(t) ? formatDateTime(t) : at;
}

/**
 * The hosted program inside a service's details, live from its host's status pipe: state, the program's
 * PIDs (links to Processes), restarts and the next one, last exits, probes, job accounting, charts and the
 * host's events, the output following live with search, and "Restart program" / "Open log folder". When
 * the host does not answer, it says why instead of showing zeros.
 */
export function HostedDetails({
  name,
  logicalProcessors,
  onShowProcess,
  onNotice,
}: {
  name: string;
  logicalProcessors: number;
  onShowProcess: (pid: number) => void;
  onNotice: (text: string) => void;
}) {
  const { view, log } = useHostedService(name, logicalProcessors);
  const status = view.status;
  const [now, setNow] = useState(() => Date.now());
  const counting = status?.nextRestartAt != null;
  useEffect(() => {
    if (!counting) return undefined;
    // A countdown the admin reads, not a poll: nothing is asked of the main process.
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [counting]);

  const restartProgram = () => {
    onNotice(`Restarting the program of ${name}: confirm in the main window…`);
    void request('services:restartProgram', { name }).then((r) => {
      if (r.ok) onNotice(`Asked the host of ${name} to restart the program.`);
      else if (r.error.code === 'CANCELLED') onNotice('Cancelled: nothing was changed.');
      else {
        onNotice('');
        reportFailure(`Could not restart the program of ${name}`, r.error);
      }
    });
  };
  const openLogFolder = () => {
    void request('services:openLogFolder', { name }).then((r) => {
      if (r.ok) onNotice(`Opened ${r.value.path}.`);
      else reportFailure(`Could not open the log folder of ${name}`, r.error);
    });
  };

  return (
    <HostedDetailsView name={name} view={view} log={log} now={now} onShowProcess={onShowProcess} onRestartProgram={restartProgram} onOpenLogFolder={openLogFolder} />
  );
}

/** What HostedDetails draws, from the watched view: separate so every state is checked in markup tests. */
export function HostedDetailsView({
  name,
  view,
  log,
  now,
  onShowProcess,
  onRestartProgram,
  onOpenLogFolder,
}: {
  name: string;
  view: HostedView;
  log: HostedLog;
  now: number;
  onShowProcess: (pid: number) => void;
  onRestartProgram: () => void;
  onOpenLogFolder: () => void;
}) {
  const status = view.status;
  const next = status ? nextRestartText(status.nextRestartAt, now, formatClock) : null;
  return (
    <section className="hosted" aria-label={`Hosted program of ${name}`} data-testid="hosted-details" data-state={status?.state ?? 'unknown'} data-restarts={status?.restarts ?? ''}>
      <h3 className="details__heading">
        <span className="badge svc-badge svc-badge--hosted">Hosted</span> Program run by the console’s service host
      </h3>
      <div className="toolbar-group" role="group" aria-label="Hosted program">
        {/* The host restarts the program only while it runs (in backoff it refuses: a restart is already due). */}
        <button
          type="button"
          disabled={status?.state !== 'running'}
          title={status?.state === 'running' ? undefined : 'Only while the program runs'}
          onClick={onRestartProgram}
          data-testid="hosted-restart-program"
        >
          Restart program…
        </button>
        <button type="button" onClick={onOpenLogFolder} data-testid="hosted-open-log-folder">
          Open log folder
        </button>
      </div>
      {status === null ? (
        <p className={view.unavailable ? 'status-line status-line--error' : 'status-line'} role="status" data-testid="hosted-unavailable">
          {view.unavailable ? `No status from the host: ${view.unavailable}` : 'Waiting for the host’s status…'}
        </p>
      ) : (
        <dl className="details__fields" data-testid="hosted-status">
          <div>
            <dt>Program</dt>
            <dd data-testid="hosted-state" data-state={status.state}>
              {HOSTED_STATE_LABELS[status.state]}
            </dd>
          </div>
          <div>
            <dt>PIDs</dt>
            <dd data-testid="hosted-pids">
              {status.pids.length === 0
                ? 'No process running'
                : status.pids.map((pid) => (
                    <button key={pid} type="button" className="link-button" onClick={() => onShowProcess(pid)} title={`Show PID ${pid} in Processes`} data-testid="hosted-pid-link" data-pid={pid} data-main={pid === status.programPid || undefined}>
                      {pid === status.programPid ? `${pid} (program)` : String(pid)}
                    </button>
                  ))}
            </dd>
          </div>
          <div>
            <dt>Host PID</dt>
            <dd>
              <button type="button" className="link-button" onClick={() => onShowProcess(status.hostPid)} data-testid="hosted-host-pid">
                {status.hostPid}
              </button>
            </dd>
          </div>
          <div>
            <dt>Restarts</dt>
            <dd data-testid="hosted-restarts" data-count={status.restarts}>
              {`${status.restarts} (${status.restartsInWindow} in the current window)${next ? `; next ${next}` : ''}`}
            </dd>
          </div>
          <div>
            <dt>Last exits</dt>
            <dd data-testid="hosted-last-exits">
              {status.lastExits.length === 0 ? (
                'None'
              ) : (
                <ul className="svc-list">
                  {[...status.lastExits].reverse().slice(0, 5).map((e, i) => (
                    <li key={i}>{`PID ${e.pid} exited with code ${e.code} (0x${e.code.toString(16).toUpperCase().padStart(8, '0')}) at ${timeOf(e.at)}`}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>Readiness</dt>
            <dd data-testid="hosted-readiness">{probeText(status.readiness, formatClock)}</dd>
          </div>
          <div>
            <dt>Liveness</dt>
            <dd data-testid="hosted-liveness">{probeText(status.liveness, formatClock)}</dd>
          </div>
          <div>
            <dt>Limit hits</dt>
            <dd>{status.limitHits.length === 0 ? 'None' : status.limitHits.map((h) => `${h.limit} at ${timeOf(h.at)}`).join('; ')}</dd>
          </div>
          {jobAccountingRows(status.job, view.unreported).map((r) => (
            <div key={r.label}>
              <dt>{r.label}</dt>
              <dd data-field={r.field ?? undefined}>
                <KnownOr text={r.value} reason={r.reason} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <HostedCharts points={view.points} events={view.events} />
      <HostedTimeline events={view.events} />
      <HostedLogTail name={name} log={log} />
    </section>
  );
}
