import { useMemo, type ReactNode } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock, NO_VALUE } from '../lib/format';
import { TIME_AXIS_RIGHT_MARGIN, timeTicks } from '../shared/chart-axes';
import { AXIS_TICK } from './chart-style';

/** The value axis of a history chart. */
export interface HistoryAxis {
  readonly domain: [number, number];
  readonly ticks: number[];
  readonly format: (value: number) => string;
  readonly width: number;
}

/**
 * The frame of a Performance tab chart: the window from `start` to `end` (timeDomain: from the first
 * sample, growing to ten minutes, then sliding; older points are clipped, not squeezed in) with ticks on
 * round clock times, grid, value axis and tooltip; the owner gives the lines as children. Values above
 * the axis are clipped too (the commit limit far above what is in use). Animation stays off on the
 * lines: Recharts redraws on every sample.
 */
export function HistoryChart<P extends object>({
  points,
  start,
  end,
  label,
  describedBy,
  yAxis,
  valueFormat,
  children,
}: {
  points: P[];
  start: number;
  end: number;
  /** The chart's accessible name. */
  label: string;
  describedBy: string;
  yAxis: HistoryAxis;
  /** A value in the tooltip. */
  valueFormat: (value: number) => string;
  children: ReactNode;
}) {
  // At most about four clock labels: with three charts in a row at 1280 px a plot is ~310 px wide, and six
  // "07:57:30" labels (~50 px each) ran into one another.
  const time = useMemo(() => timeTicks(start, end, 4), [start, end]);
  return (
    <div className="chart" role="img" aria-label={label} aria-describedby={describedBy}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: TIME_AXIS_RIGHT_MARGIN, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={[start, end]}
            ticks={time.ticks}
            tickFormatter={time.format}
            interval={0}
            allowDataOverflow
            tick={AXIS_TICK}
            stroke="currentColor"
            strokeOpacity={0.4}
          />
          <YAxis domain={yAxis.domain} ticks={yAxis.ticks} interval={0} allowDataOverflow tickFormatter={yAxis.format} width={yAxis.width} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(l) => (typeof l === 'number' ? formatClock(l) : '')}
            formatter={(v) => (typeof v === 'number' ? valueFormat(v) : NO_VALUE)}
            wrapperClassName="chart-tooltip"
          />
          {children}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
