/**
 * The fields the Services filter box understands (`state:running start:auto account:LocalSystem`): one
 * place that says each field's name, aliases, type and how it reads from a service. Configuration not yet
 * read (or not reported by this system) is unknown and never matches a term on it.
 */
import { parseFilter, type FilterField, type FilterQuery } from '../shared/filter-query';
import { KIND_LABELS, STATE_LABELS, startTypeLabel } from './service-columns';
import type { ServiceEntry } from './service-store';

/** Every field, in the order the filter's help lists them. */
export const SERVICE_FILTER_FIELDS: readonly FilterField<ServiceEntry>[] = [
  { kind: 'text', name: 'name', description: 'Service name', example: 'name:spool', read: (e) => e.row.name },
  { kind: 'text', name: 'display', aliases: ['displayname'], description: 'Display name', example: 'display:"print spooler"', read: (e) => e.row.displayName },
  {
    kind: 'text',
    name: 'state',
    aliases: ['status'],
    description: 'Running, Stopped, Paused, Start pending, …',
    example: 'state:running',
    // The word as the table shows it, and the one-word form ("startpending") for typing without quotes.
    read: (e) => `${STATE_LABELS[e.row.state]} ${e.row.state}`,
  },
  {
    kind: 'text',
    name: 'start',
    aliases: ['startup', 'starttype'],
    description: 'Automatic (delayed, trigger), Manual, Disabled, Boot, System',
    example: 'start:auto',
    read: (e) => (e.row.startType === null ? null : startTypeLabel(e.row)),
  },
  { kind: 'text', name: 'account', aliases: ['user', 'logon'], description: 'Account it runs as', example: 'account:LocalSystem', read: (e) => e.row.account },
  {
    kind: 'text',
    name: 'type',
    aliases: ['kind'],
    description: 'Own process, Shared process, Kernel driver, File system driver, …',
    example: 'type:driver',
    read: (e) => KIND_LABELS[e.row.kind],
  },
  { kind: 'text', name: 'path', aliases: ['binary'], description: 'Command line (binary path)', example: 'path:svchost', read: (e) => e.row.binaryPath },
  { kind: 'text', name: 'description', aliases: ['desc'], description: 'Description', example: 'desc:network', read: (e) => e.row.description },
  { kind: 'text', name: 'group', description: 'Load order group', example: 'group:network', read: (e) => e.row.loadOrderGroup },
  // A stopped service has no process: its PID is unknown, not 0, so `pid<100` does not list it.
  { kind: 'number', name: 'pid', unit: 'count', description: 'Process ID while it runs', example: 'pid:1234', read: (e) => e.row.pid },
  { kind: 'number', name: 'exit', aliases: ['exitcode'], unit: 'count', description: 'Win32 exit code of its last stop', example: 'exit>0', read: (e) => e.row.win32ExitCode },
  { kind: 'flag', name: 'hosted', description: "Run by the console's service host", example: 'hosted', read: (e) => e.row.hosted },
  { kind: 'flag', name: 'unquoted', description: 'Unquoted path with spaces (CWE-428)', example: 'unquoted', read: (e) => e.row.unquotedPath },
  { kind: 'flag', name: 'delayed', description: 'Delayed automatic start', example: 'delayed', read: (e) => e.row.delayedAutoStart },
  { kind: 'flag', name: 'triggered', aliases: ['trigger'], description: 'Trigger start', example: 'triggered', read: (e) => e.row.triggered },
];

/** The Services filter box's text, parsed. */
export function serviceQuery(text: string): FilterQuery<ServiceEntry> {
  return parseFilter(text, SERVICE_FILTER_FIELDS);
}
