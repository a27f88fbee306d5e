/**
 * The Run form and its conversion to a run:start request: command line, working directory, environment
 * additions (name=value rows), a wall-clock timeout in seconds or minutes, and a limit template (or none:
 * a kill-on-close job only). Also the words for a run's state and duration. Pure, unit tested.
 */
import type { RequestOf } from '../../src-preload/contract/schemas';
import type { RunSummaryValue } from '../../src-preload/contract/job-schemas';
import { formatDuration } from '../lib/format';
import { commandProblem, isPlainText } from '../jobs/job-form';
import { exitCodeLine } from './exit-codes';

/** One environment addition as typed. */
export interface EnvRow {
  readonly name: string;
  readonly value: string;
}

/** The form as typed. */
export interface RunForm {
  readonly commandLine: string;
  readonly workingDirectory: string;
  readonly environment: readonly EnvRow[];
  readonly timeout: string;
  readonly timeoutUnit: 's' | 'min';
  /** '' = no template (the job only kills the tree when it closes). */
  readonly template: string;
}

/** The fields a problem can sit beside. */
export type RunField = 'commandLine' | 'workingDirectory' | 'environment' | 'timeout';

/** The contract's bounds. */
export const MAX_TIMEOUT_SECONDS = 86_400;
export const MAX_ENVIRONMENT = 64;

/** A fresh form: a 5-minute timeout. */
export function emptyRunForm(): RunForm {
  return { commandLine: '', workingDirectory: '', environment: [], timeout: '5', timeoutUnit: 'min', template: '' };
}

/** The run:start request, or null with the problems by field. */
export function formToRunRequest(form: RunForm): { request: RequestOf<'run:start'> | null; problems: ReadonlyMap<RunField, readonly string[]> } {
  const problems = new Map<RunField, string[]>();
  const add = (field: RunField, message: string) => problems.set(field, [...(problems.get(field) ?? []), message]);

  // CreateProcess takes one command line: a line break would reach the program as a character of an argument.
  const cmd = /[\r\n]/.test(form.commandLine)
    ? 'A command line is one line (CreateProcess takes a single string): remove the line breaks. Long lines wrap in the box by themselves.'
    : commandProblem(form.commandLine, true, 'command line');
  if (cmd) add('commandLine', cmd);
  const dir = commandProblem(form.workingDirectory, false, 'working directory');
  if (dir) add('workingDirectory', dir);

  const seen = new Set<string>();
  const environment: { name: string; value: string }[] = [];
  if (form.environment.length > MAX_ENVIRONMENT) add('environment', `At most ${MAX_ENVIRONMENT} variables.`);
  form.environment.forEach((row, i) => {
    const name = row.name.trim();
    if (name === '' && row.value === '') return; // an empty row the admin added and left
    const at = `Row ${i + 1}`;
    if (name === '') add('environment', `${at}: give the variable a name.`);
    else if (name.includes('=')) add('environment', `${at}: a variable name cannot hold “=”.`);
    else if (name.length > 256) add('environment', `${at}: the name is longer than 256 characters.`);
    else if (!isPlainText(name) || !isPlainText(row.value)) add('environment', `${at}: no control, bidi or line-separator characters.`);
    else if (row.value.length > 32_767) add('environment', `${at}: the value is longer than 32,767 characters.`);
    // Windows environment names are case-insensitive: PATH and Path are one variable.
    else if (seen.has(name.toUpperCase())) add('environment', `${at}: ${name} is already set above.`);
    else {
      seen.add(name.toUpperCase());
      environment.push({ name, value: row.value });
    }
  });

  const t = form.timeout.trim();
  const amount = /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
  const timeoutSeconds = Math.round(amount * (form.timeoutUnit === 'min' ? 60 : 1));
  if (t === '') add('timeout', 'Give a timeout: every run ends by then at the latest.');
  else if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    add('timeout', 'From 1 second to 24 hours (1,440 minutes).');
  }

  if (problems.size > 0) return { request: null, problems };
  return {
    request: {
      commandLine: form.commandLine,
      workingDirectory: form.workingDirectory.trim() === '' ? null : form.workingDirectory,
      environment,
      timeoutSeconds,
      template: form.template === '' ? null : form.template,
    },
    problems,
  };
}

/** Run states in words. */
export const RUN_STATE_LABELS: { readonly [S in RunSummaryValue['state']]: string } = {
  running: 'Running',
  exited: 'Exited',
  timedOut: 'Timed out (tree killed)',
  cancelled: 'Cancelled (tree killed)',
  failed: 'Failed',
};

/** How long a run ran, or has run so far (`now` for a running one). */
export function runDuration(run: RunSummaryValue, now: number): string {
  const end = run.endedAt ?? now;
  return formatDuration(Math.max(0, end - run.startedAt));
}

/** The exit code as Windows tools show it: decimal, and hex for NTSTATUS-like codes ("-1073741510 (0xC000013A)"). */
export function formatExitCode(code: number | null): string {
  if (code === null) return '—';
  if (code >= 0 && code < 0x10000) return String(code);
  return `${code} (0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')})`;
}

/** Newest first by start time, one entry per id (a run:changed replaces the entry it names). */
export function upsertRun(runs: readonly RunSummaryValue[], run: RunSummaryValue, max = 500): RunSummaryValue[] {
  const next = [run, ...runs.filter((r) => r.id !== run.id)].sort((a, b) => b.startedAt - a.startedAt);
  return next.length > max ? next.slice(0, max) : next;
}

/** What the Run view's status line says about an action, and which run it concerns (null: none yet). */
export interface RunNotice {
  readonly text: string;
  readonly runId: string | null;
}

/** The status line with nothing to say. */
export const NO_NOTICE: RunNotice = { text: '', runId: null };

/** A run's end in words: its state, then why or its exit code. */
export function runEndText(run: RunSummaryValue): string {
  const label = RUN_STATE_LABELS[run.state];
  // A failure's message is the news; the others' messages repeat the state and show under "Why".
  if (run.state === 'failed' && run.message) return `${label}: ${run.message}`;
  if (run.exitCode !== null) return `${label}, exit code ${exitCodeLine(run.exitCode)}.`;
  return `${label}.`;
}

/**
 * The status line, derived from the shown run rather than kept beside it: once the run the notice is about
 * has ended, the line says how it ended, whatever order run:changed and the Cancel answer arrived in (it
 * stayed at "Cancelling…" under "Cancelled" when the run ended before the answer). A notice about another
 * run than the one shown says nothing: it would be stale.
 */
export function runStatusLine(notice: RunNotice, shown: RunSummaryValue | undefined): string {
  if (notice.runId === null) return notice.text;
  if (!shown || shown.id !== notice.runId) return '';
  return shown.state === 'running' ? notice.text : runEndText(shown);
}
