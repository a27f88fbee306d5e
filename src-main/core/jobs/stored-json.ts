/**
 * Reading the Jobs feature's JSON files in the admin-only data folder by the settings store's rules: validate
 * on read; a file that is not JSON or does not match its schema is set aside (set-aside.ts: kept for the admin,
 * never lost) and logged; a missing file is simply missing.
 */
import { promises as fsp } from 'node:fs';
import type { z } from 'zod';
import type { Logger } from '../logger';
import { setAside } from '../settings/set-aside';

/** Parses and validates JSON text; the reason says which of the two failed. */
export function parseStored<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const result = schema.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: result.error.message };
}

/**
 * The validated contents of `file`, or null when it does not exist or was unreadable (then it is kept aside
 * and a warning names both files). Other read errors (access denied, a folder in the way) are thrown: the
 * caller must not overwrite a file it could not look at.
 */
export async function readStoredJson<T>(file: string, schema: z.ZodType<T>, logger: Logger, what: string): Promise<T | null> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = parseStored(text, schema);
  if (parsed.ok) return parsed.value;
  const aside = await setAside(file);
  logger.warn(`${what} file was unreadable; kept aside and started afresh`, { file, keptAs: aside, reason: parsed.reason.slice(0, 2000) });
  return null;
}

/** Runs writes one at a time, in call order; a failed write does not stop the ones after it. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(write: () => Promise<T>): Promise<T> {
    const next = this.tail.then(write);
    this.tail = next.catch(() => {});
    return next;
  }
}
