import type { JobRowValue } from '../../src-preload/contract/job-schemas';
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
  const rows = limitRows(job.limitsAsked, job.limitsHeld);
  return (
    <div className="limits-held" data-testid="job-limits">
      {job.differences.length > 0 ? (
        <div className="limits-held__differences" role="note" data-testid="job-differences" data-count={job.differences.length}>
          <H className="details__heading limits-held__warning">
            {job.differences.length === 1 ? 'Windows holds one limit differently from what was asked' : `Windows holds ${job.differences.length} limits differently from what was asked`}
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
      ) : job.limitsAsked && job.limitsHeld ? (
        <p className="status-line" data-testid="job-no-differences">
          Windows holds every limit as asked.
        </p>
      ) : null}
      {job.limitsUnreadable !== null ? (
        <p className="form__problem" data-testid="job-limits-unreadable">{`The limits could not be read back: ${job.limitsUnreadable}`}</p>
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
                {r.held}
                {r.differs ? <span className="badge badge--warning limits-held__badge">differs</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
