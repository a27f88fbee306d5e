import { memo, useId, useMemo } from 'react';
import { Line } from 'recharts';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatPercent } from '../lib/format';
import { Card } from '../shared/Card';
import { coreCount, MAX_CORE_LINES, thinByTime, toCpuPoints } from './chart-data';
import { coreColour, SERIES_COLOURS } from './chart-style';
import { CoreSparklines } from './CoreSparklines';
import { HistoryChart, type HistoryAxis } from './HistoryChart';
import { HISTORY_WINDOW_MS } from './history';
import { describeCpu } from './summary';

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
  const end = samples[samples.length - 1]?.time ?? 0;
  const start = end - HISTORY_WINDOW_MS;
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
      <HistoryChart points={points} start={start} end={end} label="CPU usage chart, last ten minutes" describedBy={textId} yAxis={PERCENT_AXIS} valueFormat={formatPercent}>
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
        <Line key="total" dataKey="total" name="Total" type="linear" stroke={SERIES_COLOURS.cpuTotal} strokeWidth={2} dot={false} isAnimationActive={false} />
      </HistoryChart>
      <p className="chart-text" id={textId}>
        {describeCpu(samples)}
      </p>
      {cores > MAX_CORE_LINES ? <CoreSparklines samples={thinned} start={start} end={end} cores={cores} /> : null}
    </Card>
  );
});
