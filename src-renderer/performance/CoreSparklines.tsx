import { memo, useMemo } from 'react';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatPercent } from '../lib/format';
import { MAX_SPARKLINE_POINTS, sparklinePath, thinByTime } from './chart-data';
import { coreColour, FALLBACK_STROKE, seriesClass } from './chart-style';

const WIDTH = 120;
const HEIGHT = 32;

/**
 * One small chart per logical processor when there are too many for lines on the CPU chart. Raw SVG
 * paths: 64 Recharts charts would cost far more per tick than the data is worth.
 */
export const CoreSparklines = memo(function CoreSparklines({
  samples,
  start,
  end,
  cores,
}: {
  samples: readonly PerformanceSampleValue[];
  start: number;
  end: number;
  cores: number;
}) {
  const thinned = useMemo(() => thinByTime(samples, MAX_SPARKLINE_POINTS), [samples]);
  const paths = useMemo(
    () =>
      Array.from({ length: cores }, (_, core) =>
        sparklinePath(
          thinned.map((s) => ({ time: s.time, value: s.cpuPerCore[core] ?? null })),
          start,
          end,
          WIDTH,
          HEIGHT,
        ),
      ),
    [thinned, start, end, cores],
  );
  const newest = samples[samples.length - 1];
  return (
    <ul className="sparklines" aria-label="CPU per logical processor">
      {paths.map((d, core) => {
        const now = formatPercent(newest?.cpuPerCore[core] ?? null);
        return (
          <li key={core} className="sparkline">
            <span className="sparkline__label">
              CPU {core}: {now}
            </span>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" className="sparkline__svg">
              <path d={d} className={`sparkline__path ${seriesClass(coreColour(core))}`} fill="none" stroke={FALLBACK_STROKE} strokeWidth={1} vectorEffect="non-scaling-stroke" />
            </svg>
          </li>
        );
      })}
    </ul>
  );
});
