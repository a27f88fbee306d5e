import { memo, useId, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes, formatClock, formatPercent, NO_VALUE } from '../lib/format';
import { AXIS_TICK, SERIES_COLOURS } from '../performance/chart-style';
import type { HistoryPoint } from './process-history';

const MB = 1024 * 1024;

function describe(points: readonly HistoryPoint[]): { cpu: string; memory: string } {
  const last = points[points.length - 1];
  if (!last) return { cpu: 'No samples yet.', memory: 'No samples yet.' };
  const cpus = points.map((p) => p.cpuPercent).filter((v): v is number => v !== null);
  const peak = cpus.length > 0 ? Math.max(...cpus) : null;
  const peakWs = Math.max(...points.map((p) => p.workingSetBytes));
  return {
    cpu: `Now ${formatPercent(last.cpuPercent)}, peak ${formatPercent(peak)} over ${points.length} samples.`,
    memory: `Working set now ${formatBytes(last.workingSetBytes)} (peak ${formatBytes(peakWs)}), private bytes ${formatBytes(last.privateBytes)}.`,
  };
}

/**
 * CPU % and memory of the selected process since it was selected. Recharts with animation and dots off and
 * memoized data (it redraws on every tick); a text summary describes each chart for screen readers.
 */
export const ProcessCharts = memo(function ProcessCharts({ points }: { points: readonly HistoryPoint[] }) {
  const cpuText = useId();
  const memText = useId();
  const data = useMemo(
    () => points.map((p) => ({ time: p.time, cpu: p.cpuPercent, ws: p.workingSetBytes / MB, priv: p.privateBytes / MB })),
    [points],
  );
  const text = useMemo(() => describe(points), [points]);
  const first = points[0]?.time ?? 0;
  const last = points[points.length - 1]?.time ?? 0;
  const domain: [number, number] = [first, Math.max(last, first + 1)];
  const tickTime = (v: number) => formatClock(v);

  return (
    <div className="pcharts">
      <h3 className="details__heading">CPU</h3>
      <div className="pchart" role="img" aria-label="CPU usage of this process since it was selected" aria-describedby={cpuText}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
            <XAxis dataKey="time" type="number" domain={domain} tickFormatter={tickTime} tick={AXIS_TICK} minTickGap={40} stroke="currentColor" strokeOpacity={0.4} />
            <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tickFormatter={(v: number) => `${v}%`} width={40} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(l) => (typeof l === 'number' ? formatClock(l) : '')}
              formatter={(v) => (typeof v === 'number' ? formatPercent(v) : NO_VALUE)}
              wrapperClassName="chart-tooltip"
            />
            <Line dataKey="cpu" name="CPU" type="linear" stroke={SERIES_COLOURS.cpuTotal} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="chart-text" id={cpuText}>
        {text.cpu}
      </p>
      <h3 className="details__heading">Memory</h3>
      <ul className="legend" aria-label="Memory chart series">
        <li>
          <span className="legend__swatch legend__swatch--thick" style={{ background: SERIES_COLOURS.physicalUsed }} />
          Working set
        </li>
        <li>
          <span className="legend__swatch legend__swatch--thick" style={{ background: SERIES_COLOURS.committed }} />
          Private bytes
        </li>
      </ul>
      <div className="pchart" role="img" aria-label="Memory of this process since it was selected, in MB" aria-describedby={memText}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
            <XAxis dataKey="time" type="number" domain={domain} tickFormatter={tickTime} tick={AXIS_TICK} minTickGap={40} stroke="currentColor" strokeOpacity={0.4} />
            <YAxis domain={[0, 'auto']} tickFormatter={(v: number) => `${Math.round(v)} MB`} width={56} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(l) => (typeof l === 'number' ? formatClock(l) : '')}
              formatter={(v) => (typeof v === 'number' ? formatBytes(v * MB) : NO_VALUE)}
              wrapperClassName="chart-tooltip"
            />
            <Line dataKey="ws" name="Working set" type="linear" stroke={SERIES_COLOURS.physicalUsed} strokeWidth={1.5} dot={false} isAnimationActive={false} />
            <Line dataKey="priv" name="Private bytes" type="linear" stroke={SERIES_COLOURS.committed} strokeWidth={1.5} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="chart-text" id={memText}>
        {text.memory}
      </p>
    </div>
  );
});
