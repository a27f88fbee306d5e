/**
 * The Performance charts' axis and legend without a DOM (react-dom/server in node; Recharts draws
 * nothing there without a size, the legend and the pure axis do).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { toMemoryPoints } from './chart-data';
import { CORE_COLOURS, SERIES_COLOURS, seriesClass } from './chart-style';
import { CpuChart } from './CpuChart';
import { memoryAxis, MemoryChart } from './MemoryChart';
import { sample } from './test-samples';
import { rateAxis, THROUGHPUT_CHARTS, ThroughputChart } from './ThroughputChart';
import { toThroughputPoints } from './chart-data';

const T0 = 1_700_000_000_000;
const GB = 1024 ** 3;

describe('memoryAxis', () => {
  it('scales to what is in use, not to a commit limit far above it, and names the limit', () => {
    const axis = memoryAxis(toMemoryPoints([sample(T0, 1, { totalGb: 16, availableGb: 14.7, committedGb: 1.2, limitGb: 24 })]));
    expect(axis.domain).toEqual([0, 1.5 * GB]);
    expect(axis.ticks.map(axis.format)).toEqual(['0.0 GB', '0.5 GB', '1.0 GB', '1.5 GB']);
    expect(axis.limitAbove).toBe(24 * GB);
  });

  it('keeps the limit on the chart when it fits', () => {
    const axis = memoryAxis(toMemoryPoints([sample(T0, 1, { totalGb: 16, availableGb: 2, committedGb: 13, limitGb: 15 })]));
    expect(axis.domain).toEqual([0, 15 * GB]);
    expect(axis.limitAbove).toBeNull();
  });
});

describe('chart legends', () => {
  it('gives every CPU line its own swatch in its own colour', () => {
    const html = renderToStaticMarkup(<CpuChart samples={[sample(T0, 5, { cores: [1, 2] }), sample(T0 + 1000, 6, { cores: [3, 4] })]} />);
    const swatches = [...html.matchAll(/class="legend__swatch ([^"]+)"/g)].map((m) => m[1]);
    expect(swatches).toEqual([seriesClass(SERIES_COLOURS.cpuTotal), seriesClass(CORE_COLOURS[0]), seriesClass(CORE_COLOURS[1])]);
    expect(html).toContain('CPU 1');
  });

  it('draws the memory swatches with their lines\' dashes and says where the limit is', () => {
    const html = renderToStaticMarkup(<MemoryChart samples={[sample(T0, 1, { totalGb: 16, availableGb: 14.7, committedGb: 1.2, limitGb: 24 })]} />);
    expect(html).toMatch(new RegExp(`class="legend__swatch ${seriesClass(SERIES_COLOURS.committed)}"[^>]*><line [^>]*stroke-width="2" stroke-dasharray="6 3"`));
    expect(html).toContain('Commit limit 24.0 GB, above this scale');
  });
});

describe('throughput charts', () => {
  const WINE_DISK = 'Wine does not report disk counters: DeviceIoControl(IOCTL_DISK_PERFORMANCE) failed: Request not supported. (error 50)';

  it('scales the rate axis to the readings, in one binary unit per second', () => {
    const points = toThroughputPoints([
      sample(T0, 1, { extra: { networkReceivedBytesPerSec: 300 * 1024, networkSentBytesPerSec: 20 * 1024 } }),
      sample(T0 + 1000, 1, { extra: { networkReceivedBytesPerSec: null, networkSentBytesPerSec: null } }),
    ]);
    const axis = rateAxis(points, THROUGHPUT_CHARTS.network.lines);
    expect(axis.ticks.map(axis.format)).toEqual(['0 KB/s', '100 KB/s', '200 KB/s', '300 KB/s']);
  });

  it('draws the two lines apart (solid and dashed) with a legend', () => {
    const html = renderToStaticMarkup(<ThroughputChart kind="network" samples={[sample(T0, 1), sample(T0 + 1000, 1)]} />);
    expect(html).toContain(`legend__swatch ${seriesClass(SERIES_COLOURS.networkReceived)}`);
    expect(html).toMatch(new RegExp(`legend__swatch ${seriesClass(SERIES_COLOURS.networkSent)}".*?stroke-width="2" stroke-dasharray="6 3"`));
    expect(html).toContain('Received');
  });

  it('says why instead of drawing an empty chart when the system does not report the figures', () => {
    const unreported = { diskReadBytesPerSec: WINE_DISK, diskWriteBytesPerSec: WINE_DISK };
    const html = renderToStaticMarkup(
      <ThroughputChart kind="disk" samples={[sample(T0, 1, { extra: { diskReadBytesPerSec: null, diskWriteBytesPerSec: null, unreported } })]} />,
    );
    expect(html).toContain('data-testid="performance-disk-unreported"');
    expect(html).toContain(`No disk figures: ${WINE_DISK}.`);
    expect(html).not.toContain('role="img"');
  });
});
