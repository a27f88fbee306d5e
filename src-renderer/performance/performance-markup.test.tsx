/**
 * Markup checks for the Performance summary without a DOM (react-dom/server in node): the test ids and
 * raw values the e2e test reads, and "—" for the first CPU sample.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PerformanceSummary } from './PerformanceSummary';
import { sample } from './test-samples';

const T0 = 1_700_000_000_000;
const GB = 1024 ** 3;

describe('PerformanceSummary', () => {
  it('shows "—" for CPU on the first sample and the real memory figures', () => {
    const html = renderToStaticMarkup(<PerformanceSummary samples={[sample(T0, null, { totalGb: 16, availableGb: 12 })]} />);
    expect(html).toContain('<dt>CPU</dt><dd data-testid="performance-cpu-total" data-value="">—</dd>');
    expect(html).toContain(`<dt>Physical memory in use</dt><dd data-testid="performance-memory-in-use" data-bytes="${4 * GB}">`);
    expect(html).toContain('<span data-testid="performance-sample-count" data-count="1">1</span> sample<');
    expect(html).toContain(`data-testid="performance-last-sample-time" data-time="${T0}" dateTime="${new Date(T0).toISOString()}"`);
  });

  it('shows the newest CPU reading once there is one', () => {
    const html = renderToStaticMarkup(<PerformanceSummary samples={[sample(T0, null), sample(T0 + 1000, 12.5)]} />);
    expect(html).toContain('data-testid="performance-cpu-total" data-value="12.5">12.5%<');
    expect(html).toContain('data-count="2">2</span> samples over 1 s<');
  });

  it('shows "—" everywhere before any sample', () => {
    const html = renderToStaticMarkup(<PerformanceSummary samples={[]} />);
    expect(html).toContain('data-testid="performance-last-sample-time" data-time="">—<');
    expect(html).toContain('data-count="0">0</span> samples<');
  });
});

describe('PerformanceSummary: beside CPU and memory', () => {
  it('shows up time, totals and rates, and an unreported figure as the marker with its reason', () => {
    const reason = "Wine reports each process's handle-table capacity, not its handle count";
    const html = renderToStaticMarkup(
      <PerformanceSummary samples={[sample(T0, 1, { extra: { uptimeMs: 90_061_000, processCount: 1234, handleCount: null, unreported: { handleCount: reason } } })]} />,
    );
    expect(html).toContain('data-testid="performance-uptime" data-ms="90061000">1:01:01:01<');
    expect(html).toContain('<dt>Processes</dt><dd data-testid="performance-processes" data-value="1234">1,234<');
    expect(html).toContain('data-testid="performance-handles" data-value=""><span class="unreported"');
    expect(html).toContain('data-testid="unreported" data-reason="Wine reports each process&#x27;s handle-table capacity, not its handle count"');
    expect(html).toContain('data-testid="performance-network-received" data-value="4096">4.00 KB/s<');
  });
});
