import { memo, useId, useMemo } from 'react';
import type { JobEventValue } from '../../src-preload/contract/job-schemas';
import { formatBytes, formatClock, formatPercent } from '../lib/format';
import { SERIES_COLOURS } from '../performance/chart-style';
import { ChartLegend } from '../shared/ChartLegend';
import { bytesAxis, PERCENT_AXIS, TimeChart, type TimeMarker, type TimeSeries } from '../shared/TimeChart';
import { EVENT_LABELS } from './job-columns';
import type { JobPoint } from './job-history';

const CPU_SERIES: readonly TimeSeries[] = [{ key: 'cpu', name: 'CPU', colour: SERIES_COLOURS.cpuTotal }];
const MEMORY_SERIES: readonly TimeSeries[] = [
  { key: 'ws', name: 'Members’ working sets', colour: SERIES_COLOURS.physicalUsed, width: 3 },
  // Often level with the working sets (one member at its peak): dashed so both stay visible.
  { key: 'peak', name: 'Peak job memory', colour: SERIES_COLOURS.committed, dash: '5 3' },
];
const MEMORY_KEYS = MEMORY_SERIES.map((s) => s.key);

/** The charts' words: now, peak, and the limit hits marked. */
export function describeJobCharts(points: readonly JobPoint[], markers: readonly JobEventValue[]): { cpu: string; memory: string; markers: string } {
  const last = points[points.length - 1];
  const hits =
    markers.length === 0
      ? 'No limit was hit while this view was open.'
      : `Limit hits marked (dashed red): ${markers
          .slice(-5)
          .map((m) => `${EVENT_LABELS[m.kind]} at ${formatClock(m.time)}`)
          .join('; ')}${markers.length > 5 ? `; and ${markers.length - 5} earlier` : ''}.`;
  if (!last) return { cpu: 'No samples yet.', memory: 'No samples yet.', markers: hits };
  const cpus = points.map((p) => p.cpuPercent).filter((v): v is number => v !== null);
  const peak = cpus.length > 0 ? Math.max(...cpus) : null;
  return {
    cpu: `CPU time rate now ${formatPercent(last.cpuPercent)} of the machine, peak ${formatPercent(peak)} over ${points.length} samples.`,
    memory: `Members’ working sets now ${formatBytes(last.workingSetBytes)}; peak job memory (committed) ${formatBytes(last.peakJobMemoryBytes)}.`,
    markers: hits,
  };
}

/**
 * A job's CPU time rate and memory over the last ten minutes (main keeps the history and answers
 * jobs:history when the charts mount; each tick's accounting then adds a point), with a dashed marker
 * where a limit was hit.
 */
export const JobCharts = memo(function JobCharts({ points, markers }: { points: readonly JobPoint[]; markers: readonly JobEventValue[] }) {
  const cpuText = useId();
  const memText = useId();
  const data = useMemo(
    () =>
      points.map((p) => ({
        time: p.time,
        cpu: p.cpuPercent,
        ws: p.workingSetBytes,
        peak: p.peakJobMemoryBytes,
      })),
    [points],
  );
  const marks = useMemo<TimeMarker[]>(() => markers.map((m) => ({ key: String(m.id), time: m.time, label: `${EVENT_LABELS[m.kind]}: ${m.text}` })), [markers]);
  const text = useMemo(() => describeJobCharts(points, markers), [points, markers]);
  const memoryAxis = useMemo(() => bytesAxis(data, MEMORY_KEYS), [data]);
  return (
    <div className="pcharts" data-testid="job-chart" data-points={points.length} data-markers={markers.length} data-first={points[0]?.time ?? ''}>
      <h3 className="details__heading">CPU time rate</h3>
      <TimeChart
        data={data}
        series={CPU_SERIES}
        label="CPU time rate of this job, percent of the machine"
        describedBy={cpuText}
        {...PERCENT_AXIS}
        markers={marks}
        testId="job-chart-cpu"
      />
      <p className="chart-text" id={cpuText}>
        {`${text.cpu} ${text.markers}`}
      </p>
      <h3 className="details__heading">Memory</h3>
      <ChartLegend entries={MEMORY_SERIES} label="Job memory chart series" />
      <TimeChart
        data={data}
        series={MEMORY_SERIES}
        label="Memory of this job"
        describedBy={memText}
        {...memoryAxis}
        markers={marks}
        testId="job-chart-memory"
      />
      <p className="chart-text" id={memText}>
        {text.memory}
      </p>
    </div>
  );
});
