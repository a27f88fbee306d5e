import { useState } from 'react';
import { useEvent } from '../lib/api';
import { pushToast } from '../shared/toast-store';
import { JobAlerts } from './job-alerts';
import { eventToast } from './job-columns';

/**
 * Raises a toast for each important job event (a limit hit, an abnormal exit, a job emptied) as
 * jobs:changed brings it, whichever tab is shown: the shell mounts it once, beside the toasts.
 */
export function JobAlertToasts() {
  const [alerts] = useState(() => new JobAlerts());
  useEvent('jobs:changed', (changed) => {
    // They belong to the Jobs tab wherever the admin is: counted there until seen.
    for (const event of alerts.take(changed.events)) pushToast({ ...eventToast(event), tab: 'jobs' });
  });
  return null;
}
