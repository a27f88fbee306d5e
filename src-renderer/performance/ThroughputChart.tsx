import { memo, useId, useMemo } from 'react';
import { Line } from 'recharts';
import type { UnreportablePerformanceField } from '../../src-preload/contract/performance-fields';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatRate } from '../lib/format';
import { byteAxis, timeDomain } from '../shared/chart-axes';
import { Card } from '../shared/Card';
import { ChartLegend, type LegendEntry } from '../shared/ChartLegend';
import { thinByTime, toThroughputPoints, type ThroughputPoint } from './chart-data';
import { SERIES_COLOURS, seriesLineProps } from './chart-style';
import { HistoryChart, type HistoryAxis } from './HistoryChart';
import { HISTORY_WINDOW_MS } from './history';
import { describeThroughput, unreportedReason } from './summary';

/** One line of a throughput chart: which figure, its name and how it is drawn. */
interface ThroughputLine extends LegendEntry {
  readonly field: UnreportablePerformanceField & keyof ThroughputPoint;
}

/** What each throughput chart draws: the first line solid, the second dashed, so overlapping lines both show. */
export const THROUGHPUT_CHARTS = {
  disk: {
    title: 'Disk',
    what: 'disk',
    label: 'Disk throughput chart, all physical disks, last ten minutes',
    lines: [
      { key: 'read', field: 'diskReadBytesPerSec', name: 'Read', colour: SERIES_COLOURS.diskRead, width: 2 },
      { key: 'write', field: 'diskWriteBytesPerSec', name: 'Written', colour: SERIES_COLOURS.diskWrite, width: 2, dash: '6 3' },
    ],
  },
  network: {
    title: 'Network',
    what: 'network',
    label: 'Network throughput chart, all interfaces but loopback, last ten minutes',
    lines: [
      { key: 'received', field: 'networkReceivedBytesPerSec', name: 'Received', colour: SERIES_COLOURS.networkReceived, width: 2 },
      { key: 'sent', field: 'networkSentBytesPerSec', name: 'Sent', colour: SERIES_COLOURS.networkSent, width: 2, dash: '6 3' },
    ],
  },
} as const satisfies Record<string, { title: string; what: string; label: string; lines: readonly ThroughputLine[] }>;

/** A rate axis: a byte axis (round steps in one binary unit) whose labels read per second. */
export function rateAxis(points: readonly ThroughputPoint[], lines: readonly ThroughputLine[]): HistoryAxis {
  const axis = byteAxis(points.flatMap((p) => lines.map((l) => p[l.field])));
  return { domain: axis.domain, ticks: axis.ticks, format: (v) => `${axis.format(v)}/s`, width: 72 };
}

/**
 * Disk or network throughput over the last ten minutes, two lines in bytes per second on an axis scaled
 * to them. When the system does not report the figures (Wine has no disk counters) the card says so,
 * with the reason, instead of drawing an empty frame that would read as "no traffic".
 */
export const ThroughputChart = memo(function ThroughputChart({ samples, kind }: { samples: readonly PerformanceSampleValue[]; kind: keyof typeof THROUGHPUT_CHARTS }) {
  const textId = useId();
  const chart = THROUGHPUT_CHARTS[kind];
  const points = useMemo(() => toThroughputPoints(thinByTime(samples)), [samples]);
  const [start, end] = timeDomain(samples[0]?.time, samples[samples.length - 1]?.time, HISTORY_WINDOW_MS);
  const axis = useMemo(() => rateAxis(points, chart.lines), [points, chart.lines]);
  const reason = unreportedReason(samples[samples.length - 1], chart.lines[0].field);

  const text = describeThroughput(samples, chart.what, chart.lines);

  return (
    <Card title={chart.title} className="chart-card">
      {reason === null ? (
        <>
          <ChartLegend entries={chart.lines} label={`${chart.title} chart series`} />
          <HistoryChart points={points} start={start} end={end} label={chart.label} describedBy={textId} yAxis={axis} valueFormat={formatRate}>
            {chart.lines.map((l) => (
              <Line key={l.key} dataKey={l.field} name={l.name} type="linear" {...seriesLineProps(l.colour)} strokeWidth={l.width} strokeDasharray={'dash' in l ? l.dash : undefined} dot={false} isAnimationActive={false} />
            ))}
          </HistoryChart>
          <p className="chart-text" id={textId}>
            {text}
          </p>
        </>
      ) : (
        <p className="chart-text chart-text--unreported" data-testid={`performance-${kind}-unreported`} data-reason={reason}>
          {text}
        </p>
      )}
    </Card>
  );
});
