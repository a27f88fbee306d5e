import { useMemo, type ReactNode } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock, NO_VALUE } from '../lib/format';
import { AXIS_TICK, formatTick, TICK_STEP_MS } from './chart-style';
import { timeTicks } from './chart-data';

/** The value axis of a history chart. */
export interface HistoryAxis {
  readonly domain: [number | 'auto', number | 'auto'];
  readonly ticks?: number[];
  readonly format: (value: number) => string;
  readonly width: number;
}

/**
 * The frame of a Performance tab chart: the ten-minute window from `start` to `end` with a tick every
 * two minutes (points older than the window are clipped, not squeezed in), grid, value axis and tooltip;
 * the owner gives the lines as children. Unlike the details panes' TimeChart, the window is fixed, so the
 * axis does not jump while the history fills up. Animation stays off on the lines: Recharts redraws on
 * every sample.
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
  const ticks = useMemo(() => timeTicks(start, end, TICK_STEP_MS), [start, end]);
  return (
    <div className="chart" role="img" aria-label={label} aria-describedby={describedBy}>
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
          <YAxis domain={yAxis.domain} ticks={yAxis.ticks} tickFormatter={yAxis.format} width={yAxis.width} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
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
