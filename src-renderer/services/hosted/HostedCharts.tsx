import { memo, useId, useMemo } from 'react';
import { formatBytes, formatClock, formatPercent } from '../../lib/format';
import { SERIES_COLOURS } from '../../performance/chart-style';
import { ChartLegend } from '../../shared/ChartLegend';
import { valueAxis } from '../../shared/chart-axes';
import { bytesAxis, PERCENT_AXIS, TimeChart, type TimeMarker, type TimeSeries } from '../../shared/TimeChart';
import { isHeardPoint } from '../../../src-preload/contract/hosted-chart-points';
import { HOSTED_EVENT_LABELS, MARKER_OF, type HostedEvent, type HostedPoint } from './hosted-status';

const CPU_SERIES: readonly TimeSeries[] = [{ key: 'cpu', name: 'CPU', colour: SERIES_COLOURS.cpuTotal }];
const MEMORY_SERIES: readonly TimeSeries[] = [{ key: 'peak', name: 'Peak job memory', colour: SERIES_COLOURS.committed }];
const HEALTH_SERIES: readonly TimeSeries[] = [
  // Counts that often sit on the same value (0, or 1 after one crash): widths and dashes keep all three visible.
  { key: 'restarts', name: 'Restarts', colour: SERIES_COLOURS.alert, width: 4 },
  { key: 'probe', name: 'Liveness failures in a row', colour: SERIES_COLOURS.cpuTotal, width: 2, dash: '6 3' },
  { key: 'limits', name: 'Limit hits', colour: SERIES_COLOURS.committed, width: 1.5, dash: '2 3' },
];

/** The charts' words: CPU now and at peak, memory, and the marked restarts, probe failures and limit hits. */
export function describeHostedCharts(points: readonly HostedPoint[], markers: readonly HostedEvent[]): { cpu: string; memory: string; health: string; markers: string } {
  const counts = { restart: 0, probe: 0, limit: 0 };
  for (const m of markers) {
    const k = MARKER_OF[m.kind];
    if (k) counts[k]++;
  }
  const marks =
    markers.length === 0
      ? 'No restart, probe failure or limit hit in this history.'
      : `Marked (dashed red): ${counts.restart} restart${counts.restart === 1 ? '' : 's'}, ${counts.probe} probe failure${counts.probe === 1 ? '' : 's'}, ${counts.limit} limit hit${counts.limit === 1 ? '' : 's'}; latest ${HOSTED_EVENT_LABELS[markers[markers.length - 1]!.kind]} at ${formatClock(markers[markers.length - 1]!.time)}.`;
  const heard = points.filter(isHeardPoint);
  const last = heard[heard.length - 1];
  if (!last) return { cpu: 'No status from the host yet.', memory: 'No status from the host yet.', health: 'No status from the host yet.', markers: marks };
  // The host gone since its last status: the charts end in a gap, and the words say so rather than going on.
  const gone = points[points.length - 1] !== last ? ` No status from the host since ${formatClock(last.time)} (a gap, not 0).` : '';
  const first = heard[0]!;
  const cpus = heard.map((p) => p.cpuPercent).filter((v): v is number => v !== null);
  const { restarts, limitHits } = last;
  return {
    cpu: `${cpus.length === 0 ? 'CPU time: not reported by the host on this system (a gap, not 0).' : `CPU time rate now ${formatPercent(last.cpuPercent)} of the machine, peak ${formatPercent(Math.max(...cpus))}.`}${gone}`,
    memory: `${last.peakJobMemoryBytes === null ? 'Peak job memory: not reported by this system (a gap, not 0).' : `Peak job memory ${formatBytes(last.peakJobMemoryBytes)}.`}${gone}`,
    health: `${restarts} restart${restarts === 1 ? '' : 's'} so far (${restarts - first.restarts} within these charts); ${
      last.probeFailures === null ? 'no liveness probe set' : `${last.probeFailures} liveness failure${last.probeFailures === 1 ? '' : 's'} in a row now`
    }; ${limitHits} limit hit${limitHits === 1 ? '' : 's'} reported.${gone}`,
    markers: marks,
  };
}

/** Whole-number ticks in even 1-2-5 steps for the chart of counts (a count of 1.5 restarts means nothing). */
export function countTicks(points: readonly HostedPoint[]): number[] {
  return valueAxis(
    points.flatMap((p) => [p.restarts, p.probeFailures, p.limitHits]),
    { integer: true },
  ).ticks;
}

/**
 * The program's job CPU time rate and peak memory (main's kept history, then the pushes), with a dashed marker
 * at each restart, probe failure and limit hit (from the host's events), drawn like the Jobs tab's charts; a
 * time the host was not running is a gap.
 */
export const HostedCharts = memo(function HostedCharts({ points, events }: { points: readonly HostedPoint[]; events: readonly HostedEvent[] }) {
  const cpuText = useId();
  const memText = useId();
  const markers = useMemo(() => events.filter((e) => MARKER_OF[e.kind] !== undefined), [events]);
  const healthText = useId();
  const data = useMemo(
    () =>
      points.map((p) => ({
        time: p.time,
        cpu: p.cpuPercent,
        peak: p.peakJobMemoryBytes,
        restarts: p.restarts,
        probe: p.probeFailures,
        limits: p.limitHits,
      })),
    [points],
  );
  const marks = useMemo<TimeMarker[]>(() => markers.map((m) => ({ key: m.key, time: m.time, label: `${HOSTED_EVENT_LABELS[m.kind]}: ${m.detail}` })), [markers]);
  const text = useMemo(() => describeHostedCharts(points, markers), [points, markers]);
  const healthTicks = useMemo(() => countTicks(points), [points]);
  const memoryAxis = useMemo(() => bytesAxis(data, ['peak']), [data]);
  return (
    <div className="pcharts" data-testid="hosted-chart" data-points={points.length} data-markers={markers.length} data-first={points[0]?.time ?? ''}>
      <h3 className="details__heading">CPU time rate</h3>
      <TimeChart data={data} series={CPU_SERIES} label="CPU time rate of the hosted program's job, percent of the machine" describedBy={cpuText} {...PERCENT_AXIS} markers={marks} testId="hosted-chart-cpu" />
      <p className="chart-text" id={cpuText}>{`${text.cpu} ${text.markers}`}</p>
      <h3 className="details__heading">Memory</h3>
      <TimeChart
        data={data}
        series={MEMORY_SERIES}
        label="Peak memory of the hosted program's job"
        describedBy={memText}
        {...memoryAxis}
        markers={marks}
        testId="hosted-chart-memory"
      />
      <p className="chart-text" id={memText}>
        {text.memory}
      </p>
      <h3 className="details__heading">Restarts, probe failures and limit hits</h3>
      <ChartLegend entries={HEALTH_SERIES} label="Health chart series" />
      <TimeChart
        data={data}
        series={HEALTH_SERIES}
        label="Restarts, liveness failures in a row and limit hits of the hosted program"
        describedBy={healthText}
        yDomain={[0, healthTicks[healthTicks.length - 1] ?? 1]}
        yTicks={healthTicks}
        yTickFormat={(v) => String(v)}
        yWidth={32}
        valueFormat={(v) => String(v)}
        markers={marks}
        testId="hosted-chart-health"
      />
      <p className="chart-text" id={healthText}>
        {text.health}
      </p>
    </div>
  );
});
