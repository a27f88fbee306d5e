/**
 * The fields the Jobs filter box understands (`members>0 open template:build`): one place that says each
 * field's name, aliases, type and how it reads from a job row. Accounting that could not be read, or that
 * the system does not report, is unknown and never matches a term on it.
 */
import type { JobRowValue } from '../../src-preload/contract/job-schemas';
import { matchesQuery, parseFilter, type FilterField, type FilterQuery } from '../shared/filter-query';
import { ORIGIN_LABELS } from './job-columns';

/** A job's lower-cased searchable text for plain words: its name, template and members' names and PIDs. */
export function jobSearchText(row: JobRowValue): string {
  return [row.name, row.template ?? '', ...row.members.map((m) => `${m.name} ${m.pid}`)].join('\n').toLowerCase();
}

const cpuMs = (r: JobRowValue) => {
  const a = r.accounting;
  return a && a.userTimeMs !== null && a.kernelTimeMs !== null ? a.userTimeMs + a.kernelTimeMs : null;
};

/** Every field, in the order the filter's help lists them. */
export const JOB_FILTER_FIELDS: readonly FilterField<JobRowValue>[] = [
  { kind: 'text', name: 'name', description: 'Job name', example: 'name:build', read: (r) => r.name },
  { kind: 'text', name: 'template', description: 'Template it was made from', example: 'template:sandbox', read: (r) => r.template },
  { kind: 'text', name: 'origin', description: 'This console, or Opened by name', example: 'origin:opened', read: (r) => ORIGIN_LABELS[r.origin] },
  { kind: 'text', name: 'member', aliases: ['process'], description: 'Name of a member process', example: 'member:node', read: (r) => r.members.map((m) => m.name).join('\n') },
  { kind: 'number', name: 'members', unit: 'count', dynamic: true, description: 'Member processes', example: 'members>0', read: (r) => r.members.length },
  {
    kind: 'number',
    name: 'active',
    unit: 'count',
    dynamic: true,
    description: 'Active processes (accounting)',
    example: 'active>=3',
    read: (r) => r.accounting?.activeProcesses ?? null,
  },
  { kind: 'number', name: 'cputime', unit: 'duration', dynamic: true, description: 'CPU time, user + kernel', example: 'cputime>1m', read: cpuMs },
  {
    kind: 'number',
    name: 'peak',
    aliases: ['peakmem'],
    unit: 'bytes',
    dynamic: true,
    description: 'Peak job memory',
    example: 'peak>1GB',
    read: (r) => r.accounting?.peakJobMemoryBytes ?? null,
  },
  { kind: 'flag', name: 'open', description: 'The console holds it open now (not only saved)', example: '-open', read: (r) => r.open },
  { kind: 'flag', name: 'differs', description: 'Windows holds a limit differently from what was asked', example: 'differs', read: (r) => (r.limitsHeld === null ? null : r.differences.length > 0) },
];

/** The Jobs filter box's text, parsed. */
export function jobQuery(text: string): FilterQuery<JobRowValue> {
  return parseFilter(text, JOB_FILTER_FIELDS);
}

/** The jobs matching the filter box's text (every job for a blank box). */
export function filterJobs(rows: readonly JobRowValue[], text: string): readonly JobRowValue[] {
  const query = jobQuery(text);
  return query.terms.length === 0 ? rows : rows.filter((r) => matchesQuery(query, r, jobSearchText(r)));
}
