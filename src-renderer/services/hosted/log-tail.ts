/**
 * The log tail the hosted details follow: the newest lines of the current log file(s) from
 * `services:getHostedLog`, then whatever `services:hostedLog` pushes, bounded (the oldest lines go first, and
 * a skip the main process reports becomes a visible marker line). Lines are the host's own
 * (`2026-12-02T21:03:04.123Z O text`: O stdout, E stderr, H the host). Pure, so it is unit tested.
 */
import type { HOSTED_LOG_STREAMS } from '../../../src-preload/contract/hosted-schemas';

type Stream = (typeof HOSTED_LOG_STREAMS)[number];

/** One line as shown. */
export interface TailLine {
  readonly id: number;
  readonly text: string;
  /** O stdout, E stderr, H the host, M a marker of ours (skipped bytes). */
  readonly source: 'O' | 'E' | 'H' | 'M';
}

/** The tail: shown lines, and per stream the start of a line not yet ended. */
export interface LogTail {
  readonly lines: readonly TailLine[];
  readonly partial: { readonly [S in Stream]?: string };
  readonly nextId: number;
}

/** Lines kept in the tail (the full files are searched by the main process). */
export const MAX_TAIL_LINES = 2000;

/** Nothing yet. */
export const EMPTY_TAIL: LogTail = { lines: [], partial: {}, nextId: 1 };

function sourceOf(line: string): TailLine['source'] {
  const m = /^\S+ ([OEH]) /.exec(line);
  return (m?.[1] as 'O' | 'E' | 'H' | undefined) ?? 'O';
}

/** The tail after `text` arrived on `stream` (`skippedBytes` before it were not sent). */
export function appendToTail(tail: LogTail, stream: Stream, text: string, skippedBytes = 0, max = MAX_TAIL_LINES): LogTail {
  let nextId = tail.nextId;
  const added: TailLine[] = [];
  const partial = { ...tail.partial };
  if (skippedBytes > 0) {
    // What was pending belongs to bytes we never saw the end of.
    delete partial[stream];
    added.push({ id: nextId++, text: `-- ${skippedBytes.toLocaleString('en-US')} bytes of ${stream} not shown (more arrived than one update carries, or the file rotated) --`, source: 'M' });
  }
  const parts = `${partial[stream] ?? ''}${text}`.split(/\r?\n/);
  const rest = parts.pop() ?? '';
  for (const line of parts) added.push({ id: nextId++, text: line, source: sourceOf(line) });
  if (rest === '') delete partial[stream];
  else partial[stream] = rest;
  if (added.length === 0 && partial[stream] === tail.partial[stream]) return tail;
  return { lines: [...tail.lines, ...added].slice(-max), partial, nextId };
}

/** The tail's lines containing `text` (case-insensitive, as the main process searches files); all when blank. */
export function filterTail(lines: readonly TailLine[], text: string): readonly TailLine[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return lines;
  return lines.filter((l) => l.text.toLowerCase().includes(needle));
}

/**
 * The tail with its lines in time order: stdout.log and stderr.log load one after the other, but each line
 * starts with its UTC time (ISO 8601 sorts as text), so the two read as one. Lines without a time keep
 * their place after the line before them; the sort is stable, so lines of the same millisecond stay in order.
 */
export function inTimeOrder(tail: LogTail): LogTail {
  let last = '';
  const keyed = tail.lines.map((line, i) => {
    const m = /^(\d{4}-\d\d-\d\dT\S+Z) /.exec(line.text);
    if (m?.[1]) last = m[1];
    return { line, key: last, i };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return { ...tail, lines: keyed.map((k) => k.line) };
}
