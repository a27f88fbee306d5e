/**
 * The structured filter every table's filter box understands: bare words match as before (every word must
 * appear in the row's searchable text), plus terms on the table's own fields:
 *
 *   name:node  user:"NT AUTHORITY"    substring, case-insensitive (quotes keep spaces)
 *   cpu>20  mem>=500MB  pid:4         numeric comparison (`:` and `=` mean equal), units where natural
 *   injob                             a yes/no field on its own (`injob:no` or `-injob` for the opposite)
 *   -svchost  -user:SYSTEM            negation of any term
 *
 * Unknown is not zero: a row whose value for a field is unknown (not reported, not read yet) never matches
 * a term on that field, negated or not: `cpu<5` does not list processes with no CPU reading, and
 * `-user:SYSTEM` does not claim a process whose user could not be read runs as someone else.
 *
 * A term that cannot be understood (an unknown field, a bad number) becomes a problem shown under the box
 * and is left out; the other terms still filter. Parsing never throws. Pure, so the grammar is unit tested.
 */

/** How a number is written and compared: percent (`20`, `20%`), bytes (`500MB`), a count, or a duration (`10s`). */
export type FilterUnit = 'percent' | 'bytes' | 'count' | 'duration';

interface FieldBase {
  /** The name typed before `:` or `>` ("cpu"); lower case. */
  readonly name: string;
  /** Other names for it ("user" for "account"); lower case. */
  readonly aliases?: readonly string[];
  /** What it is, in the help: "CPU % of the whole machine". */
  readonly description: string;
  /** A term to show in the help: "cpu>20". */
  readonly example: string;
  /** True when the value changes tick to tick (a filter on it must be re-run every tick). */
  readonly dynamic?: boolean;
}

/** A field a filter term can name: how to read it from a row; null means the value is unknown. */
export type FilterField<Row> =
  | (FieldBase & { readonly kind: 'text'; read(row: Row): string | null })
  | (FieldBase & { readonly kind: 'number'; readonly unit: FilterUnit; read(row: Row): number | null })
  | (FieldBase & { readonly kind: 'flag'; read(row: Row): boolean | null });

/** A comparison operator. */
export type CompareOp = '=' | '>' | '<' | '>=' | '<=';

/** One understood term. */
export type FilterTerm<Row> =
  | { readonly kind: 'text'; readonly negate: boolean; readonly needle: string }
  | { readonly kind: 'field'; readonly negate: boolean; readonly field: FilterField<Row> & { kind: 'text' }; readonly needle: string }
  | { readonly kind: 'compare'; readonly negate: boolean; readonly field: FilterField<Row> & { kind: 'number' }; readonly op: CompareOp; readonly value: number }
  | { readonly kind: 'flag'; readonly negate: boolean; readonly field: FilterField<Row> & { kind: 'flag' }; readonly want: boolean };

/** A term left out, and why, in words for the line under the box. */
export interface FilterProblem {
  readonly term: string;
  readonly message: string;
}

/** A parsed filter. */
export interface FilterQuery<Row> {
  readonly terms: readonly FilterTerm<Row>[];
  readonly problems: readonly FilterProblem[];
  /** True when a term reads a field that changes tick to tick. */
  readonly dynamic: boolean;
}

/** The filter of an empty box: everything shows. */
export function emptyQuery<Row>(): FilterQuery<Row> {
  return { terms: [], problems: [], dynamic: false };
}

/** Splits on white space outside double quotes; an unclosed quote runs to the end. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      current += ch;
      started = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) tokens.push(current);
  return tokens;
}

/** The text without its quotes: `"C:\Program Files"` -> `C:\Program Files`. */
function unquote(text: string): string {
  return text.replace(/"/g, '');
}

const BYTE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  byte: 1,
  bytes: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/** Durations in ms; a bare number is seconds (what an admin means by "cputime>10"). */
const DURATION_UNITS: Readonly<Record<string, number>> = { '': 1000, ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

const UNIT_HINT: { readonly [U in FilterUnit]: string } = {
  percent: 'a percentage such as 20 or 20%',
  bytes: 'a size such as 500MB, 2GB or 4096',
  count: 'a whole number such as 100',
  duration: 'a time such as 500ms, 10s, 5m or 2h',
};

/** The number a value stands for in a field's unit (memory in binary units, as the table shows it), or null. */
export function parseAmount(text: string, unit: FilterUnit): number | null {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z%]*)$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const suffix = (m[2] ?? '').toLowerCase();
  switch (unit) {
    case 'percent':
      return suffix === '' || suffix === '%' ? n : null;
    case 'count':
      return suffix === '' && Number.isInteger(n) ? n : null;
    case 'bytes': {
      const scale = BYTE_UNITS[suffix];
      return scale === undefined ? null : n * scale;
    }
    case 'duration': {
      const scale = DURATION_UNITS[suffix];
      return scale === undefined ? null : n * scale;
    }
  }
}

