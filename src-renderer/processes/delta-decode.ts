import type { ProcessRowValue } from '../../src-preload/contract/schemas';
/**
 * Decoding the compact `changed` entries of a processes:changed delta: `[pid, mask, ...values]`, where
 * bit i of `mask` means PROCESS_NUMBER_FIELDS[i] changed and its value follows, in field order.
 */
import { NULLABLE_PROCESS_NUMBER_FIELDS, PROCESS_NUMBER_FIELDS, type ProcessNumberField } from '../../src-preload/contract/process-fields';

/** One decoded entry: the PID and the fields that changed with their new values. */
export interface DecodedChange {
  readonly pid: number;
  readonly fields: readonly ProcessNumberField[];
  /** Same order as `fields`; null only for a nullable field (no CPU reading yet, a field the system does not report). */
  readonly values: readonly (number | null)[];
}

const ALL_FIELDS_MASK = (1 << PROCESS_NUMBER_FIELDS.length) - 1;

/**
 * Decodes one entry, or returns null when it is malformed (a mask bit with no field, the wrong number of
 * values, a null for a field that cannot be unknown). A malformed delta means we no longer agree with main
 * about the encoding, so the caller resyncs rather than guessing.
 */
export function decodeChanged(entry: readonly (number | null)[]): DecodedChange | null {
  const [pid, mask] = entry;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid < 0) return null;
  if (typeof mask !== 'number' || !Number.isInteger(mask) || mask < 0 || (mask & ~ALL_FIELDS_MASK) !== 0) return null;
  const fields: ProcessNumberField[] = [];
  const values: (number | null)[] = [];
  let next = 2;
  for (let bit = 0; bit < PROCESS_NUMBER_FIELDS.length; bit++) {
    if ((mask & (1 << bit)) === 0) continue;
    const field = PROCESS_NUMBER_FIELDS[bit];
    if (field === undefined || next >= entry.length) return null;
    const value = entry[next++];
    if (value === undefined) return null;
    if (value === null ? !NULLABLE_PROCESS_NUMBER_FIELDS.has(field) : !Number.isFinite(value)) return null;
    fields.push(field);
    values.push(value);
  }
  if (next !== entry.length) return null;
  return { pid, fields, values };
}

/** The numeric part of a row that a change may write. */
export type ProcessNumbers = { -readonly [F in ProcessNumberField]: ProcessRowValue[F] };

/** Writes a decoded change into a row in place (the store keeps row identity stable across ticks). */
export function applyChange(row: ProcessNumbers, change: DecodedChange): void {
  for (let i = 0; i < change.fields.length; i++) {
    const field = change.fields[i] as ProcessNumberField;
    const value = change.values[i] as number | null;
    // decodeChanged let a null through only for a nullable field.
    (row as Record<ProcessNumberField, number | null>)[field] = value;
  }
}
