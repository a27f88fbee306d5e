/**
 * Axis scales for every chart in the console, as pure functions: a value axis from 0 to a round top with
 * 1-2-5 steps, a byte axis in the binary units formatBytes prints (KB, MB, GB = 1024^n), and a time window
 * that starts at the first sample and grows to the chosen width, with ticks on round clock times. Recharts'
 * own 'auto' domain picks steps like 30 or 4 and repeats labels once they are rounded; these do not.
 */
import { formatClock } from '../lib/format';

/** The smallest 1, 2 or 5 x 10^k at least `rough` (a round step for an axis). */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) {
    const step = m * power;
    // A little slack for floating-point noise (0.30000000000000004 is a step of 0.3, not of 0.5).
    if (step >= rough * (1 - 1e-9)) return Number(step.toPrecision(12));
  }
  return 10 * power;
}

/** A value axis: its domain and the ticks on it (the first is 0, the last is the top). */
export interface ValueAxis {
  readonly domain: [number, number];
  readonly ticks: number[];
}

/** How many steps an axis aims for: 2 to 5 come out of a 1-2-5 step, readable on a 120 px chart. */
const TARGET_STEPS = 4;

/**
 * A value axis from 0 to the first round step at or above the largest value, in 1-2-5 steps. Unknown
 * readings (null, NaN) are ignored, not read as 0; with no reading at all the axis is 0..`emptyTop`.
 * `integer` keeps steps whole (a count of 1.5 restarts means nothing).
 */
export function valueAxis(values: Iterable<number | null>, options: { readonly emptyTop?: number; readonly integer?: boolean } = {}): ValueAxis {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v !== null && Number.isFinite(v) && v > max) max = v;
  const top = max > 0 ? max : (options.emptyTop ?? 1);
  let step = niceStep(top / TARGET_STEPS);
  if (options.integer) step = Math.max(1, Math.round(step));
  const steps = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { domain: [0, ticks[ticks.length - 1] ?? step], ticks };
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** A byte axis: ticks in bytes, labelled in one binary unit with as many decimals as the step needs. */
export interface ByteAxis extends ValueAxis {
  readonly unit: (typeof BYTE_UNITS)[number];
  /** A tick label: "512 MB", "1.5 GB". */
  readonly format: (bytes: number) => string;
}

/**
 * A byte axis for these readings: the unit is the largest binary one the top reading reaches (1.3 GB is
 * drawn in GB: 0, 0.5, 1, 1.5 GB; 130 MB in MB: 0, 50, 100, 150 MB), the steps are 1-2-5 in that unit,
 * and every label carries the decimals the step needs, so no two ticks read the same.
 */
export function byteAxis(values: Iterable<number | null>): ByteAxis {
  let max = 0;
  for (const v of values) if (v !== null && Number.isFinite(v) && v > max) max = v;
  let power = 0;
  while (power < BYTE_UNITS.length - 1 && max >= 1024 ** (power + 1)) power++;
  // Nothing known yet: 0..1 MB rather than 0..1 byte.
  if (max === 0) power = 2;
  const divisor = 1024 ** power;
  const inUnit = valueAxis([max / divisor], { emptyTop: 1, integer: power === 0 });
  const step = inUnit.ticks[1] ?? 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const unit = BYTE_UNITS[power] ?? 'bytes';
  return {
    unit,
    domain: [0, inUnit.domain[1] * divisor],
    ticks: inUnit.ticks.map((t) => t * divisor),
    format: (bytes) => `${(bytes / divisor).toFixed(decimals)} ${unit}`,
  };
}

/** The narrowest time window drawn, so one sample is a point at the left, not a line across nothing. */
export const MIN_WINDOW_MS = 10_000;

/**
 * The time axis's domain for samples from `first` to `last` shown over at most `windowMs`: it starts at
 * the first sample and grows with the history until it is `windowMs` wide, then slides. The right edge
 * is the newest sample (or MIN_WINDOW_MS after the first while there is less than that).
 */
export function timeDomain(first: number | undefined, last: number | undefined, windowMs: number): [number, number] {
  if (first === undefined || last === undefined) return [0, MIN_WINDOW_MS];
  const start = Math.max(first, last - windowMs);
  return [start, Math.max(last, start + MIN_WINDOW_MS)];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Steps that land on round clock times. */
const TIME_STEPS = [SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];

/**
 * Room right of a time axis for half a clock label ("14:02:30" at 11 px is about 48 px wide): the newest
 * sample is the right edge and often on a tick, whose label is centred on it and would be cut in half.
 */
export const TIME_AXIS_RIGHT_MARGIN = 28;

/** Time ticks and the label format that keeps them apart. */
export interface TimeTicks {
  readonly ticks: number[];
  /** "14:02" for whole-minute steps, "14:02:30" for shorter ones. */
  readonly format: (epochMs: number) => string;
}

/**
 * Ticks on round local clock times within [start, end], at most about `maxTicks` of them, and a label
 * format with seconds only when the step is under a minute: two ticks never print the same label.
 */
export function timeTicks(start: number, end: number, maxTicks = 5): TimeTicks {
  const span = end - start;
  if (!(span > 0)) return { ticks: [], format: formatClock };
  const step = TIME_STEPS.find((s) => s * maxTicks >= span) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  // Align to the local clock (time zones 30 or 45 minutes off UTC exist); DST inside a window is ignored.
  const offset = -new Date(start).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let t = Math.ceil((start + offset) / step) * step - offset; t <= end; t += step) ticks.push(t);
  return { ticks, format: step < MINUTE ? formatClock : (t) => formatClock(t).slice(0, 5) };
}
