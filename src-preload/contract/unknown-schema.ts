/** The zod side of unknown.ts (main only: the renderer imports its types, never zod). */
import { z } from 'zod';
import { MAX_REASON_LENGTH } from './unknown';

/** field -> why its value is null, for the given fields only (any other key is rejected). */
export function unknownReasons<const F extends readonly [string, ...string[]]>(fields: F) {
  return z.partialRecord(z.enum(fields), z.string().min(1).max(MAX_REASON_LENGTH));
}
