import { memo, useId, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatClock, NO_VALUE } from '../lib/format';
import { Card } from '../shared/Card';
import { thinByTime, timeTicks, toMemoryPoints } from './chart-data';
import { AXIS_TICK, formatTick, SERIES_COLOURS, TICK_STEP_MS } from './chart-style';
import { HISTORY_WINDOW_MS } from './history';
import { describeMemory } from './summary';

function gigabytes(value: unknown): string {
  return typeof value === 'number' ? `${value.toFixed(2)} GB` : NO_VALUE;
}

/**
 * Memory over the last ten minutes, in GB: physical memory in use (total - available), committed bytes,
 * and the commit limit (dashed) they cannot pass.
 */
export const MemoryChart = memo(function MemoryChart({ samples }: { samples: readonly PerformanceSampleValue[] }) {
  const textId = useId();
  const points = useMemo(() => toMemoryPoints(thinByTime(samples)), [samples]);
  const end = samples[samples.length - 1]?.time ?? 0;
  const start = end - HISTORY_WINDOW_MS;
  const ticks = useMemo(() => timeTicks(start, end, TICK_STEP_MS), [start, end]);

  return (
    <Card title="Memory" className="chart-card">
      <ul className="legend" aria-label="Memory chart series">
        <li>
          <span className="legend__swatch legend__swatch--thick" style={{ background: SERIES_COLOURS.physicalUsed }} />
          Physical in use
        </li>
        <li>
          <span className="legend__swatch legend__swatch--thick" style={{ background: SERIES_COLOURS.committed }} />
          Committed
        </li>
        <li>
          <span className="legend__swatch legend__swatch--dashed" style={{ borderColor: SERIES_COLOURS.commitLimit }} />
          Commit limit
        </li>
      </ul>
      <div className="chart" role="img" aria-label="Memory usage chart in GB, last ten minutes" aria-describedby={textId}>
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
              domain={[0, 'auto']}
              tickFormatter={(v: number) => `${Number(v.toFixed(1))} GB`}
              width={56}
              tick={AXIS_TICK}
              stroke="currentColor"
              strokeOpacity={0.4}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(label) => (typeof label === 'number' ? formatClock(label) : '')}
              formatter={gigabytes}
              wrapperClassName="chart-tooltip"
            />
            <Line
              key="commitLimit"
              dataKey="commitLimitGb"
              name="Commit limit"
              type="linear"
              stroke={SERIES_COLOURS.commitLimit}
              strokeDasharray="4 3"
              strokeWidth={1}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
            <Line
              key="committed"
              dataKey="committedGb"
              name="Committed"
              type="linear"
              stroke={SERIES_COLOURS.committed}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              key="physicalUsed"
              dataKey="physicalUsedGb"
              name="Physical in use"
              type="linear"
              stroke={SERIES_COLOURS.physicalUsed}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="chart-text" id={textId}>
        {describeMemory(samples)}
      </p>
    </Card>
  );
});
