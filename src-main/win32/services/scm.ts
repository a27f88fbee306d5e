/**
 * The connection to the Service Control Manager and the service handles opened through it: every
 * advapi32 call the service layer makes goes through scm() and is counted (the bench reports calls per
 * poll), and every service handle is owned and closed on every path (the handle ledger proves it).
 */
import { advapi32 } from '../advapi32';
import type { HandleCloser } from '../handles';
import { OwnedHandle, closeQuietly } from '../handles';
import { Win32Error } from '../win32-error';
import { SC_MANAGER_CONNECT, SC_MANAGER_CREATE_SERVICE, SC_MANAGER_ENUMERATE_SERVICE } from './service-codes';

type Advapi32 = ReturnType<typeof advapi32>;
/** advapi32's bindings as plain synchronous functions (the counting wrappers carry no `.async`). */
type Counted<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };

let calls = 0;
let counted: Counted<Advapi32> | undefined;

/** Win32 calls the service layer has made so far: every advapi32 call, closes included (not GetLastError / FormatMessageW on a failure). */
export function scmCallCount(): number {
  return calls;
}

/** advapi32's bindings, each call counted by scmCallCount(). */
export function scm(): Counted<Advapi32> {
  if (counted) return counted;
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(advapi32())) {
    const call = fn as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      calls++;
      return call(...args);
    };
  }
  return (counted = wrapped as Counted<Advapi32>);
}

/** Closes manager and service handles alike ("CloseServiceHandle function"), counted like every call. */
const closeServiceHandle: HandleCloser = { fn: 'CloseServiceHandle', close: (handle) => scm().CloseServiceHandle(handle) };

let manager: OwnedHandle | undefined;

/**
 * The SCM handle every enumeration, query and OpenServiceW goes through, opened on first use with
 * SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE and kept for the life of the process.
 *
 * Why keep it: OpenSCManagerW is an RPC round trip to services.exe with an access check, and closing is
 * another; per 2 s poll that would triple the calls for one EnumServicesStatusExW. The handle carries
 * no state that goes stale (services.exe lives as long as Windows), so System Informer keeps one
 * too. Why those rights only: they are what every user may have, so reading works unelevated;
 * OpenServiceW needs only SC_MANAGER_CONNECT, as access to a service is checked against the
 * service's own DACL. Creating a service opens a separate handle with SC_MANAGER_CREATE_SERVICE.
 */
export function managerHandle(): bigint {
  manager ??= OwnedHandle.keep('scm', scm().OpenSCManagerW(null, null, SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE), 'OpenSCManagerW', closeServiceHandle);
  return manager.value;
}

/** A Win32Error for a failed SCM call on one service, named in the message: "StartServiceW(Spooler) failed: ...". */
export function serviceError(fn: string, name: string): Win32Error {
  return Win32Error.fromLastError(`${fn}(${name})`);
}

/** Opens one service with `access` (only the rights the operation needs); the caller closes it. 1060 is NOT_FOUND. */
export function openService(name: string, access: number): OwnedHandle {
  const handle = scm().OpenServiceW(managerHandle(), name, access);
  if (!handle) throw serviceError('OpenServiceW', name);
  return adoptServiceHandle(handle, 'OpenServiceW');
}

/** Takes ownership of a service handle an API returned (closed with CloseServiceHandle, counted in the ledger as 'service'). */
export function adoptServiceHandle(handle: bigint, fn: string): OwnedHandle {
  return OwnedHandle.adopt('service', handle, fn, closeServiceHandle);
}

/**
 * Runs `use` on a freshly opened service handle and closes it however `use` ends. A failing close
 * never replaces the result or the error of `use` (it is kept in handleLedger.closeFailures()).
 */
export function withService<T>(name: string, access: number, use: (service: bigint) => T): T {
  const service = openService(name, access);
  try {
    return use(service.value);
  } finally {
    closeQuietly(service);
  }
}

/** Runs `use` on an SCM handle that may create services (SC_MANAGER_CREATE_SERVICE), closed afterwards. */
export function withCreatingManager<T>(use: (manager: bigint) => T): T {
  const handle = OwnedHandle.adopt('scm', scm().OpenSCManagerW(null, null, SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE), 'OpenSCManagerW', closeServiceHandle);
  try {
    return use(handle.value);
  } finally {
    closeQuietly(handle);
  }
}
