/**
 * The one place that decides which parts of a service's configuration the system did not report, and why,
 * from what it actually answered: the error code of each QueryServiceConfig2W level that failed, and for the
 * dependencies the SCM's answer checked against what the SCM itself stored in the registry. A part that is
 * not reported is null with a reason, never an empty list or a zero.
 */
import type { ServiceConfig } from './service-manager';

/** The parts of a row that may be not reported. */
export type ReportedPart = 'description' | 'delayedAutoStart' | 'triggered' | 'recovery' | 'recoveryOnNonCrashFailures' | 'dependencies';

/** One part the system did not report, and why (shown muted, with the reason on hover; never as an error). */
export interface NotReported {
  field: ReportedPart;
  reason: string;
}

/** How query.ts labels each QueryServiceConfig2W level in `unreadable`. */
const PART_OF_LABEL: Record<string, ReportedPart> = {
  description: 'description',
  'delayed auto-start': 'delayedAutoStart',
  triggers: 'triggered',
  recovery: 'recovery',
  'recovery on non-crash failures': 'recoveryOnNonCrashFailures',
};

/** ERROR_INVALID_LEVEL: the system does not implement this information level (Wine 8 for all but the description). */
const ERROR_INVALID_LEVEL = 124;
const ERROR_ACCESS_DENIED = 5;

/** The reason in the admin's words for a failed read: "not readable on this system (error 124)", "access denied (5)". */
export function reasonFor(failure: string): string {
  const code = Number(/\(error (\d+)\)\s*$/.exec(failure)?.[1] ?? NaN);
  if (code === ERROR_INVALID_LEVEL) return 'not readable on this system (error 124)';
  if (code === ERROR_ACCESS_DENIED) return 'access denied (5)';
  return Number.isFinite(code) ? `could not be read (error ${code})` : `could not be read: ${failure}`;
}

/**
 * The dependencies as the SCM reports them, or null when its answer cannot be trusted: it reports none while
 * the service's registry key (which the SCM itself wrote) lists some - Wine 8 stores dependencies and reads
 * them back empty. When the registry could not be read the SCM's answer stands (on Windows it is the authority).
 */
export function reportedDependencies(config: Pick<ServiceConfig, 'dependencies' | 'registryDependencies'>): string[] | null {
  if (config.dependencies.length > 0) return config.dependencies;
  return config.registryDependencies && config.registryDependencies.length > 0 ? null : [];
}

/** Every part of this configuration the system did not report, with the reason; [] when everything was. */
export function notReported(config: ServiceConfig): NotReported[] {
  const parts: NotReported[] = [];
  for (const line of config.unreadable) {
    const at = line.indexOf(': ');
    const field = PART_OF_LABEL[at > 0 ? line.slice(0, at) : ''];
    if (field) parts.push({ field, reason: reasonFor(line.slice(at + 2)) });
  }
  if (reportedDependencies(config) === null) {
    const stored = config.registryDependencies ?? [];
    parts.push({ field: 'dependencies', reason: `not reported: the service manager answers none, but the service's registry key lists ${stored.join(', ')}` });
  }
  return parts;
}

/** The lines of `unreadable` that are not a part notReported() accounts for (a real failure worth showing). */
export function unexplainedUnreadable(config: ServiceConfig): string[] {
  return config.unreadable.filter((line) => {
    const at = line.indexOf(': ');
    return !PART_OF_LABEL[at > 0 ? line.slice(0, at) : ''];
  });
}
