import { describe, expect, it } from 'vitest';
import styles from '../styles.css?raw';
import { CORE_COLOURS, coreColour, SERIES_COLOURS, seriesClass, seriesLineProps, type SeriesColour } from './chart-style';

const ALL: readonly SeriesColour[] = [...Object.values(SERIES_COLOURS), ...CORE_COLOURS];

/** The body of the first `:root { ... }` after `start` in the stylesheet. */
function rootBlock(start: string): string {
  const at = styles.indexOf(start);
  expect(at, `${start} in styles.css`).toBeGreaterThanOrEqual(0);
  const open = styles.indexOf(':root {', at);
  return styles.slice(open, styles.indexOf('}', open));
}

describe('series colours', () => {
  it('every colour name has its class and a value in the light, dark and high contrast palettes', () => {
    const palettes = { light: rootBlock('/*\n * The console'), dark: rootBlock('@media (prefers-color-scheme: dark)'), highContrast: rootBlock('@media (forced-colors: active)') };
    for (const name of ALL) {
      expect(styles).toContain(`.series--${name} { --series: var(--chart-${name}); }`);
      for (const [palette, block] of Object.entries(palettes)) expect(block, `--chart-${name} in the ${palette} palette`).toMatch(new RegExp(`--chart-${name}: [^;]+;`));
    }
  });

  it('the light and dark palettes are colour values, none defined by another property (a cycle would be invalid: no colour at all)', () => {
    for (const start of ['/*\n * The console', '@media (prefers-color-scheme: dark)']) {
      const values = [...rootBlock(start).matchAll(/^\s*--[\w-]+: ([^;]+);/gm)].map((m) => m[1]);
      expect(values.length).toBeGreaterThan(30);
      for (const v of values) expect(v, start).toMatch(/^(#[0-9a-f]{6}|rgb\(\d+ \d+ \d+ \/ \d+%\))$/);
    }
  });

  it('high contrast uses system colours only', () => {
    const block = rootBlock('@media (forced-colors: active)');
    const values = [...block.matchAll(/--[\w-]+: ([^;]+);/g)].map((m) => m[1]);
    expect(values.length).toBeGreaterThan(20);
    for (const v of values) expect(v).toMatch(/^(Canvas|CanvasText|Highlight|HighlightText|LinkText|GrayText|ButtonText|ButtonFace|transparent)$/);
  });

  it('no colour literal outside the palettes', () => {
    const rest = styles.slice(styles.indexOf('* {\n  box-sizing'));
    expect(rest.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi)).toBeNull();
  });

  it('cores cycle through their colours', () => {
    expect(coreColour(0)).toBe('core-0');
    expect(coreColour(9)).toBe('core-1');
  });

  it('a themed line carries its class, a visible fallback stroke and a themed hover dot', () => {
    expect(seriesLineProps('committed')).toEqual({ className: 'series series--committed', stroke: 'currentColor', activeDot: { className: seriesClass('committed') } });
    expect(seriesLineProps('commit-limit', false).activeDot).toBe(false);
  });
});
