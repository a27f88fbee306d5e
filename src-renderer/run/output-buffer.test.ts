import { describe, expect, it } from 'vitest';
import { OutputBuffer, RunOutputs } from './output-buffer';

describe('OutputBuffer', () => {
  it('keeps streams in arrival order, merging adjacent text of one stream', () => {
    const b = new OutputBuffer();
    b.append('stdout', 'a');
    b.append('stdout', 'b');
    b.append('stderr', 'E');
    b.append('stdout', 'c');
    b.append('stdout', '');
    expect(b.chunks.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'ab'],
      ['stderr', 'E'],
      ['stdout', 'c'],
    ]);
    expect(b.text()).toBe('abEc');
    expect(b.version).toBe(4);
  });

  it('drops the oldest text beyond the character bound and counts it', () => {
    const b = new OutputBuffer(10);
    b.append('stdout', '0123456');
    b.append('stderr', 'abcdef');
    expect(b.chars).toBe(10);
    expect(b.droppedChars).toBe(3);
    expect(b.text()).toBe('3456abcdef');
    b.append('stdout', 'XXXXXXXXXXXX');
    expect(b.text()).toBe('XXXXXXXXXX');
    expect(b.chunks).toHaveLength(1);
    expect(b.droppedChars).toBe(15);
  });

  it('bounds the number of spans however small they are', () => {
    const b = new OutputBuffer(1_000_000, 5);
    for (let i = 0; i < 12; i++) b.append(i % 2 === 0 ? 'stdout' : 'stderr', String(i % 10));
    expect(b.chunks).toHaveLength(5);
    expect(b.text()).toBe('78901');
    expect(b.droppedChars).toBe(7);
  });

  it('stays within about 1 MB under a flood and keeps chunk ids stable', () => {
    const b = new OutputBuffer();
    const line = 'x'.repeat(1023) + '\n';
    for (let i = 0; i < 3000; i++) b.append(i % 100 === 0 ? 'stderr' : 'stdout', line);
    expect(b.chars).toBe(1024 * 1024);
    expect(b.droppedChars).toBe(3000 * 1024 - 1024 * 1024);
    const ids = b.chunks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    b.clear();
    expect([b.chars, b.droppedChars, b.chunks.length]).toEqual([0, 0, 0]);
  });
});

describe('RunOutputs', () => {
  it('holds a bounded number of buffers and never drops the shown run', () => {
    const outputs = new RunOutputs(2);
    outputs.bufferFor('a').append('stdout', 'A');
    outputs.show('a');
    outputs.bufferFor('b');
    outputs.bufferFor('c');
    expect(outputs.size).toBe(2);
    expect(outputs.get('a')?.text()).toBe('A');
    expect(outputs.get('b')).toBeUndefined();
    expect(outputs.bufferFor('a')).toBe(outputs.get('a'));
  });
});
