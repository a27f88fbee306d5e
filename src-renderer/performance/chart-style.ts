/**
 * Chart colours and axis settings shared by the Performance charts. Mid-tone colours read on both the
 * light and the dark theme; grid and labels use currentColor so they follow the theme's text colour.
 */
/** Series colours by role. */
export const SERIES_COLOURS = {
  cpuTotal: '#2f7fd8',
  physicalUsed: '#8a56d6',
  committed: '#d9822b',
  commitLimit: '#8a8f98',
  diskRead: '#3aa17e',
  diskWrite: '#c9577a',
  networkReceived: '#4fa3c9',
  networkSent: '#d07a3c',
} as const;

/** Thin per-core lines cycle through these. */
export const CORE_COLOURS = ['#3aa17e', '#c9577a', '#b8a03a', '#4fa3c9', '#9b6fc9', '#d07a3c', '#6a9c3a', '#c95858'] as const;

/** A core's colour (cycles for more cores than colours). */
export function coreColour(index: number): string {
  return CORE_COLOURS[index % CORE_COLOURS.length] ?? CORE_COLOURS[0];
}

/** Axis text styling: currentColor follows the theme. */
export const AXIS_TICK = { fill: 'currentColor', fontSize: 11 } as const;
