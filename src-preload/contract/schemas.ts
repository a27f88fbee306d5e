/**
 * The IPC contract: one strict request schema and one response schema per channel, one payload schema
 * per pushed event. Main validates every request and every response against these; the renderer imports
 * the inferred types only. Strings are bounded, numbers ranged, unknown keys rejected.
 */
import { z } from 'zod';
import type { Channel, EventName } from './channels';
import { ERROR_CODES } from './errors';

/** A request that carries no arguments still is an object, so extra keys are rejected. */
const NoArgs = z.strictObject({});

const Bytes = z.number().int().nonnegative();
const Percent = z.number().min(0).max(100);

export const RefreshSettings = z.strictObject({
  /** How often live data is pushed; 0.5 s to 10 s. */
  intervalMs: z.number().int().min(500).max(10_000),
  paused: z.boolean(),
});

export const Settings = z.strictObject({
  schemaVersion: z.literal(1),
  refresh: RefreshSettings,
});

export const SystemInfo = z.strictObject({
  computerName: z.string().max(256),
  windowsVersion: z.strictObject({ major: z.number().int(), minor: z.number().int(), build: z.number().int() }),
  logicalProcessors: z.number().int().positive().max(4096),
  totalPhysicalBytes: Bytes,
  /** Set when the Win32 layer runs under Wine (ntdll exports wine_get_version); null on Windows. */
  wineVersion: z.string().max(64).nullable(),
  /** The admin-only folder holding settings and logs. */
  dataFolder: z.string().max(1024),
});

export const MemorySample = z.strictObject({
  loadPercent: Percent,
  totalPhysicalBytes: Bytes,
  availablePhysicalBytes: Bytes,
  /** Committed bytes (commit charge) and the commit limit, from GlobalMemoryStatusEx's page-file fields. */
  committedBytes: Bytes,
  commitLimitBytes: Bytes,
});

export const PerformanceSample = z.strictObject({
  /** Wall clock of the sample, ms since the epoch. */
  time: z.number().nonnegative(),
  /** Total CPU busy %, null on the first sample (a rate needs two readings). */
  cpuPercent: Percent.nullable(),
  /** Busy % per logical processor, empty on the first sample or when the per-core query is unavailable. */
  cpuPerCore: z.array(Percent).max(4096),
  memory: MemorySample,
});

export const PerformanceHistory = z.strictObject({
  intervalMs: z.number().int().min(500).max(10_000),
  /** Oldest first; at most ten minutes' worth. */
  samples: z.array(PerformanceSample).max(1200),
});

/** Every channel: name -> request and response schema. */
export const channelSchemas = {
  'system:getInfo': { request: NoArgs, response: SystemInfo },
  'performance:getHistory': { request: NoArgs, response: PerformanceHistory },
  'settings:get': { request: NoArgs, response: Settings },
  'settings:setRefresh': {
    request: z
      .strictObject({ intervalMs: RefreshSettings.shape.intervalMs.optional(), paused: z.boolean().optional() })
      .refine((r) => r.intervalMs !== undefined || r.paused !== undefined, 'give intervalMs or paused'),
    response: Settings,
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

/** Every pushed event: name -> payload schema. */
export const eventSchemas = {
  'performance:changed': PerformanceSample,
  'settings:changed': Settings,
} as const satisfies Record<EventName, z.ZodType>;

export const ApiErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string().max(4096),
  win32Code: z.number().int().optional(),
});

export type RequestOf<C extends Channel> = z.input<(typeof channelSchemas)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof channelSchemas)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

export type SettingsValue = z.output<typeof Settings>;
export type SystemInfoValue = z.output<typeof SystemInfo>;
export type PerformanceSampleValue = z.output<typeof PerformanceSample>;
export type PerformanceHistoryValue = z.output<typeof PerformanceHistory>;
