import type { JobRowValue } from '../../src-preload/contract/job-schemas';
import type { LimitField } from '../../src-preload/contract/job-schemas';
import { KnownOr } from '../shared/Unreported';
import { LIMIT_LABELS, limitRows } from './limit-text';

/** A difference's field in words when main names it by its JobLimits key, else as main gave it. */
function fieldLabel(field: string): string {
  return Object.hasOwn(LIMIT_LABELS, field) ? LIMIT_LABELS[field as keyof typeof LIMIT_LABELS] : field;
}

/**
 * What Windows holds next to what was asked, every limit on a row (rows that differ marked), and main's
 * differences list (field, asked, held, why) above it when there is one: the point of reading limits
 * back after applying them. Shown in the details pane and after Apply in the Edit limits dialog.
 */
export function LimitsHeld({ job, headingLevel = 3 }: { job: JobRowValue; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  // A held value the system does not report is unknown: shown as such, never as differing.
  const rows = limitRows(job.limitsAsked, job.limitsHeld).map((r) => {
    const reason = job.limitsUnreported[r.key as LimitField] ?? null;
    return { ...r, reason, differs: reason === null && r.differs };
  });
  const unknownCount = rows.filter((r) => r.reason !== null).length;
  return (
    <div className="limits-held" data-testid="job-limits">
      {job.differences.length > 0 ? (
        <div className="limits-held__differences" role="note" data-testid="job-differences" data-count={job.differences.length}>
          <H className="details__heading limits-held__warning">
            {job.differences.length === 1 ? 'One limit is not held as asked' : `${job.differences.length} limits are not held as asked`}
          </H>
          <table className="modules__table">
            <thead>
              <tr>
                <th scope="col">Limit</th>
                <th scope="col">Asked</th>
                <th scope="col">Held</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {job.differences.map((d) => (
                <tr key={d.field} data-testid="job-difference" data-field={d.field}>
                  <td>{fieldLabel(d.field)}</td>
                  <td>{d.asked}</td>
                  <td>{d.held}</td>
                  <td className="limits-held__note">{d.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : job.limitsAsked && job.limitsHeld && unknownCount === 0 ? (
        <p className="status-line" data-testid="job-no-differences">
          Every limit is held as asked.
        </p>
      ) : null}
      {unknownCount > 0 ? (
        <p className="status-line" data-testid="job-limits-unreported" data-count={unknownCount}>
          {`${unknownCount === 1 ? 'One limit is' : `${unknownCount} limits are`} not reported back by this system: shown as — with why on hover.`}
        </p>
      ) : null}
      {job.limitsUnreadable !== null ? (
        <p className="status-line" data-testid="job-limits-unreadable">{`Not read back: ${job.limitsUnreadable}`}</p>
      ) : null}
      <H className="details__heading">{job.limitsAsked ? 'Limits: asked and held' : 'Limits held (never changed from this console)'}</H>
      <table className="modules__table limits-held__table">
        <thead>
          <tr>
            <th scope="col">Limit</th>
            {job.limitsAsked ? <th scope="col">Asked</th> : null}
            <th scope="col">Held by Windows</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.differs ? 'limits-held__row--differs' : undefined} data-testid="job-limit-row" data-field={r.key} data-differs={r.differs}>
              <th scope="row">{r.label}</th>
              {job.limitsAsked ? <td>{r.asked}</td> : null}
              <td>
                <KnownOr text={r.held} reason={r.reason} />
                {r.differs ? <span className="badge badge--warning limits-held__badge">differs</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
