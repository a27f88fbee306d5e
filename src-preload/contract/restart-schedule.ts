/**
 * The restart schedule a hosted service's policy gives, as a pure function both sides use: the wizard shows it
 * while the admin types, the plan carries it. It follows the host's formula (native/service-host/CONTRACT.md):
 * delay 1 = base, each next delay = the previous x factor, capped; every delay is then drawn from
 * [d x (1 - jitter), d x (1 + jitter)] and capped again, so the listed delays are the centres. No zod here.
 */

/** The restart settings the schedule depends on (a part of the hosted definition). */
export interface RestartPolicyInput {
  baseMs: number;
  factorPercent: number;
  capMs: number;
  jitterPercent: number;
  maxCount: number;
  windowSec: number;
  resetSec: number;
}

/** The preview: nominal delays and one sentence. */
export interface RestartSchedulePreview {
  delaysMs: number[];
  jitterPercent: number;
  text: string;
}

/** At most this many delays are listed; a longer schedule ends in "...". */
export const SCHEDULE_SHOWN_MAX = 50;
const TEXT_DELAYS_MAX = 6;

/** The nominal delay before restart `n` (1-based), in whole milliseconds, as the host computes it. */
export function restartDelayMs(policy: Pick<RestartPolicyInput, 'baseMs' | 'factorPercent' | 'capMs'>, n: number): number {
  // As native/service-host/restart.c's restart_delay_ms (without the jitter): in doubles, capped, then truncated.
  let delay = policy.baseMs;
  for (let i = 1; i < n && delay < policy.capMs; i++) delay = (delay * policy.factorPercent) / 100;
  return Math.floor(Math.min(delay, policy.capMs));
}

/** "250 ms", "1 s", "1.5 s", "2 min", "1 min 30 s", "1 h", "1 h 5 min". */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) {
    const seconds = Math.round(ms / 100) / 10;
    return `${seconds} s`;
  }
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
  }
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.round((totalSeconds % 3600) / 60);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** The schedule of the policy: "1 s, 2 s, 4 s, 8 s, 16 s (±20%), then give up after 5 restarts in 10 min". */
export function restartSchedule(policy: RestartPolicyInput): RestartSchedulePreview {
  if (policy.maxCount === 0) {
    return { delaysMs: [], jitterPercent: policy.jitterPercent, text: "Never restarts: the service stops with the program's exit code." };
  }
  const delaysMs: number[] = [];
  for (let n = 1; n <= Math.min(policy.maxCount, SCHEDULE_SHOWN_MAX); n++) delaysMs.push(restartDelayMs(policy, n));
  const shown = delaysMs.slice(0, TEXT_DELAYS_MAX).map(formatDelay);
  const more = policy.maxCount > TEXT_DELAYS_MAX ? ` ... ${formatDelay(delaysMs[delaysMs.length - 1] ?? 0)}` : '';
  const jitter = policy.jitterPercent > 0 ? ` (±${policy.jitterPercent}%)` : '';
  const restarts = policy.maxCount === 1 ? '1 restart' : `${policy.maxCount} restarts`;
  const text =
    `${shown.join(', ')}${more}${jitter}, then give up after ${restarts} in ${formatDelay(policy.windowSec * 1000)}; ` +
    `the count starts over after ${formatDelay(policy.resetSec * 1000)} running.`;
  return { delaysMs, jitterPercent: policy.jitterPercent, text };
}
