import { memo } from 'react';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatClock, NO_VALUE } from '../lib/format';
import { Card } from '../shared/Card';
import { currentValues } from './summary';

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
