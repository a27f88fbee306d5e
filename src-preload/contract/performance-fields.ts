/** The Performance figures a system may not report (no zod here: the renderer imports it). */
export const UNREPORTABLE_PERFORMANCE_FIELDS = [
  'handleCount',
  'diskReadBytesPerSec',
  'diskWriteBytesPerSec',
  'networkReceivedBytesPerSec',
  'networkSentBytesPerSec',
] as const;

export type UnreportablePerformanceField = (typeof UNREPORTABLE_PERFORMANCE_FIELDS)[number];
