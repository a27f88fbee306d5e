import { promises as fsp } from 'node:fs';
import { DEFAULT_PROCESS_VIEW, DEFAULT_SERVICE_VIEW, Settings, type SettingsValue } from '../../../src-preload/contract/schemas';
import type { Logger } from '../logger';
import { writeFileAtomic, type AtomicFs } from './atomic-file';
import { setAside } from './set-aside';

export const DEFAULT_SETTINGS: SettingsValue = Object.freeze({
  schemaVersion: 1,
  refresh: Object.freeze({ intervalMs: 1000, paused: false }),
  processes: Object.freeze({ columns: Object.freeze([...DEFAULT_PROCESS_VIEW.columns]), view: DEFAULT_PROCESS_VIEW.view, widths: Object.freeze({}) }),
  services: Object.freeze({ ...DEFAULT_SERVICE_VIEW, widths: Object.freeze({}) }),
  jobs: Object.freeze({ widths: Object.freeze({}) }),
}) as SettingsValue;

/**
 * The console's settings file in the admin-only data folder. Read once and validated: a file that is not
 * valid JSON or does not match the schema is set aside (set-aside.ts: kept for the admin, never lost) and defaults
 * are used. Every change is validated, then written atomically; writes are serialized.
 */
export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private current: SettingsValue,
    private readonly fs: AtomicFs | undefined,
  ) {}

  static async open(file: string, logger: Logger, fs?: AtomicFs): Promise<SettingsStore> {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new SettingsStore(file, structuredClone(DEFAULT_SETTINGS), fs);
      throw err;
    }
    const parsed = parseSettings(text);
    if (parsed.ok) return new SettingsStore(file, parsed.value, fs);
    const aside = await setAside(file);
    logger.warn('settings file was unreadable; kept aside and defaults used', { file, keptAs: aside, reason: parsed.reason });
    return new SettingsStore(file, structuredClone(DEFAULT_SETTINGS), fs);
  }

  /** The settings in effect (a copy). */
  get(): SettingsValue {
    return structuredClone(this.current);
  }

  /** Applies a change, validates the result, writes it atomically and returns it. */
  update(change: (draft: SettingsValue) => SettingsValue): Promise<SettingsValue> {
    const run = this.queue.then(async () => {
      const next = Settings.parse(change(structuredClone(this.current)));
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, this.fs);
      this.current = next;
      return structuredClone(next);
    });
    this.queue = run.catch(() => {});
    return run;
  }
}

type ParseResult = { ok: true; value: SettingsValue } | { ok: false; reason: string };

/** Parses and validates settings text. */
export function parseSettings(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const result = Settings.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: result.error.message };
}
