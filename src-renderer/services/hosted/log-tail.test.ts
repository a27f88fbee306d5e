import { describe, expect, it } from 'vitest';
import { appendToTail, EMPTY_TAIL, filterTail, inTimeOrder } from './log-tail';

describe('the log tail', () => {
  it('shows whole lines only, keeping a started line until its end arrives', () => {
    let tail = appendToTail(EMPTY_TAIL, 'output', '2026-12-02T21:00:00.000Z O hello\n2026-12-02T21:00:00.100Z E par');
    expect(tail.lines.map((l) => [l.source, l.text])).toEqual([['O', '2026-12-02T21:00:00.000Z O hello']]);
    tail = appendToTail(tail, 'output', 'tial\n');
    expect(tail.lines.map((l) => [l.source, l.text])[1]).toEqual(['E', '2026-12-02T21:00:00.100Z E partial']);
  });

  it('marks skipped bytes visibly and drops the oldest lines past the bound', () => {
    let tail = appendToTail(EMPTY_TAIL, 'output', 'a O 1\na O 2\na O 3\n', 0, 3);
    tail = appendToTail(tail, 'output', 'a H 4\n', 1234, 3);
    expect(tail.lines.map((l) => l.text)).toEqual(['a O 3', '-- 1,234 bytes of output not shown (more arrived than one update carries, or the file rotated) --', 'a H 4']);
    expect(tail.lines.map((l) => l.source)).toEqual(['O', 'M', 'H']);
  });

  it('filters case-insensitively', () => {
    const tail = appendToTail(EMPTY_TAIL, 'stdout', 'x O Listening\nx O crash\n');
    expect(filterTail(tail.lines, 'LISTEN').map((l) => l.text)).toEqual(['x O Listening']);
    expect(filterTail(tail.lines, ' ')).toHaveLength(2);
  });

  it('reads stdout.log and stderr.log as one, in time order', () => {
    let tail = appendToTail(EMPTY_TAIL, 'stdout', '2026-12-02T21:00:01.000Z O one\n2026-12-02T21:00:03.000Z O three\n');
    tail = appendToTail(tail, 'stderr', '2026-12-02T21:00:02.000Z E two\n2026-12-02T21:00:04.000Z E four\n');
    expect(inTimeOrder(tail).lines.map((l) => l.text.split(' ').pop())).toEqual(['one', 'two', 'three', 'four']);
  });
});
