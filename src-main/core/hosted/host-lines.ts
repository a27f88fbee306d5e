/**
 * Splits what the host sends on its status pipe into lines (CONTRACT.md: one JSON object per line, UTF-8,
 * `\n` terminated, at most 64 KiB per line) and parses each: a status (checked against the contract's
 * schema: a status this console does not understand is reported, never shown half-read), a reply to a
 * command, or an error in the admin's words.
 */
import { HostedStatus, type HostedStatusValue } from '../../../src-preload/contract/hosted-schemas';

/** The longest line the host may send (CONTRACT.md). */
export const MAX_LINE_BYTES = 64 * 1024;

/** One thing the host said. */
export type HostMessage =
  | { kind: 'status'; status: HostedStatusValue }
  | { kind: 'reply'; command: string; ok: boolean; error: string | null }
  | { kind: 'invalid'; reason: string };

/** Parses one line (without its `\n`). */
export function parseHostLine(line: string): HostMessage {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'invalid', reason: `the host sent a line that is not JSON: ${line.slice(0, 120)}` };
  }
  if (typeof value !== 'object' || value === null) return { kind: 'invalid', reason: 'the host sent a line that is not a JSON object' };
  const type = (value as { type?: unknown }).type;
  if (type === 'reply') {
    const { command, ok, error } = value as { command?: unknown; ok?: unknown; error?: unknown };
    if (typeof command !== 'string' || typeof ok !== 'boolean') return { kind: 'invalid', reason: 'the host sent a reply without a command name or ok' };
    return { kind: 'reply', command, ok, error: typeof error === 'string' ? error.slice(0, 1024) : null };
  }
  if (type === 'status') {
    const parsed = HostedStatus.safeParse(value);
    if (parsed.success) return { kind: 'status', status: parsed.data };
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', reason: `the host sent a status this console does not understand (${issue ? `${issue.path.join('.') || 'status'}: ${issue.message}` : 'invalid'})` };
  }
  return { kind: 'invalid', reason: `the host sent a line of unknown type ${(JSON.stringify(type) ?? "(none)").slice(0, 40)}` };
}

/** Collects chunks into whole lines; refuses a line longer than the contract allows. */
export class LineReader {
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  /** The complete lines in `chunk` (with what came before it); throws when a line passes MAX_LINE_BYTES. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, at);
      if (this.#pendingBytes + part.length > MAX_LINE_BYTES) throw new Error(`the host sent a line over ${MAX_LINE_BYTES} bytes`);
      lines.push(Buffer.concat([...this.#pending, part]).toString('utf8').replace(/\r$/, ''));
      this.#pending = [];
      this.#pendingBytes = 0;
      start = at + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length) {
      this.#pendingBytes += rest.length;
      if (this.#pendingBytes > MAX_LINE_BYTES) throw new Error(`the host sent a line over ${MAX_LINE_BYTES} bytes`);
      this.#pending.push(Buffer.from(rest));
    }
    return lines;
  }
}
