/**
 * Checks on service names and display names before CreateServiceW / ChangeServiceConfigW see them, so the
 * form says what is wrong instead of the SCM's 123, 1073 or 1078. Rules from "CreateServiceW function"
 * (lpServiceName, lpDisplayName) and its error list.
 */
import { MAX_SERVICE_NAME } from '../../../src-preload/contract/service-schemas';

/** A service as the name checks need it. */
export interface NamedService {
  name: string;
  displayName: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * The key the SCM effectively files a name under: it keeps the case it was given but compares service and
 * display names case-insensitively. Lower case, so maps keyed by it read naturally.
 */
export function serviceKey(name: string): string {
  return name.toLowerCase();
}

/** True when the SCM would take `a` and `b` as the same name. */
export function sameServiceName(a: string, b: string): boolean {
  return serviceKey(a) === serviceKey(b);
}

function lengthProblem(what: string, value: string): string | null {
  if (value.length === 0) return `Enter a ${what}.`;
  if (value.length > MAX_SERVICE_NAME) return `A ${what} can have at most ${MAX_SERVICE_NAME} characters (this one has ${value.length}).`;
  if (CONTROL_CHARS.test(value)) return `A ${what} cannot contain control characters (tabs, line breaks).`;
  return null;
}

/** Which other service already uses `value` as its name or display name, worded for the form; null if none. */
function takenBy(value: string, existing: readonly NamedService[], self: string | undefined): string | null {
  for (const other of existing) {
    if (self !== undefined && sameServiceName(other.name, self)) continue;
    if (sameServiceName(other.name, value)) {
      return `"${value}" is already the name of the service "${other.name}"`;
    }
    if (sameServiceName(other.displayName, value)) {
      return `"${value}" is already the display name of the service "${other.name}"`;
    }
  }
  return null;
}

/**
 * Why `name` cannot be a new service's name, or null: 1 to 256 characters, no `/` or `\` (CreateServiceW),
 * no control characters, no leading or trailing space (services.msc and sc.exe would trim or split it), and
 * not already another service's name (ERROR_SERVICE_EXISTS, 1073) or display name (ERROR_DUPLICATE_SERVICE_NAME,
 * 1078) - compared case-insensitively, as the SCM does.
 */
export function newServiceNameProblem(name: string, existing: readonly NamedService[]): string | null {
  const basic = lengthProblem('service name', name);
  if (basic) return basic;
  if (/[/\\]/.test(name)) return 'A service name cannot contain / or \\.';
  if (name.trim() !== name) return 'A service name cannot start or end with a space.';
  const taken = takenBy(name, existing, undefined);
  if (taken) return `${taken}; choose another name (the SCM compares names without regard to case).`;
  return null;
}

/**
 * Why `displayName` cannot be used, or null: 1 to 256 characters, no control characters, and not another
 * service's name or display name (ERROR_DUPLICATE_SERVICE_NAME, 1078; case-insensitive). `self` is the service
 * being edited, whose own names do not count (a display name equal to its own service name is fine).
 */
export function displayNameProblem(displayName: string, existing: readonly NamedService[], self?: string): string | null {
  const basic = lengthProblem('display name', displayName);
  if (basic) return basic;
  const taken = takenBy(displayName, existing, self);
  if (taken) return `${taken}; choose another display name (the SCM compares display names without regard to case).`;
  return null;
}
