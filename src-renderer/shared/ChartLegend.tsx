import type { ReactNode } from 'react';
import { FALLBACK_STROKE, seriesClass, type SeriesColour } from '../performance/chart-style';

/** How one line is drawn: the same values go to the chart's line and to its legend swatch. */
export interface LineStyle {
  /** The series colour's name; the theme gives it its value (chart-style.ts). */
  readonly colour: SeriesColour;
  /** Stroke width in px (1.5 when not given). */
  readonly width?: number;
  /** An SVG dash pattern ("4 3"); solid when not given. */
  readonly dash?: string;
}

/** One legend entry: the line's style, its name and anything after the name (an "unknown" note). */
export interface LegendEntry extends LineStyle {
  readonly key: string;
  readonly name: string;
  readonly note?: ReactNode;
}

/** The default stroke width of a chart line. */
export const LINE_WIDTH = 1.5;

/**
 * A chart's legend, each swatch a short SVG line drawn with the very series class, width and dash of its
 * line, so the legend cannot drift from what the chart draws, in any theme.
 */
export function ChartLegend({ entries, label }: { entries: readonly LegendEntry[]; label: string }) {
  return (
    <ul className="legend" aria-label={label}>
      {entries.map((e) => (
        <li key={e.key}>
          <svg className={`legend__swatch ${seriesClass(e.colour)}`} width={18} height={6} viewBox="0 0 18 6" aria-hidden="true">
            <line x1={0} y1={3} x2={18} y2={3} stroke={FALLBACK_STROKE} strokeWidth={e.width ?? LINE_WIDTH} strokeDasharray={e.dash} />
          </svg>
          {e.name}
          {e.note ? <> {e.note}</> : null}
        </li>
      ))}
    </ul>
  );
}
