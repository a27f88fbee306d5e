import { memo, useId, useMemo } from 'react';
import { formatBytes, formatPercent } from '../lib/format';
import { SERIES_COLOURS } from '../performance/chart-style';
import { ChartLegend } from '../shared/ChartLegend';
import { bytesAxis, PERCENT_AXIS, TimeChart, type TimeSeries } from '../shared/TimeChart';
import { Unreported } from '../shared/Unreported';
import type { HistoryPoint } from './process-history';

const CPU_SERIES: readonly TimeSeries[] = [{ key: 'cpu', name: 'CPU', colour: SERIES_COLOURS.cpuTotal }];
const MEMORY_SERIES: readonly TimeSeries[] = [
  { key: 'ws', name: 'Working set', colour: SERIES_COLOURS.physicalUsed, width: 3 },
  // Drawn over the working set, which it often equals: dashed so both stay visible.
  { key: 'priv', name: 'Private bytes', colour: SERIES_COLOURS.committed, dash: '5 3' },
];
const MEMORY_KEYS = MEMORY_SERIES.map((s) => s.key);

function describe(points: readonly HistoryPoint[], privateReason: string | null): { cpu: string; memory: string } {
  const last = points[points.length - 1];
  if (!last) return { cpu: 'No samples yet.', memory: 'No samples yet.' };
  const cpus = points.map((p) => p.cpuPercent).filter((v): v is number => v !== null);
  const peak = cpus.length > 0 ? Math.max(...cpus) : null;
  const peakWs = Math.max(...points.map((p) => p.workingSetBytes));
  return {
    cpu: `Now ${formatPercent(last.cpuPercent)}, peak ${formatPercent(peak)} over ${points.length} samples.`,
    memory: `Working set now ${formatBytes(last.workingSetBytes)} (peak ${formatBytes(peakWs)}), private bytes ${last.privateBytes === null && privateReason ? `not reported (${privateReason})` : formatBytes(last.privateBytes)}.`,
  };
}

/**
 * CPU % and memory of the selected process since it was first selected (main keeps the past of the few
 * processes whose details were opened, so it survives a tab switch), on the shared TimeChart (animation
 * and dots off, memoized data: it redraws on every tick); a text summary describes each chart for
 * screen readers.
 */
export const ProcessCharts = memo(function ProcessCharts({ points, privateReason = null }: { points: readonly HistoryPoint[]; /** Why private bytes are unknown (the chart leaves a gap). */ privateReason?: string | null }) {
  const cpuText = useId();
  const memText = useId();
  const data = useMemo(
    () => points.map((p) => ({ time: p.time, cpu: p.cpuPercent, ws: p.workingSetBytes, priv: p.privateBytes })),
    [points],
  );
  const text = useMemo(() => describe(points, privateReason), [points, privateReason]);
  const memoryAxis = useMemo(() => bytesAxis(data, MEMORY_KEYS), [data]);
  const legend = useMemo(
    () => MEMORY_SERIES.map((s) => (s.key === 'priv' && privateReason ? { ...s, note: <Unreported reason={privateReason} /> } : s)),
    [privateReason],
  );

  return (
    <div className="pcharts" data-testid="process-chart" data-points={points.length} data-first={points[0]?.time ?? ''}>
      <h3 className="details__heading">CPU</h3>
      <TimeChart
        data={data}
        series={CPU_SERIES}
        label="CPU usage of this process since it was selected"
        describedBy={cpuText}
        {...PERCENT_AXIS}
      />
      <p className="chart-text" id={cpuText}>
        {text.cpu}
      </p>
      <h3 className="details__heading">Memory</h3>
      <ChartLegend entries={legend} label="Memory chart series" />
      <TimeChart
        data={data}
        series={MEMORY_SERIES}
        label="Memory of this process since it was selected"
        describedBy={memText}
        {...memoryAxis}
      />
      <p className="chart-text" id={memText}>
        {text.memory}
      </p>
    </div>
  );
});
