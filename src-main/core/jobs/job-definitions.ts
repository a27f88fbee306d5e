/**
 * The jobs this console created, kept in `<dataFolder>/jobs.json` so they can be recreated after a restart.
 * Only the definition survives: a job object lives as long as a handle to it, so when the console exits its
 * members die if kill on close is set, and otherwise run on outside any job the console knows.
 */
import { z } from 'zod';
import { JobLimitsValue, JobName, TemplateName } from '../../../src-preload/contract/job-schemas';
import type { Logger } from '../logger';
import type { AtomicFs } from '../settings/atomic-file';
import { writeFileAtomic } from '../settings/atomic-file';
import type { JobLimits } from './job-system';
import { readStoredJson, WriteQueue } from './stored-json';

/** One saved job: its name, the template it came from, the limits last applied, and when it was created. */
export interface JobDefinition {
  name: string;
  template: string | null;
  limits: JobLimits;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The contract allows this many jobs in one response. */
export const MAX_JOB_DEFINITIONS = 256;

const JobDefinitionValue = z.strictObject({
  name: JobName,
  template: TemplateName.nullable(),
  limits: JobLimitsValue,
  createdAt: z.number().nonnegative(),
});

/** The file: a version and the definitions, names unique ignoring case (as the job manager tells jobs apart). */
export const JobDefinitionsFile = z.strictObject({
  schemaVersion: z.literal(1),
  jobs: z
    .array(JobDefinitionValue)
    .max(MAX_JOB_DEFINITIONS)
    .refine((jobs) => new Set(jobs.map((j) => j.name.toLowerCase())).size === jobs.length, 'job names must not repeat (ignoring case)'),
});

/**
 * The saved job definitions. Read once and validated (an unreadable file is kept aside and the list starts
 * empty); each change is validated and written atomically, one at a time, and only then shows in list().
 */
export class JobDefinitionStore {
  private readonly queue = new WriteQueue();

  private constructor(
    readonly file: string,
    private jobs: JobDefinition[],
    private readonly fs: AtomicFs | undefined,
  ) {}

  static async open(file: string, logger: Logger, fs?: AtomicFs): Promise<JobDefinitionStore> {
    const stored = await readStoredJson(file, JobDefinitionsFile, logger, 'job definitions');
    return new JobDefinitionStore(file, stored?.jobs ?? [], fs);
  }

  /** Every saved job, oldest first (copies). */
  list(): JobDefinition[] {
    return structuredClone(this.jobs);
  }

  /** The definition of that name (ignoring case), or null. */
  get(name: string): JobDefinition | null {
    const found = this.jobs.find((j) => sameName(j.name, name));
    return found ? structuredClone(found) : null;
  }

  /** Saves the definition, replacing the one of the same name (ignoring case) in place, keeping its createdAt. Throws on invalid values. */
  put(definition: JobDefinition): Promise<void> {
    return this.change((jobs) => {
      const index = jobs.findIndex((j) => sameName(j.name, definition.name));
      if (index >= 0) jobs[index] = { ...definition, createdAt: jobs[index]!.createdAt };
      else jobs.push(definition);
      return jobs;
    });
  }

  /** Forgets the definition of that name (ignoring case); false when there was none (nothing is written then). */
  async remove(name: string): Promise<boolean> {
    let removed = false;
    await this.change((jobs) => {
      const next = jobs.filter((j) => !sameName(j.name, name));
      removed = next.length !== jobs.length;
      return removed ? next : null;
    });
    return removed;
  }

  /** `edit` returns the new list, or null for "no change" (no write). */
  private change(edit: (draft: JobDefinition[]) => JobDefinition[] | null): Promise<void> {
    return this.queue.run(async () => {
      const edited = edit(structuredClone(this.jobs));
      if (edited === null) return;
      const next = JobDefinitionsFile.parse({ schemaVersion: 1, jobs: edited });
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, this.fs);
      this.jobs = next.jobs;
    });
  }
}
