import { useId, type ReactNode, type Ref } from 'react';
import type { ServiceRowValue } from '../../src-preload/contract/service-schemas';
import { formatDuration, NO_VALUE } from '../lib/format';
import { CopyableValue, EmptyDetails } from '../shared/DetailParts';
import { NOT_REPORTED, notReportedReason } from './not-reported';
import { KIND_LABELS, SERVICE_COLUMN_SPECS, SERVICE_COLUMNS, type ServiceColumn } from './service-columns';
import { progressFraction, progressText, type LiveProgress } from './service-progress';

/** Columns the pane shows in sections of their own rather than in General. */
const OWN_SECTIONS: ReadonlySet<ServiceColumn> = new Set(['binaryPath', 'dependencies', 'recovery']);

const RECOVERY_WORDS = { none: 'Take no action', restart: 'Restart the service', runCommand: 'Run a program', reboot: 'Restart the computer' } as const;
const FAILURE_ORDINALS = ['First failure', 'Second failure', 'Third failure'];

/** "Restart the service after 1 min" per action; the last action repeats for every later failure. */
export function recoveryLines(recovery: NonNullable<ServiceRowValue['recovery']>): string[] {
  const last = recovery.actions.length - 1;
  return recovery.actions.map((a, i) => {
    // The SCM repeats the last action for every later failure.
    const when = last === 0 ? 'Every failure' : i === last ? 'Subsequent failures' : (FAILURE_ORDINALS[i] ?? `Failure ${i + 1}`);
    return a.type === 'none' ? `${when}: ${RECOVERY_WORDS.none}` : `${when}: ${RECOVERY_WORDS[a.type]} after ${formatDuration(a.delayMs)}`;
  });
}

