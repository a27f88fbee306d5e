/**
 * The Service Control Manager as the core consumes it (src-main/core/services/service-manager.ts),
 * backed by Win32: one kept SCM connection (scm.ts), one EnumServicesStatusExW per enumeration
 * (enumerate.ts), per-service queries (query.ts), start and control (control.ts), and install,
 * change and remove (install.ts).
 */
import type { ServiceManager } from '../../core/services/service-manager';
import { controlService, startService } from './control';
import { activeDependents } from './dependents';
import { enumerateServices } from './enumerate';
import { changeService, createService, removeService } from './install';
import { queryConfig, queryStatus } from './query';
import { scmCallCount } from './scm';

export { enumerateStats, resizeEnumerateBuffer } from './enumerate';

/** Every ServiceManager method on the real SCM; each throws a Win32Error (1060 as NOT_FOUND, 5 as ACCESS_DENIED). */
export const win32ServiceManager: ServiceManager = {
  enumerate: enumerateServices,
  status: queryStatus,
  config: queryConfig,
  start: startService,
  control: controlService,
  runningDependents: activeDependents,
  create: createService,
  change: changeService,
  remove: removeService,
  callCount: scmCallCount,
};
