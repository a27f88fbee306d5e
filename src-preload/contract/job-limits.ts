/**
 * Job limits with nothing set: what a fresh job holds and what "no limits" means on both sides of the
 * contract (the renderer's form, the core, the Win32 encoder). No zod here, so the renderer may import it.
 */
import type { JobLimitsFormValue } from './job-schemas';

export function noJobLimits(): JobLimitsFormValue {
  return {
    processMemoryBytes: null,
    jobMemoryBytes: null,
    activeProcesses: null,
    processUserTimeMs: null,
    jobUserTimeMs: null,
    cpuRate: null,
    affinity: null,
    priorityClass: null,
    schedulingClass: null,
    workingSet: null,
    killOnJobClose: false,
    dieOnUnhandledException: false,
    breakawayOk: false,
    silentBreakawayOk: false,
    uiRestrictions: [],
  };
}
