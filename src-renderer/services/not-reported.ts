/**
 * How the Services view shows a part of a configuration the system did not report (the row's `notReported`,
 * decided in main by core/services/not-reported.ts): "not reported", the reason muted or on hover, an empty CSV
 * cell - never "none" or an error. Local to Services until the shared way to show unknown values replaces it.
 */
import type { ServiceRowValue } from '../../src-preload/contract/service-schemas';

/** The words for a value the system did not report. */
export const NOT_REPORTED = 'not reported';

/** A part of the row that may be not reported. */
export type ReportedField = ServiceRowValue['notReported'][number]['field'];

/** Why `field` was not reported for this row, or null when it was (or the row has no such note). */
export function notReportedReason(row: Pick<ServiceRowValue, 'notReported'>, field: ReportedField): string | null {
  return row.notReported.find((n) => n.field === field)?.reason ?? null;
}
