/**
 * Job objects as the core consumes them (src-main/core/jobs/job-system.ts), backed by Win32: named jobs
 * in the session namespace (job-objects.ts), limits, accounting and members per information class
 * (job-information.ts), commands started suspended inside a job, with or without pipes
 * (job-launch.ts, piped-command.ts), and notifications from one completion port (completion-port.ts).
 */
import type { JobSystem } from '../../core/jobs/job-system';
import { stopWatching, watchJob } from './completion-port';
import { jobAccounting, jobMemberPids, readJobLimits, setJobLimits } from './job-information';
import { assignToJob, launchInJob } from './job-launch';
import { createJob, openJob, terminateJob } from './job-objects';
import { launchPipedInJob } from './piped-command';

export { completionPortStats } from './completion-port';

/** Every JobSystem method on real job objects; each throws an AppError (a Win32Error where a call failed). */
export const win32JobSystem: JobSystem = {
  create: createJob,
  open: openJob,
  setLimits: setJobLimits,
  readLimits: readJobLimits,
  accounting: jobAccounting,
  memberPids: jobMemberPids,
  assign: assignToJob,
  launch: launchInJob,
  launchPiped: launchPipedInJob,
  terminate: terminateJob,
  watch: watchJob,
  stopWatching,
};
