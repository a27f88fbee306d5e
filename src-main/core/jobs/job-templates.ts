/**
 * Named limit presets ("Build box", "Contained command", "Small sandbox"), used when creating a job or
 * running a command, kept in `<dataFolder>/job-templates.json`.
 */
import { z } from 'zod';
import { JobTemplate, type JobTemplateValue } from '../../../src-preload/contract/job-schemas';
import { AppError } from '../app-error';
import type { Logger } from '../logger';
import type { AtomicFs } from '../settings/atomic-file';
import { writeFileAtomic } from '../settings/atomic-file';
import { noLimits } from './limit-differences';
import { readStoredJson, WriteQueue } from './stored-json';

/** The contract allows this many templates in one response. */
export const MAX_TEMPLATES = 256;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The file: a version and the templates in the admin's order, names unique ignoring case. */
export const JobTemplatesFile = z.strictObject({
  schemaVersion: z.literal(1),
  templates: z
    .array(JobTemplate)
    .max(MAX_TEMPLATES)
    .refine((t) => new Set(t.map((x) => x.name.toLowerCase())).size === t.length, 'template names must not repeat (ignoring case)'),
});

const GB = 1024 ** 3;

/**
 * The templates a console starts with (used until the admin saves or deletes one; from then on the file is
 * the whole list). The build box takes the first min(4, n) logical processors so it is valid on any machine.
 */
export function defaultTemplates(logicalProcessors: number): JobTemplateValue[] {
  const cores = Number.isFinite(logicalProcessors) ? Math.max(1, Math.min(4, Math.floor(logicalProcessors))) : 1;
  return [
    {
      name: 'Build box',
      description: `${cores} ${cores === 1 ? 'core' : 'cores'}, 8 GB for the job, 30 min of CPU time; its processes die when the job is closed.`,
      limits: {
        ...noLimits(),
        affinity: Array.from({ length: cores }, (_, i) => i),
        jobMemoryBytes: 8 * GB,
        jobUserTimeMs: 30 * 60_000,
        killOnJobClose: true,
      },
    },
    {
      name: 'Contained command',
      description: 'No limits, but everything it starts dies when the job is closed.',
      limits: { ...noLimits(), killOnJobClose: true },
    },
    {
      name: 'Small sandbox',
      description: 'At most 32 processes and 1 GB for the job, no clipboard, desktop or system settings; dies when the job is closed.',
      limits: {
        ...noLimits(),
        activeProcesses: 32,
        jobMemoryBytes: GB,
        killOnJobClose: true,
        uiRestrictions: ['handles', 'readClipboard', 'writeClipboard', 'systemParameters', 'displaySettings', 'globalAtoms', 'desktop', 'exitWindows'],
      },
    },
  ];
}

/**
 * The templates file. Read once and validated (an unreadable file is kept aside and the defaults are used);
 * each change is validated, written atomically (writes one at a time), and only then becomes what list()
 * shows. Names match ignoring case, as the admin types them.
 */
export class JobTemplateStore {
  private readonly queue = new WriteQueue();

  private constructor(
    readonly file: string,
    private templates: JobTemplateValue[],
    private readonly fs: AtomicFs | undefined,
  ) {}

  static async open(file: string, logger: Logger, logicalProcessors: number, fs?: AtomicFs): Promise<JobTemplateStore> {
    const stored = await readStoredJson(file, JobTemplatesFile, logger, 'job templates');
    return new JobTemplateStore(file, stored?.templates ?? defaultTemplates(logicalProcessors), fs);
  }

  /** Every template, in the admin's order (copies). */
  list(): JobTemplateValue[] {
    return structuredClone(this.templates);
  }

  /** The template of that name (ignoring case), or null. */
  get(name: string): JobTemplateValue | null {
    const found = this.templates.find((t) => sameName(t.name, name));
    return found ? structuredClone(found) : null;
  }

  /** Adds the template, or replaces the one of the same name (ignoring case) in place; returns the new list. */
  save(template: JobTemplateValue): Promise<JobTemplateValue[]> {
    return this.change((templates) => {
      const parsed = JobTemplate.safeParse(template);
      if (!parsed.success) throw new AppError('BAD_REQUEST', `The template is not valid: ${parsed.error.message}`);
      const index = templates.findIndex((t) => sameName(t.name, template.name));
      if (index >= 0) templates[index] = parsed.data;
      else if (templates.length >= MAX_TEMPLATES) throw new AppError('CONFLICT', `There are already ${MAX_TEMPLATES} templates; delete one first.`);
      else templates.push(parsed.data);
      return templates;
    });
  }

  /** Deletes the template of that name (ignoring case); NOT_FOUND when there is none. Returns the new list. */
  remove(name: string): Promise<JobTemplateValue[]> {
    return this.change((templates) => {
      const index = templates.findIndex((t) => sameName(t.name, name));
      if (index < 0) throw new AppError('NOT_FOUND', `There is no template named '${name}'.`);
      templates.splice(index, 1);
      return templates;
    });
  }

  private change(edit: (draft: JobTemplateValue[]) => JobTemplateValue[]): Promise<JobTemplateValue[]> {
    return this.queue.run(async () => {
      const next = JobTemplatesFile.parse({ schemaVersion: 1, templates: edit(structuredClone(this.templates)) });
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, this.fs);
      this.templates = next.templates;
      return structuredClone(next.templates);
    });
  }
}
