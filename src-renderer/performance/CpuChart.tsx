import { memo, useId, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatClock, formatPercent, NO_VALUE } from '../lib/format';
import { Card } from '../shared/Card';
import { coreCount, MAX_CORE_LINES, thinByTime, timeTicks, toCpuPoints } from './chart-data';
import { AXIS_TICK, coreColour, formatTick, SERIES_COLOURS, TICK_STEP_MS } from './chart-style';
import { CoreSparklines } from './CoreSparklines';
import { HISTORY_WINDOW_MS } from './history';
import { describeCpu } from './summary';

const PERCENT_TICKS = [0, 25, 50, 75, 100];

function tooltipValue(value: unknown): string {
  return typeof value === 'number' ? formatPercent(value) : NO_VALUE;
}

/**
 * CPU busy % over the last ten minutes: the total as a thick line and, up to MAX_CORE_LINES logical
 * processors, one thin line per core; with more cores they move to small multiples below.
 * Animation and dots are off and data is memoized: Recharts redraws on every sample.
 */
export const CpuChart = memo(function CpuChart({ samples }: { samples: readonly PerformanceSampleValue[] }) {
  const textId = useId();
  const cores = useMemo(() => coreCount(samples), [samples]);
  const coreLines = cores <= MAX_CORE_LINES ? cores : 0;
  const thinned = useMemo(() => thinByTime(samples), [samples]);
  const points = useMemo(() => toCpuPoints(thinned, coreLines), [thinned, coreLines]);
  const end = samples[samples.length - 1]?.time ?? 0;
  const start = end - HISTORY_WINDOW_MS;
  const ticks = useMemo(() => timeTicks(start, end, TICK_STEP_MS), [start, end]);
  const coreKeys = useMemo(() => Array.from({ length: coreLines }, (_, i) => i), [coreLines]);

  return (
    <Card title="CPU" className="chart-card">
      <ul className="legend" aria-label="CPU chart series">
        <li>
          <span className="legend__swatch legend__swatch--thick" style={{ background: SERIES_COLOURS.cpuTotal }} />
          Total
        </li>
        {coreLines > 0 ? (
          <li>
            <span className="legend__swatch" style={{ background: coreColour(0) }} />
            {`Per logical processor (${coreLines}, thin lines)`}
          </li>
        ) : null}
      </ul>
      <div className="chart" role="img" aria-label="CPU usage chart, last ten minutes" aria-describedby={textId}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={[start, end]}
              ticks={ticks}
              tickFormatter={formatTick}
              allowDataOverflow
              tick={AXIS_TICK}
              stroke="currentColor"
              strokeOpacity={0.4}
            />
            <YAxis
              domain={[0, 100]}
              ticks={PERCENT_TICKS}
              tickFormatter={(v: number) => `${v}%`}
              width={44}
              tick={AXIS_TICK}
              stroke="currentColor"
              strokeOpacity={0.4}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(label) => (typeof label === 'number' ? formatClock(label) : '')}
              formatter={tooltipValue}
              wrapperClassName="chart-tooltip"
            />
            {coreKeys.map((i) => (
              <Line
                key={`core-${i}`}
                dataKey={`c${i}`}
                name={`CPU ${i}`}
                type="linear"
                stroke={coreColour(i)}
                strokeWidth={1}
                strokeOpacity={0.7}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
            <Line
              key="total"
              dataKey="total"
              name="Total"
              type="linear"
              stroke={SERIES_COLOURS.cpuTotal}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="chart-text" id={textId}>
        {describeCpu(samples)}
      </p>
      {cores > MAX_CORE_LINES ? <CoreSparklines samples={thinned} start={start} end={end} cores={cores} /> : null}
    </Card>
  );
});
