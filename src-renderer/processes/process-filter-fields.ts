/**
 * The fields the Processes filter box understands (`cpu>20 user:SYSTEM injob name:node`): one place that
 * says each field's name, aliases, type and how it reads from a process. Null reads are unknown (no CPU
 * reading yet, a figure Wine does not report, a user that could not be read) and never match a term.
 */
import { parseFilter, type FilterField, type FilterQuery } from '../shared/filter-query';
import type { ProcessEntry } from './process-store';
import { isNotResponding, isSuspended } from './process-status';

/** Every field, in the order the filter's help lists them. */
export const PROCESS_FILTER_FIELDS: readonly FilterField<ProcessEntry>[] = [
  { kind: 'text', name: 'name', aliases: ['image'], description: 'Image name', example: 'name:node', read: (e) => e.row.name },
  { kind: 'number', name: 'pid', unit: 'count', description: 'Process ID', example: 'pid:4', read: (e) => e.row.pid },
  { kind: 'number', name: 'ppid', aliases: ['parent'], unit: 'count', description: 'Parent process ID', example: 'ppid:1234', read: (e) => e.row.parentPid },
  { kind: 'number', name: 'cpu', unit: 'percent', dynamic: true, description: 'CPU, % of the whole machine', example: 'cpu>20', read: (e) => e.row.cpuPercent },
  {
    kind: 'number',
    name: 'mem',
    aliases: ['ws', 'memory', 'workingset'],
    unit: 'bytes',
    dynamic: true,
    description: 'Working set',
    example: 'mem>500MB',
    read: (e) => e.row.workingSetBytes,
  },
  { kind: 'number', name: 'private', unit: 'bytes', dynamic: true, description: 'Private bytes', example: 'private>1GB', read: (e) => e.row.privateBytes },
  {
    kind: 'number',
    name: 'cputime',
    unit: 'duration',
    dynamic: true,
    description: 'CPU time, user + kernel',
    example: 'cputime>10s',
    read: (e) => e.row.userTimeMs + e.row.kernelTimeMs,
  },
  { kind: 'number', name: 'threads', unit: 'count', dynamic: true, description: 'Threads', example: 'threads>50', read: (e) => e.row.threadCount },
  { kind: 'number', name: 'handles', unit: 'count', dynamic: true, description: 'Handles', example: 'handles>1000', read: (e) => e.row.handleCount },
  { kind: 'number', name: 'priority', unit: 'count', dynamic: true, description: 'Base priority', example: 'priority>8', read: (e) => e.row.basePriority },
  { kind: 'number', name: 'session', unit: 'count', description: 'Session', example: 'session:0', read: (e) => e.row.sessionId },
  { kind: 'text', name: 'user', aliases: ['account'], description: 'User the process runs as', example: 'user:SYSTEM', read: (e) => e.row.user },
  { kind: 'text', name: 'path', description: 'Image path', example: 'path:"C:\\Program Files"', read: (e) => e.row.imagePath },
  { kind: 'text', name: 'cmd', aliases: ['commandline', 'cmdline'], description: 'Command line', example: 'cmd:--inspect', read: (e) => e.row.commandLine },
  { kind: 'flag', name: 'injob', description: 'In a job (any job)', example: 'injob', read: (e) => e.row.inJob },
  // Unknown (null) where the system reports no thread states (Wine): then neither `suspended` nor `-suspended` matches.
  { kind: 'flag', name: 'suspended', dynamic: true, description: 'Every thread suspended (the Status column)', example: 'suspended', read: (e) => isSuspended(e.row) },
  // Unknown (null) where the windows could not be listed: then neither `hung` nor `-hung` matches.
  {
    kind: 'flag',
    name: 'hung',
    aliases: ['notresponding'],
    dynamic: true,
    description: 'Not responding: a visible window of it is hung (the Status column)',
    example: 'hung',
    read: (e) => isNotResponding(e.row),
  },
  { kind: 'flag', name: 'critical', description: 'Critical system process', example: '-critical', read: (e) => e.row.critical },
];

/** The Processes filter box's text, parsed. */
export function processQuery(text: string): FilterQuery<ProcessEntry> {
  return parseFilter(text, PROCESS_FILTER_FIELDS);
}
