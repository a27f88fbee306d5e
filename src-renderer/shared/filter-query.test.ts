import { describe, expect, it } from 'vitest';
import { matchesQuery, parseAmount, parseFilter, tokenize, type FilterField } from './filter-query';

interface Row {
  name: string;
  user: string | null;
  cpu: number | null;
  mem: number;
  inJob: boolean | null;
}

const FIELDS: readonly FilterField<Row>[] = [
  { kind: 'text', name: 'name', description: 'Image name', example: 'name:node', read: (r) => r.name },
  { kind: 'text', name: 'user', aliases: ['account'], description: 'User', example: 'user:SYSTEM', read: (r) => r.user },
  { kind: 'number', name: 'cpu', unit: 'percent', description: 'CPU %', example: 'cpu>20', dynamic: true, read: (r) => r.cpu },
  { kind: 'number', name: 'mem', unit: 'bytes', description: 'Working set', example: 'mem>500MB', dynamic: true, read: (r) => r.mem },
  { kind: 'flag', name: 'injob', description: 'In a job', example: 'injob', read: (r) => r.inJob },
];

const row = (over: Partial<Row> = {}): Row => ({ name: 'node.exe', user: 'NT AUTHORITY\\SYSTEM', cpu: 30, mem: 600 * 1024 ** 2, inJob: true, ...over });
const search = (r: Row) => [r.name, r.user ?? ''].join('\n').toLowerCase();
const match = (text: string, r: Row) => matchesQuery(parseFilter(text, FIELDS), r, search(r));

describe('tokenize', () => {
  it('splits on spaces outside quotes and keeps the quotes for the parser', () => {
    expect(tokenize('  cpu>20   name:"C:\\Program Files" x ')).toEqual(['cpu>20', 'name:"C:\\Program Files"', 'x']);
  });
  it('runs an unclosed quote to the end', () => {
    expect(tokenize('name:"a b')).toEqual(['name:"a b']);
  });
});

describe('parseAmount', () => {
  it('reads sizes in binary units, as the table shows them', () => {
    expect(parseAmount('500MB', 'bytes')).toBe(500 * 1024 ** 2);
    expect(parseAmount('1.5gb', 'bytes')).toBe(1.5 * 1024 ** 3);
    expect(parseAmount('4096', 'bytes')).toBe(4096);
    expect(parseAmount('5 parsecs', 'bytes')).toBeNull();
  });
  it('reads percentages, counts and durations (a bare duration is seconds)', () => {
    expect(parseAmount('20%', 'percent')).toBe(20);
    expect(parseAmount('20', 'percent')).toBe(20);
    expect(parseAmount('20MB', 'percent')).toBeNull();
    expect(parseAmount('12', 'count')).toBe(12);
    expect(parseAmount('1.5', 'count')).toBeNull();
    expect(parseAmount('10', 'duration')).toBe(10_000);
    expect(parseAmount('5m', 'duration')).toBe(300_000);
    expect(parseAmount('250ms', 'duration')).toBe(250);
    expect(parseAmount('', 'count')).toBeNull();
    expect(parseAmount('-3', 'count')).toBeNull();
  });
});

describe('parseFilter and matchesQuery', () => {
  it('matches bare words as before: every word somewhere in the searchable text', () => {
    expect(match('node system', row())).toBe(true);
    expect(match('node svchost', row())).toBe(false);
    expect(match('', row())).toBe(true);
  });

  it('matches field terms as case-insensitive substrings, by name or alias', () => {
    expect(match('name:NODE', row())).toBe(true);
    expect(match('account:system', row())).toBe(true);
    expect(match('name:system', row())).toBe(false);
    expect(match('user:"nt authority"', row())).toBe(true);
  });

  it('compares numbers with every operator, with units', () => {
    expect(match('cpu>20', row())).toBe(true);
    expect(match('cpu>30', row())).toBe(false);
    expect(match('cpu>=30', row())).toBe(true);
    expect(match('cpu<=30 cpu<31', row())).toBe(true);
    expect(match('cpu:30', row())).toBe(true);
    expect(match('cpu=29', row())).toBe(false);
    expect(match('mem>500MB', row())).toBe(true);
    expect(match('mem>1GB', row())).toBe(false);
  });

  it('never matches an unknown value, with or without negation (unknown is not zero)', () => {
    const noCpu = row({ cpu: null, user: null, inJob: null });
    expect(match('cpu>20', noCpu)).toBe(false);
    expect(match('cpu<5', noCpu)).toBe(false);
    expect(match('-cpu>20', noCpu)).toBe(false);
    expect(match('user:system', noCpu)).toBe(false);
    expect(match('-user:system', noCpu)).toBe(false);
    expect(match('injob', noCpu)).toBe(false);
    expect(match('-injob', noCpu)).toBe(false);
    expect(match('injob:no', noCpu)).toBe(false);
  });

  it('takes bare flags, flag:yes/no, and negation of any term', () => {
    expect(match('injob', row())).toBe(true);
    expect(match('injob', row({ inJob: false }))).toBe(false);
    expect(match('-injob', row({ inJob: false }))).toBe(true);
    expect(match('injob:no', row({ inJob: false }))).toBe(true);
    expect(match('-node', row())).toBe(false);
    expect(match('-svchost', row())).toBe(true);
    expect(match('-name:node', row())).toBe(false);
    expect(match('-cpu>50', row())).toBe(true);
  });

  it('reads a quoted phrase or a path as plain text, not as a field', () => {
    const r = row({ name: 'c:\\program files\\x.exe' });
    expect(match('"C:\\Program Files"', r)).toBe(true);
    expect(match('C:\\Program', r)).toBe(true);
    expect(parseFilter('C:\\Program', FIELDS).problems).toEqual([]);
  });

  it('reports an unknown field or a bad number under the box and filters by the rest', () => {
    const q = parseFilter('name:node colour:red cpu>lots mem>5parsecs', FIELDS);
    expect(q.terms).toHaveLength(1);
    expect(q.problems.map((p) => p.term)).toEqual(['colour:red', 'cpu>lots', 'mem>5parsecs']);
    expect(q.problems[0]?.message).toContain('"colour" is not a field here');
    expect(q.problems[0]?.message).toContain('name, user, cpu, mem, injob');
    expect(q.problems[1]?.message).toContain('percentage');
    expect(q.problems[2]?.message).toContain('500MB');
    expect(matchesQuery(q, row(), search(row()))).toBe(true);
    expect(matchesQuery(q, row({ name: 'svchost.exe' }), 'svchost.exe')).toBe(false);
  });

  it('explains a comparison on text, a missing value and a flag with a value it does not know', () => {
    expect(parseFilter('name>3', FIELDS).problems[0]?.message).toContain('name is text');
    expect(parseFilter('cpu>', FIELDS).problems[0]?.message).toContain('type a value');
    expect(parseFilter('injob:maybe', FIELDS).problems[0]?.message).toContain('yes or no');
  });

  it('never throws on odd input', () => {
    for (const text of ['-', '--', '"', '""', ':', 'cpu>>3', '-"', 'name:""', '>=5', '\u0000', 'a'.repeat(10_000)]) {
      expect(() => matchesQuery(parseFilter(text, FIELDS), row(), search(row()))).not.toThrow();
    }
  });

  it('says when a term reads a field that changes every tick', () => {
    expect(parseFilter('name:node', FIELDS).dynamic).toBe(false);
    expect(parseFilter('name:node cpu>1', FIELDS).dynamic).toBe(true);
  });
});