/** "Reset the failure count after 1 day" or "Never reset the failure count". */
export function resetText(seconds: number | null): string {
  if (seconds === null) return 'Never reset the failure count';
  if (seconds > 0 && seconds % 86_400 === 0) return `Reset the failure count after ${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  if (seconds > 0 && seconds % 3600 === 0) return `Reset the failure count after ${seconds / 3600} h`;
  return `Reset the failure count after ${formatDuration(seconds * 1000)}`;
}

/**
 * The details pane for the selected service: every column, the binary path (copyable, with the CWE-428
 * warning and its fix), dependencies and dependents, recovery, load order group, why configuration could
 * not be read, progress while a control waits on it, and the PID as a link to the Processes tab.
 */
export function ServiceDetails({
  ref,
  row,
  selectedCount,
  progress,
  onShowProcess,
  onFixPath,
  onCopy,
  children,
}: {
  /** The pane itself (Enter in the table moves focus here). */
  ref?: Ref<HTMLElement>;
  row: ServiceRowValue | undefined;
  selectedCount: number;
  progress: LiveProgress | undefined;
  onShowProcess: (pid: number) => void;
  onFixPath: (name: string) => void;
  onCopy: (text: string, what: string) => void;
  /** What only some services have, shown under the title (a hosted program's live status). */
  children?: ReactNode;
}) {
  const headingId = useId();

  if (!row) return <EmptyDetails ref={ref} tabIndex={-1} testId="service-details" noun={{ one: 'service', many: 'services' }} selectedCount={selectedCount} />;

  const fraction = progress ? progressFraction(progress.event) : null;
  return (
    <aside ref={ref} tabIndex={-1} className="details" aria-labelledby={headingId} data-testid="service-details" data-name={row.name}>
      <h2 id={headingId} className="details__title">
        {row.displayName && row.displayName !== row.name ? `${row.displayName} (${row.name})` : row.name}
      </h2>
      {row.configError ? <p className="status-line status-line--error">{`Some configuration could not be read: ${row.configError}`}</p> : null}
      {progress ? (
        <div className="svc-details-progress" role="status">
          <p>{progressText(progress.event)}</p>
          <progress className="svc-progress svc-progress--wide" max={1} value={fraction ?? undefined} aria-label={`Progress of ${row.name}`} data-testid="service-details-progress" />
        </div>
      ) : null}

      {children}

      <CopyableValue heading="Binary path" testId="service-details-binary-path" value={row.binaryPath} onCopy={onCopy}>
        {row.unquotedPath ? (
          <p className="svc-warning" data-testid="service-details-unquoted">
            <span className="badge badge--warning">CWE-428</span> This path has a space and no quotes: Windows may run a program named by its first
            word (an unquoted service path, a privilege-escalation hole).{' '}
            <button type="button" onClick={() => onFixPath(row.name)} data-testid="service-details-fix-path">
              Quote the path…
            </button>
          </p>
        ) : null}
      </CopyableValue>

      <h3 className="details__heading">General</h3>
      <dl className="details__fields">
        {SERVICE_COLUMNS.filter((c) => !OWN_SECTIONS.has(c)).map((c) => (
          <div key={c}>
            <dt>{SERVICE_COLUMN_SPECS[c].label}</dt>
            <dd>
              {c === 'pid' && row.pid !== null ? (
                <button type="button" className="link-button" onClick={() => onShowProcess(row.pid as number)} data-testid="service-details-pid">
                  {`${row.pid} (show in Processes)`}
                </button>
              ) : (
                (SERVICE_COLUMN_SPECS[c].meaning?.(row) ?? SERVICE_COLUMN_SPECS[c].text(row))
              )}
            </dd>
          </div>
        ))}
        <div>
          <dt>Service type</dt>
          <dd>{`${KIND_LABELS[row.kind]} (0x${row.typeBits.toString(16).padStart(2, '0')})`}</dd>
        </div>
        {row.startType !== null && (row.delayedAutoStart === null || row.triggered === null) ? (
          <div>
            <dt>Delayed and trigger start</dt>
            <dd className="status-line" title={notReportedReason(row, 'delayedAutoStart') ?? notReportedReason(row, 'triggered') ?? undefined} data-testid="service-details-start-unknown">
              {`${NOT_REPORTED}: ${notReportedReason(row, 'delayedAutoStart') ?? notReportedReason(row, 'triggered') ?? 'could not be read'}`}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Load order group</dt>
          <dd>{row.loadOrderGroup === null || row.loadOrderGroup === '' ? NO_VALUE : row.loadOrderGroup}</dd>
        </div>
      </dl>

      <h3 className="details__heading">Depends on</h3>
      {row.dependencies === null ? (
        <p className="status-line" title={notReportedReason(row, 'dependencies') ?? undefined} data-testid="service-details-dependencies-unknown">
          {notReportedReason(row, 'dependencies') ? `Dependencies: ${notReportedReason(row, 'dependencies')}.` : NO_VALUE}
        </p>
      ) : row.dependencies.length === 0 ? (
        <p className="status-line">No dependencies.</p>
      ) : (
        <ul className="svc-list" data-testid="service-details-dependencies">
          {row.dependencies.map((d) => (
            <li key={d}>{d.startsWith('+') ? `${d.slice(1)} (load order group)` : d}</li>
          ))}
        </ul>
      )}

      <h3 className="details__heading">Needed by</h3>
      {row.dependents.length === 0 ? (
        <p className="status-line">No service depends on it.</p>
      ) : (
        <ul className="svc-list" data-testid="service-details-dependents">
          {row.dependents.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}

      <h3 className="details__heading">Recovery</h3>
      {row.recovery === null ? (
        <p className="status-line" title={notReportedReason(row, 'recovery') ?? undefined} data-testid="service-details-recovery-unknown">
          {notReportedReason(row, 'recovery') ? `Recovery: ${notReportedReason(row, 'recovery')}.` : row.configError ? 'Unknown.' : 'Not read yet.'}
        </p>
      ) : (
        <div data-testid="service-details-recovery">
          {row.recovery.actions.length === 0 ? <p>No recovery actions.</p> : null}
          <ul className="svc-list">
            {recoveryLines(row.recovery).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <p>{resetText(row.recovery.resetPeriodSeconds)}</p>
          {row.recovery.command !== '' ? <p>{`Program: ${row.recovery.command}`}</p> : null}
          {row.recovery.rebootMessage !== '' ? <p>{`Reboot message: ${row.recovery.rebootMessage}`}</p> : null}
          <p>
            {row.recoveryOnNonCrashFailures === null
              ? `Actions for stops with errors: ${notReportedReason(row, 'recoveryOnNonCrashFailures') ?? NOT_REPORTED}.`
              : row.recoveryOnNonCrashFailures
                ? 'Also on stops with errors.'
                : 'Only when the service crashes (not on stops with errors).'}
          </p>
        </div>
      )}
    </aside>
  );
}
