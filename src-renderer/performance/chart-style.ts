/**
 * Chart colours and axis settings shared by every chart. A series colour is a name, not a value: the
 * theme (styles.css: light, dark, high contrast) gives each name its colour through a class, so lines and
 * legend swatches follow Windows' theme and stay the same colour as each other. Grid and labels use
 * currentColor, so they follow the theme's text colour.
 */

/** A series colour's name; styles.css has `.series--NAME` and `--chart-NAME` for each in every theme. */
export type SeriesColour =
  | 'cpu-total'
  | 'physical-used'
  | 'committed'
  | 'commit-limit'
  | 'alert'
  | 'disk-read'
  | 'disk-write'
  | 'network-received'
  | 'network-sent'
  | `core-${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7}`;

/** Series colours by role. */
export const SERIES_COLOURS = {
  cpuTotal: 'cpu-total',
  physicalUsed: 'physical-used',
  committed: 'committed',
  commitLimit: 'commit-limit',
  /** Something that went wrong: limit hits, restarts. */
  alert: 'alert',
  diskRead: 'disk-read',
  diskWrite: 'disk-write',
  networkReceived: 'network-received',
  networkSent: 'network-sent',
} as const satisfies Record<string, SeriesColour>;

/** Thin per-core lines cycle through these. */
export const CORE_COLOURS = ['core-0', 'core-1', 'core-2', 'core-3', 'core-4', 'core-5', 'core-6', 'core-7'] as const satisfies readonly SeriesColour[];

/** A core's colour (cycles for more cores than colours). */
export function coreColour(index: number): SeriesColour {
  return CORE_COLOURS[index % CORE_COLOURS.length] ?? CORE_COLOURS[0];
}

/** The class that draws an SVG line, path or Recharts series in `colour` (styles.css, "Series colours"). */
export function seriesClass(colour: SeriesColour): string {
  return `series series--${colour}`;
}

/**
 * The stroke attribute a themed line still carries: Recharts needs one (it also colours the tooltip entry
 * and the hover dot with it), and the series class overrides it. currentColor, so a line whose class were
 * missing would still be drawn, in the text colour, rather than vanish.
 */
export const FALLBACK_STROKE = 'currentColor';

/**
 * The props that draw a Recharts <Line> in a series colour from the theme (line, and its hover dot unless
 * `activeDot` is false). Spread them into the Line: `<Line {...seriesLineProps('cpu-total')} ... />`.
 */
export function seriesLineProps(colour: SeriesColour, activeDot = true) {
  return {
    className: seriesClass(colour),
    stroke: FALLBACK_STROKE,
    activeDot: activeDot ? { className: seriesClass(colour) } : (false as const),
  };
}

/** Axis text styling: currentColor follows the theme. */
export const AXIS_TICK = { fill: 'currentColor', fontSize: 11 } as const;
