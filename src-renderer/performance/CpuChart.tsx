import { memo, useId, useMemo } from 'react';
import { Line } from 'recharts';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatPercent } from '../lib/format';
import { timeDomain } from '../shared/chart-axes';
import { Card } from '../shared/Card';
import { ChartLegend, type LegendEntry } from '../shared/ChartLegend';
import { coreCount, MAX_CORE_LINES, thinByTime, toCpuPoints } from './chart-data';
import { coreColour, SERIES_COLOURS, seriesLineProps } from './chart-style';
import { CoreSparklines } from './CoreSparklines';
import { HistoryChart, type HistoryAxis } from './HistoryChart';
import { HISTORY_WINDOW_MS } from './history';
import { describeCpu } from './summary';

const TOTAL_LINE = { key: 'total', name: 'Total', colour: SERIES_COLOURS.cpuTotal, width: 3 } as const;
const CORE_WIDTH = 1;
const PERCENT_AXIS: HistoryAxis = { domain: [0, 100], ticks: [0, 25, 50, 75, 100], format: (v) => `${v}%`, width: 44 };

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
  const [start, end] = timeDomain(samples[0]?.time, samples[samples.length - 1]?.time, HISTORY_WINDOW_MS);
  const coreKeys = useMemo(() => Array.from({ length: coreLines }, (_, i) => i), [coreLines]);
  // One entry per drawn line, in its own colour (not one swatch in the first core's colour for all).
  const legend = useMemo<LegendEntry[]>(
    () => [TOTAL_LINE, ...coreKeys.map((i) => ({ key: `c${i}`, name: `CPU ${i}`, colour: coreColour(i), width: CORE_WIDTH }))],
    [coreKeys],
  );

  return (
    <Card title="CPU" className="chart-card">
      <ChartLegend entries={legend} label="CPU chart series" />
      <HistoryChart points={points} start={start} end={end} label="CPU usage chart, last ten minutes" describedBy={textId} yAxis={PERCENT_AXIS} valueFormat={formatPercent}>
        {coreKeys.map((i) => (
          <Line
            key={`core-${i}`}
            dataKey={`c${i}`}
            name={`CPU ${i}`}
            type="linear"
            {...seriesLineProps(coreColour(i), false)}
            strokeWidth={CORE_WIDTH}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        <Line key="total" dataKey="total" name={TOTAL_LINE.name} type="linear" {...seriesLineProps(TOTAL_LINE.colour)} strokeWidth={TOTAL_LINE.width} dot={false} isAnimationActive={false} />
      </HistoryChart>
      <p className="chart-text" id={textId}>
        {describeCpu(samples)}
      </p>
      {cores > MAX_CORE_LINES ? <CoreSparklines samples={thinned} start={start} end={end} cores={cores} /> : null}
    </Card>
  );
});
