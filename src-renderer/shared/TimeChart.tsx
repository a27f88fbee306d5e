import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes, formatClock, formatPercent, NO_VALUE } from '../lib/format';
import { AXIS_TICK, seriesClass, seriesLineProps, type SeriesColour } from '../performance/chart-style';
import { byteAxis, TIME_AXIS_RIGHT_MARGIN, timeDomain, timeTicks } from './chart-axes';
import { LINE_WIDTH, type LineStyle } from './ChartLegend';

/**
 * One line of a time chart: its data key, name, colour, and width or dash where it may lie on top of
 * another line (the one drawn later is dashed so both stay visible).
 */
export interface TimeSeries extends LineStyle {
  readonly key: string;
  readonly name: string;
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
 * The value axis of a chart of bytes (data in bytes): 0 to a round top in the binary unit the largest
 * known reading of `keys` reaches, 1-2-5 steps, labels that never repeat. Spread into TimeChart's props.
 */
export function bytesAxis(data: readonly TimePoint[], keys: readonly string[]) {
  const axis = byteAxis(data.flatMap((p) => keys.map((k) => p[k] ?? null)));
  return { yDomain: axis.domain, yTicks: axis.ticks as readonly number[], yTickFormat: axis.format, yWidth: 60, valueFormat: formatBytes };
}

/**
 * A small line chart over time, as the details panes draw them (a process's CPU and memory, a job's CPU
 * rate and memory): Recharts with animation and dots off (it redraws every tick), a time axis from the
 * first point growing to the last (round clock ticks,
 * labels never repeated), and optional markers as reference lines. The owner memoizes `data` and gives
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
  markerColour = 'alert',
  testId,
}: {
  data: readonly TimePoint[];
  series: readonly TimeSeries[];
  /** The chart's accessible name. */
  label: string;
  describedBy: string;
  yDomain: [number, number];
  yTicks: readonly number[];
  yTickFormat: (value: number) => string;
  yWidth?: number;
  /** A value in the tooltip. */
  valueFormat: (value: number) => string;
  markers?: readonly TimeMarker[];
  /** The markers' series colour (alert red unless given). */
  markerColour?: SeriesColour;
  testId?: string;
}) {
  // The details panes keep a bounded history of their own: the whole of it is drawn.
  const domain = timeDomain(data[0]?.time, data[data.length - 1]?.time, Number.POSITIVE_INFINITY);
  const time = timeTicks(domain[0], domain[1], 4);
  return (
    <div className="pchart" role="img" aria-label={label} aria-describedby={describedBy} data-testid={testId} data-markers={markers.length}>
      <ResponsiveContainer width="100%" height="100%">
        {/* Recharts types data as mutable; it only reads it. */}
        <LineChart data={data as TimePoint[]} margin={{ top: 4, right: TIME_AXIS_RIGHT_MARGIN, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
          <XAxis dataKey="time" type="number" domain={domain} ticks={time.ticks} tickFormatter={time.format} interval={0} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
          <YAxis domain={yDomain} ticks={yTicks as number[]} interval={0} allowDataOverflow tickFormatter={yTickFormat} width={yWidth} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(l) => (typeof l === 'number' ? formatClock(l) : '')}
            formatter={(v) => (typeof v === 'number' ? valueFormat(v) : NO_VALUE)}
            wrapperClassName="chart-tooltip"
          />
          {markers.map((m) => (
            // The markers' words are in the chart's text (describedBy): a reference line has no accessible name.
            <ReferenceLine key={m.key} x={m.time} className={seriesClass(markerColour)} stroke="currentColor" strokeDasharray="3 3" ifOverflow="discard" />
          ))}
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} type="linear" {...seriesLineProps(s.colour)} strokeWidth={s.width ?? LINE_WIDTH} strokeDasharray={s.dash} dot={false} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
