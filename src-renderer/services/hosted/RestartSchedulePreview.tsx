import { formatDelay, restartSchedule } from '../../../src-preload/contract/restart-schedule';
import type { RestartPolicyInput } from '../../../src-preload/contract/restart-schedule';

/**
 * The restart schedule the policy gives, as the admin types it: the sentence and each nominal delay with its
 * jitter range. The numbers come from the contract's restartSchedule(), the same function the plan uses.
 */
export function RestartSchedulePreview({ policy }: { policy: RestartPolicyInput | null }) {
  if (policy === null) {
    return (
      <p className="status-line" data-testid="hosted-schedule" data-status="incomplete">
        The schedule shows once every restart setting above is a number in its range.
      </p>
    );
  }
  const schedule = restartSchedule(policy);
  const j = schedule.jitterPercent / 100;
  return (
    <div className="hosted__schedule" data-testid="hosted-schedule" data-status="ready" aria-live="polite">
      <p className="hosted__schedule-text" data-testid="hosted-schedule-text">
        {schedule.text}
      </p>
      {schedule.delaysMs.length > 0 ? (
        <ol className="hosted__schedule-list" aria-label="Restart delays">
          {schedule.delaysMs.slice(0, 12).map((d, i) => (
            <li key={i}>
              {j > 0 ? `${formatDelay(d)} (${formatDelay(Math.round(d * (1 - j)))} to ${formatDelay(Math.min(policy.capMs, Math.round(d * (1 + j))))})` : formatDelay(d)}
            </li>
          ))}
          {schedule.delaysMs.length > 12 ? <li>{`… ${schedule.delaysMs.length - 12} more`}</li> : null}
        </ol>
      ) : null}
    </div>
  );
}
