import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock, formatPercent, NO_VALUE } from '../lib/format';
import { AXIS_TICK } from '../performance/chart-style';

/** One line of a time chart: its data key, name and colour. */
export interface TimeSeries {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
}

/** A vertical marker at a time (a limit hit, a restart), labelled for the tooltip and screen readers. */
export interface TimeMarker {
  readonly key: string;
  readonly time: number;
  readonly label: string;
}

/** A point: its time and one value per series key (null where there is no reading). */
export type TimePoint = { readonly time: number } & { readonly [key: string]: number | null };

const NO_MARKERS: readonly TimeMarker[] = [];

/** The value axis of a CPU chart (0-100 %), as every details pane draws it: spread into TimeChart's props. */
export const PERCENT_AXIS = {
  yDomain: [0, 100] as [number, number],
  yTicks: [0, 50, 100] as readonly number[],
  yTickFormat: (value: number) => `${value}%`,
  yWidth: 40,
  valueFormat: formatPercent,
};

/**
 * A small line chart over time, as the details panes draw them (a process's CPU and memory, a job's CPU
 * rate and memory): Recharts with animation and dots off (it redraws every tick), a time axis from the
 * first to the last point, and optional markers as reference lines. The owner memoizes `data` and gives
 * the text that describes the chart (`describedBy`).
 */
export const TimeChart = memo(function TimeChart({
  data,
  series,
  label,
  describedBy,
  yDomain,
  yTicks,
  yTickFormat,
  yWidth = 44,
  valueFormat,
  markers = NO_MARKERS,
  markerColour = '#d23c3c',
  testId,
}: {
  data: readonly TimePoint[];
  series: readonly TimeSeries[];
  /** The chart's accessible name. */
  label: string;
  describedBy: string;
  yDomain: [number | 'auto', number | 'auto'];
  yTicks?: readonly number[];
  yTickFormat: (value: number) => string;
  yWidth?: number;
  /** A value in the tooltip. */
  valueFormat: (value: number) => string;
  markers?: readonly TimeMarker[];
  markerColour?: string;
  testId?: string;
}) {
  const first = data[0]?.time ?? 0;
  const last = data[data.length - 1]?.time ?? 0;
  const domain: [number, number] = [first, Math.max(last, first + 1)];
  return (
    <div className="pchart" role="img" aria-label={label} aria-describedby={describedBy} data-testid={testId} data-markers={markers.length}>
      <ResponsiveContainer width="100%" height="100%">
        {/* Recharts types data as mutable; it only reads it. */}
        <LineChart data={data as TimePoint[]} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
          <XAxis dataKey="time" type="number" domain={domain} tickFormatter={formatClock} tick={AXIS_TICK} minTickGap={40} stroke="currentColor" strokeOpacity={0.4} />
          <YAxis domain={yDomain} ticks={yTicks as number[] | undefined} tickFormatter={yTickFormat} width={yWidth} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(l) => (typeof l === 'number' ? formatClock(l) : '')}
            formatter={(v) => (typeof v === 'number' ? valueFormat(v) : NO_VALUE)}
            wrapperClassName="chart-tooltip"
          />
          {markers.map((m) => (
            // The markers' words are in the chart's text (describedBy): a reference line has no accessible name.
            <ReferenceLine key={m.key} x={m.time} stroke={markerColour} strokeDasharray="3 3" ifOverflow="discard" />
          ))}
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} type="linear" stroke={s.colour} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
