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
