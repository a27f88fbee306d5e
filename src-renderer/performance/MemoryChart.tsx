import { memo, useId, useMemo } from 'react';
import { Line } from 'recharts';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatBytes } from '../lib/format';
import { byteAxis, timeDomain } from '../shared/chart-axes';
import { Card } from '../shared/Card';
import { ChartLegend, type LegendEntry } from '../shared/ChartLegend';
import { thinByTime, toMemoryPoints, type MemoryPoint } from './chart-data';
import { SERIES_COLOURS, seriesLineProps } from './chart-style';
import { HistoryChart, type HistoryAxis } from './HistoryChart';
import { HISTORY_WINDOW_MS } from './history';
import { describeMemory } from './summary';

/**
 * Physical in use and committed (often equal, as under Wine: the thinner dashed committed line is drawn
 * over the thick one so both show), then the commit limit.
 */
const LINES = [
  { key: 'physicalUsed', dataKey: 'physicalUsedBytes', name: 'Physical in use', colour: SERIES_COLOURS.physicalUsed, width: 3 },
  { key: 'committed', dataKey: 'committedBytes', name: 'Committed', colour: SERIES_COLOURS.committed, width: 2, dash: '6 3' },
  { key: 'commitLimit', dataKey: 'commitLimitBytes', name: 'Commit limit', colour: SERIES_COLOURS.commitLimit, width: 1, dash: '2 3' },
] as const;
const DRAW_ORDER = [LINES[2], LINES[0], LINES[1]];

/**
 * The memory chart's value axis: scaled to what is in use and committed, not to the commit limit (1.3 GB
 * in use on a 24 GB axis is a flat line); the limit is drawn when it fits and its value named when not.
 */
export function memoryAxis(points: readonly MemoryPoint[]): HistoryAxis & { readonly limitAbove: number | null } {
  const axis = byteAxis(points.flatMap((p) => [p.physicalUsedBytes, p.committedBytes]));
  const limit = points[points.length - 1]?.commitLimitBytes ?? null;
  return { domain: axis.domain, ticks: axis.ticks, format: axis.format, width: 60, limitAbove: limit !== null && limit > axis.domain[1] ? limit : null };
}

/**
 * Memory over the last ten minutes (from the first sample while there are fewer): physical memory in use (total - available), committed bytes,
 * and the commit limit they cannot pass.
 */
export const MemoryChart = memo(function MemoryChart({ samples }: { samples: readonly PerformanceSampleValue[] }) {
  const textId = useId();
  const points = useMemo(() => toMemoryPoints(thinByTime(samples)), [samples]);
  const [start, end] = timeDomain(samples[0]?.time, samples[samples.length - 1]?.time, HISTORY_WINDOW_MS);
  const axis = useMemo(() => memoryAxis(points), [points]);
  const legend = useMemo<LegendEntry[]>(
    () => LINES.map((l) => (l.key === 'commitLimit' && axis.limitAbove !== null ? { ...l, note: `${formatBytes(axis.limitAbove)}, above this scale` } : l)),
    [axis.limitAbove],
  );

  return (
    <Card title="Memory" className="chart-card">
      <ChartLegend entries={legend} label="Memory chart series" />
      <HistoryChart points={points} start={start} end={end} label="Memory usage chart, last ten minutes" describedBy={textId} yAxis={axis} valueFormat={formatBytes}>
        {/* The limit first, so the figures in use are drawn over it; committed (dashed) over physical (thick). */}
        {DRAW_ORDER.map((l) => (
          <Line key={l.key} dataKey={l.dataKey} name={l.name} type="linear" {...seriesLineProps(l.colour, l.key !== 'commitLimit')} strokeWidth={l.width} strokeDasharray={'dash' in l ? l.dash : undefined} dot={false} isAnimationActive={false} />
        ))}
      </HistoryChart>
      <p className="chart-text" id={textId}>
        {describeMemory(samples)}
      </p>
    </Card>
  );
});
