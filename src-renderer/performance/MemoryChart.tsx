import { memo, useId, useMemo } from 'react';
import { Line } from 'recharts';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { Card } from '../shared/Card';
import { thinByTime, toMemoryPoints } from './chart-data';
import { SERIES_COLOURS } from './chart-style';
import { HistoryChart, type HistoryAxis } from './HistoryChart';
import { HISTORY_WINDOW_MS } from './history';
import { describeMemory } from './summary';

const GB_AXIS: HistoryAxis = { domain: [0, 'auto'], format: (v) => `${Number(v.toFixed(1))} GB`, width: 56 };
/** Committed and physical in use, drawn over the commit limit in this order. */
const THICK_LINES = [
  { key: 'committed', dataKey: 'committedGb', name: 'Committed', colour: SERIES_COLOURS.committed },
  { key: 'physicalUsed', dataKey: 'physicalUsedGb', name: 'Physical in use', colour: SERIES_COLOURS.physicalUsed },
] as const;

/**
 * Memory over the last ten minutes, in GB: physical memory in use (total - available), committed bytes,
 * and the commit limit (dashed) they cannot pass.
 */
export const MemoryChart = memo(function MemoryChart({ samples }: { samples: readonly PerformanceSampleValue[] }) {
  const textId = useId();
  const points = useMemo(() => toMemoryPoints(thinByTime(samples)), [samples]);
  const end = samples[samples.length - 1]?.time ?? 0;
  const start = end - HISTORY_WINDOW_MS;

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
      <HistoryChart points={points} start={start} end={end} label="Memory usage chart in GB, last ten minutes" describedBy={textId} yAxis={GB_AXIS} valueFormat={(v) => `${v.toFixed(2)} GB`}>
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
        {THICK_LINES.map((l) => (
          <Line key={l.key} dataKey={l.dataKey} name={l.name} type="linear" stroke={l.colour} strokeWidth={2} dot={false} isAnimationActive={false} />
        ))}
      </HistoryChart>
      <p className="chart-text" id={textId}>
        {describeMemory(samples)}
      </p>
    </Card>
  );
});