const FLAG_WORDS: Readonly<Record<string, boolean>> = { yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false };

/** The field a name stands for (its name or an alias, any case). */
export function findField<Row>(fields: readonly FilterField<Row>[], name: string): FilterField<Row> | undefined {
  const key = name.toLowerCase();
  return fields.find((f) => f.name === key || (f.aliases?.includes(key) ?? false));
}

const FIELD_TERM = /^([a-z][a-z0-9_-]*)(>=|<=|>|<|=|:)(.*)$/i;

/** One token as a term, or the problem with it. */
function parseToken<Row>(token: string, fields: readonly FilterField<Row>[]): FilterTerm<Row> | FilterProblem | null {
  let body = token;
  let negate = false;
  if (body.startsWith('-') && body.length > 1) {
    negate = true;
    body = body.slice(1);
  } else if (body === '-') {
    return null;
  }
  const plain = (): FilterTerm<Row> | null => {
    const needle = unquote(body).toLowerCase();
    return needle === '' ? null : { kind: 'text', negate, needle };
  };
  // A quoted phrase is plain text even with a colon in it ("C:\Program Files").
  if (body.startsWith('"')) return plain();
  const m = FIELD_TERM.exec(body);
  if (!m) {
    const flag = findField(fields, body);
    return flag?.kind === 'flag' ? { kind: 'flag', negate, field: flag, want: true } : plain();
  }
  const [, name = '', op = ':', rawValue = ''] = m;
  const field = findField(fields, name);
  const value = unquote(rawValue);
  if (!field) {
    // A path or an address (C:\Windows, http://...) is text to search for, not a field.
    if (op === ':' && /^[\\/]/.test(rawValue)) return plain();
    return { term: token, message: `"${name}" is not a field here. Fields: ${fields.map((f) => f.name).join(', ')}.` };
  }
  if (value.trim() === '') return { term: token, message: `type a value after "${op}" (for example ${field.example}).` };
  switch (field.kind) {
    case 'text':
      if (op !== ':') return { term: token, message: `${field.name} is text: write ${field.name}:value (for example ${field.example}).` };
      return { kind: 'field', negate, field, needle: value.toLowerCase() };
    case 'flag': {
      const want = op === ':' || op === '=' ? FLAG_WORDS[value.toLowerCase()] : undefined;
      if (want === undefined) return { term: token, message: `${field.name} is yes or no: write ${field.name}, -${field.name} or ${field.name}:no.` };
      return { kind: 'flag', negate, field, want };
    }
    case 'number': {
      const amount = parseAmount(value, field.unit);
      if (amount === null) return { term: token, message: `"${value}" is not a number ${field.name} can be compared with; use ${UNIT_HINT[field.unit]}.` };
      return { kind: 'compare', negate, field, op: op === ':' ? '=' : (op as CompareOp), value: amount };
    }
  }
}

/** Parses the box's text against a table's fields. Never throws. */
export function parseFilter<Row>(text: string, fields: readonly FilterField<Row>[]): FilterQuery<Row> {
  const terms: FilterTerm<Row>[] = [];
  const problems: FilterProblem[] = [];
  for (const token of tokenize(text)) {
    const parsed = parseToken(token, fields);
    if (parsed === null) continue;
    if ('message' in parsed) problems.push(parsed);
    else terms.push(parsed);
  }
  const dynamic = terms.some((t) => t.kind !== 'text' && t.field.dynamic === true);
  return { terms, problems, dynamic };
}

function compare(a: number, op: CompareOp, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
  }
}

/** Whether one term holds for a row; null when the row's value is unknown (then it never matches). */
function holds<Row>(term: FilterTerm<Row>, row: Row, search: string): boolean | null {
  switch (term.kind) {
    case 'text':
      return search.includes(term.needle);
    case 'field': {
      const value = term.field.read(row);
      return value === null ? null : value.toLowerCase().includes(term.needle);
    }
    case 'compare': {
      const value = term.field.read(row);
      return value === null || !Number.isFinite(value) ? null : compare(value, term.op, term.value);
    }
    case 'flag': {
      const value = term.field.read(row);
      return value === null ? null : value === term.want;
    }
  }
}

/**
 * True when the row matches every term. `search` is the row's lower-cased searchable text (what bare
 * words look in, as the box always did).
 */
export function matchesQuery<Row>(query: FilterQuery<Row>, row: Row, search: string): boolean {
  for (const term of query.terms) {
    const ok = holds(term, row, search);
    if (ok === null || ok === term.negate) return false;
  }
  return true;
}
