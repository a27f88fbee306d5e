import { memo } from 'react';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatClock, NO_VALUE } from '../lib/format';
import { Card } from '../shared/Card';
import { KnownOr } from '../shared/Unreported';
import { currentValues, SUMMARY_FIGURES, type SummaryFigure } from './summary';

/** Each figure's label, and its data-testid's tail (performance-processes, performance-disk-read, ...). */
const FIGURE_LABELS: Record<SummaryFigure, { label: string; testId: string }> = {
  processCount: { label: 'Processes', testId: 'processes' },
  threadCount: { label: 'Threads', testId: 'threads' },
  handleCount: { label: 'Handles', testId: 'handles' },
  diskReadBytesPerSec: { label: 'Disk read', testId: 'disk-read' },
  diskWriteBytesPerSec: { label: 'Disk write', testId: 'disk-write' },
  networkReceivedBytesPerSec: { label: 'Network received', testId: 'network-received' },
  networkSentBytesPerSec: { label: 'Network sent', testId: 'network-sent' },
};

/**
 * The current values as text (a description list, read by screen readers and asserted by e2e tests
 * through the data-testid and the raw numbers in data-* attributes).
 */
export const PerformanceSummary = memo(function PerformanceSummary({ samples }: { samples: readonly PerformanceSampleValue[] }) {
  const v = currentValues(samples);
  return (
    <Card title="Now" className="summary-card">
      <dl className="summary">
        <div>
          <dt>CPU</dt>
          <dd data-testid="performance-cpu-total" data-value={v.cpuPercent ?? ''}>
            {v.cpuText}
          </dd>
        </div>
        <div>
          <dt>Physical memory in use</dt>
          <dd data-testid="performance-memory-in-use" data-bytes={v.physicalInUseBytes ?? ''}>
            {v.physicalInUseText}
          </dd>
        </div>
        <div>
          <dt>Committed</dt>
          <dd data-testid="performance-committed" data-bytes={v.committedBytes ?? ''}>
            {v.committedText}
          </dd>
        </div>
        <div>
          <dt>Up time</dt>
          <dd data-testid="performance-uptime" data-ms={v.uptimeMs ?? ''}>
            {v.uptimeText}
          </dd>
        </div>
        {SUMMARY_FIGURES.map((field) => {
          const figure = v.figures[field];
          const { label, testId } = FIGURE_LABELS[field];
          return (
            <div key={field}>
              <dt>{label}</dt>
              <dd data-testid={`performance-${testId}`} data-value={figure.value ?? ''}>
                <KnownOr text={figure.text} reason={figure.reason} />
              </dd>
            </div>
          );
        })}
        <div>
          <dt>Logical processors</dt>
          <dd data-testid="performance-logical-processors">{v.logicalProcessorsText}</dd>
        </div>
        <div>
          <dt>Samples</dt>
          <dd>
            {/* The count alone in its own element: the e2e test reads it as a number. */}
            <span data-testid="performance-sample-count" data-count={v.sampleCount}>
              {v.sampleCount}
            </span>
            {v.sampleCountDetail}
          </dd>
        </div>
        <div>
          <dt>Last sample</dt>
          <dd>
            {v.lastSampleTime === null ? (
              <span data-testid="performance-last-sample-time" data-time="">
                {NO_VALUE}
              </span>
            ) : (
              <time
                data-testid="performance-last-sample-time"
                data-time={v.lastSampleTime}
                dateTime={new Date(v.lastSampleTime).toISOString()}
              >
                {formatClock(v.lastSampleTime)}
              </time>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
});
