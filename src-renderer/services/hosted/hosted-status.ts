/**
 * What the hosted details show, from the host's status pushes (`services:hostedStatus`): the state in the
 * admin's words, a history for the charts (the job's CPU time rate and peak memory, with markers where the
 * program restarted, a probe failed or a limit was hit) and a timeline that keeps the host's events beyond
 * the 20 each status carries; main's kept history (services:hostedHistory) goes before the pushes. Unknown
 * stays unknown: a null from the host, or no host at all, is a gap, never 0. Pure, so it is unit tested.
 */
import {
  figuresToForget,
  hostedChartPoint,
  hostedEventKey,
  mergeHostedEvents,
  MAX_HOSTED_POINTS,
  type HostedChartPoint,
  type HostedEventLine,
} from '../../../src-preload/contract/hosted-chart-points';
import type { HostedEventLineValue, HostedHistoryValue, HostedStatusChangedValue, HostedStatusValue, HostedUnreportableJobField } from '../../../src-preload/contract/hosted-schemas';
import type { UnknownReasons } from '../../../src-preload/contract/unknown';
import type { HOSTED_EVENT_KINDS, HOSTED_STATES } from '../../../src-preload/contract/hosted-ranges';
import { formatBytes, formatCpuTime, NO_VALUE } from '../../lib/format';

type HostedState = (typeof HOSTED_STATES)[number];
type HostedEventKind = (typeof HOSTED_EVENT_KINDS)[number];

/** The host's states as an admin reads them. */
export const HOSTED_STATE_LABELS: { readonly [S in HostedState]: string } = {
  starting: 'Starting the program',
  running: 'Running',
  backoff: 'Waiting to restart',
  stopping: 'Stopping',
  stopped: 'Stopped',
  'gave-up': 'Gave up restarting',
};

/** The host's event kinds as an admin reads them. */
export const HOSTED_EVENT_LABELS: { readonly [K in HostedEventKind]: string } = {
  started: 'Started',
  exited: 'Exited',
  restarting: 'Restarting',
  'gave-up': 'Gave up',
  'probe-failed': 'Probe failed',
  'limit-hit': 'Limit hit',
  'config-error': 'Configuration error',
  'start-failed': 'Could not start',
  stopping: 'Stopping',
  stopped: 'Stopped',
  'log-dropped': 'Output dropped',
};

/** What a chart marker stands for. */
export type MarkerKind = 'restart' | 'probe' | 'limit';

/** The event kinds drawn as chart markers. */
export const MARKER_OF: { readonly [K in HostedEventKind]?: MarkerKind } = {
  restarting: 'restart',
  'probe-failed': 'probe',
  'limit-hit': 'limit',
};

/** One of the host's events, with its time parsed. */
export interface HostedEvent extends HostedEventLine {
  readonly key: string;
  readonly time: number;
  readonly kind: HostedEventKind;
}

/** One point on the charts (hosted-chart-points.ts, the rule main's history follows too); all null on a gap. */
export type HostedPoint = HostedChartPoint;

/** Everything the details keep for one watched service. */
export interface HostedView {
  /** The latest status, or null with `unavailable` saying why. */
  readonly status: HostedStatusValue | null;
  readonly unavailable: string | null;
  /** Why job figures of `status` are null although the host sent them (the system leaves them 0). */
  readonly unreported: UnknownReasons<HostedUnreportableJobField>;
  /** When the latest push arrived (main's clock). */
  readonly time: number | null;
  readonly points: readonly HostedPoint[];
  /** Oldest first, deduplicated, bounded. */
  readonly events: readonly HostedEvent[];
}

/** Nothing heard yet. */
export const NO_HOSTED_VIEW: HostedView = { status: null, unavailable: null, unreported: {}, time: null, points: [], events: [] };

function parseTime(at: string): number | null {
  const t = Date.parse(at);
  return Number.isFinite(t) ? t : null;
}

/** The host's events with their times read; one whose time cannot be read is left out (it has no place on a chart). */
function eventsOf(lines: readonly HostedEventLineValue[]): HostedEvent[] {
  const out: HostedEvent[] = [];
  for (const e of lines) {
    const time = parseTime(e.at);
    if (time !== null) out.push({ key: hostedEventKey(e), time, at: e.at, kind: e.kind, detail: e.detail });
  }
  return out;
}

/** `points` with `point` after them, unless one at the same or a later time is there (a push repeated on watch). */
function appendPoint(points: readonly HostedPoint[], point: HostedPoint): readonly HostedPoint[] {
  const last = points[points.length - 1];
  if (last !== undefined && last.time >= point.time) return points;
  return [...points, point].slice(-MAX_HOSTED_POINTS);
}

/**
 * Figures proven unreported since (figuresToForget) were not real zeros in the points drawn before either:
 * gaps now, as in main's history (hosted-chart-history.ts). The same array when there is nothing to forget.
 */
