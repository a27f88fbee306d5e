/**
 * The running services that depend on one service, as the SCM knows them (EnumDependentServicesW with
 * SERVICE_ACTIVE): direct and indirect dependents, load-order-group dependencies included, in the order
 * to stop them ("in reverse order of their start order", as the "Stopping a Service" sample relies on).
 */
import koffi from 'koffi';
import { kernel32 } from '../kernel32';
import { ENUM_SERVICE_STATUSW } from '../structs';
import { Win32Error } from '../win32-error';
import { scm, withService } from './scm';
import { ERROR_MORE_DATA, SERVICE_ACTIVE, SERVICE_ENUMERATE_DEPENDENTS } from './service-codes';
import { readPointedString } from './wide-strings';

const ENTRY_SIZE = koffi.sizeof(ENUM_SERVICE_STATUSW);
const ENTRY_NAME = koffi.offsetof(ENUM_SERVICE_STATUSW, 'lpServiceName');

/** The names of the `count` ENUM_SERVICE_STATUSW entries at the start of `buffer` (whose address is `base`). */
export function parseDependentNames(buffer: Buffer, base: bigint, length: number, count: number): string[] {
  if (count * ENTRY_SIZE > length) throw new Error(`${count} dependent entries do not fit in ${length} bytes`);
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(readPointedString(buffer, base, length, i * ENTRY_SIZE + ENTRY_NAME));
  return names;
}

/** Running dependents of `name`, deepest first. Wine 8 answers none (README, "What Wine proves and what waits for Windows"); the core adds what it read from configurations. */
export function activeDependents(name: string): string[] {
  return withService(name, SERVICE_ENUMERATE_DEPENDENTS, (service) => {
    let size = 4096;
    for (let attempt = 1; ; attempt++) {
      const buffer = Buffer.alloc(size);
      const needed: [number] = [0];
      const returned: [number] = [0];
      if (scm().EnumDependentServicesW(service, SERVICE_ACTIVE, buffer, size, needed, returned)) {
        return parseDependentNames(buffer, koffi.address(buffer), size, returned[0]);
      }
      const code = kernel32().GetLastError();
      if (code !== ERROR_MORE_DATA || attempt === 3) throw Win32Error.fromCode(`EnumDependentServicesW(${name})`, code);
      size = Math.max(needed[0], size * 2);
    }
  });
}