function forgetUnreported(points: readonly HostedPoint[], unreported: HostedStatusChangedValue['unreported']): readonly HostedPoint[] {
  const figures = figuresToForget(unreported);
  const stale = (p: HostedPoint) => figures.some((f) => p[f] !== null);
  if (!points.some(stale)) return points;
  const gaps = Object.fromEntries(figures.map((f) => [f, null]));
  return points.map((p) => (stale(p) ? { ...p, ...gaps } : p));
}

/**
 * The view after one push: the status replaces the last, a point is added (a gap when there is no status: the
 * host is not running, so there are no figures, never zeros), new events join the timeline.
 */
export function applyHostedStatus(view: HostedView, push: HostedStatusChangedValue, logicalProcessors: number): HostedView {
  const held = forgetUnreported(view.points, push.unreported);
  const previous = held[held.length - 1];
  const points = appendPoint(held, hostedChartPoint(previous, push.time, push.status, logicalProcessors));
  if (push.status === null) return { ...view, status: null, unavailable: push.unavailable ?? 'The host did not answer.', unreported: {}, time: push.time, points };
  const status = push.status;
  const events = mergeHostedEvents(view.events, eventsOf(status.events));
  return { status, unavailable: null, unreported: push.unreported, time: push.time, points, events };
}

/**
 * Main's kept history (services:hostedHistory) joined with what the view gathered from pushes: each time once,
 * oldest first, main's point where both have one (its CPU rate was taken against the point before, which the
 * view may not have had); the events of both, once each.
 */
export function mergeHostedHistory(view: HostedView, kept: HostedHistoryValue): HostedView {
  if (kept.points.length === 0 && kept.events.length === 0) return view;
  const byTime = new Map<number, HostedPoint>();
  for (const p of view.points) byTime.set(p.time, p);
  for (const p of kept.points) byTime.set(p.time, p);
  const points = [...byTime.values()].sort((a, b) => a.time - b.time).slice(-MAX_HOSTED_POINTS);
  const events = mergeHostedEvents(eventsOf(kept.events), view.events);
  return { ...view, points, events };
}

/** "in 4.2 s (12:03:09)" until the next restart, "due now (12:03:09)" once past; null when none is planned. */
export function nextRestartText(nextRestartAt: string | null, now: number, clock: (t: number) => string = () => ''): string | null {
  if (nextRestartAt === null) return null;
  const at = parseTime(nextRestartAt);
  if (at === null) return `at ${nextRestartAt}`;
  const left = at - now;
  const when = clock(at);
  return `${left <= 0 ? 'due now' : `in ${(left / 1000).toFixed(1)} s`}${when ? ` (${when})` : ''}`;
}

/** A probe's latest result in words: "OK: connected to 127.0.0.1:8080 (12:03:04)", or what is not set. */
export function probeText(probe: HostedStatusValue['readiness'] | HostedStatusValue['liveness'], clock: (t: number) => string): string {
  if (probe === null) return 'Not set (only "the job still has processes" is checked).';
  const at = parseTime(probe.at);
  const when = at === null ? '' : ` (${clock(at)})`;
  const failures = 'consecutiveFailures' in probe && probe.consecutiveFailures > 0 ? `, ${probe.consecutiveFailures} in a row` : '';
  return `${probe.ok ? 'OK' : 'Failed'}: ${probe.kind} ${probe.detail}${failures}${when}`;
}

/** One job figure in the details: its text, or why it is unknown (shown as the Jobs tab does, never 0). */
export interface JobAccountingRow {
  readonly label: string;
  /** The field it shows (data-field), null for the row that stands for all of them. */
  readonly field: keyof NonNullable<HostedStatusValue['job']> | null;
  readonly value: string;
  /** Why the value is unknown, or null when it was reported. */
  readonly reason: string | null;
}

/**
 * The job's accounting as label/value rows. A null value is unknown with why: the reason main gave (the
 * system leaves the figure 0, `unreported`), or else that the host did not report it.
 */
export function jobAccountingRows(job: HostedStatusValue['job'], unreported: UnknownReasons<HostedUnreportableJobField> = {}): JobAccountingRow[] {
  const fallback = 'the service host did not report it';
  if (job === null) return [{ label: 'Job accounting', field: null, value: NO_VALUE, reason: 'the service host did not report its job accounting' }];
  const row = (label: string, field: keyof typeof job, f: (n: number) => string): JobAccountingRow => {
    const v = job[field];
    if (v !== null) return { label, field, value: f(v), reason: null };
    return { label, field, value: NO_VALUE, reason: (unreported as Partial<Record<string, string>>)[field] ?? fallback };
  };
  return [
    row('Processes now', 'activeProcesses', String),
    row('Processes started', 'totalProcesses', String),
    row('User CPU time', 'userTimeMs', (n) => formatCpuTime(n)),
    row('Kernel CPU time', 'kernelTimeMs', (n) => formatCpuTime(n)),
    row('Peak process memory', 'peakProcessMemoryBytes', formatBytes),
    row('Peak job memory', 'peakJobMemoryBytes', formatBytes),
  ];
}
