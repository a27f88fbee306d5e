import { describe, expect, it } from 'vitest';
import { OutputBuffer, RunOutputs, utf8Length } from './output-buffer';
import { truncationText } from './RunOutput';

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

describe('the truncation marker (issue 11: it counted the same dropped bytes twice)', () => {
  it('a live run: main and this view dropped the same oldest output, counted once', () => {
    const MiB = 1024 * 1024;
    const b = new OutputBuffer();
    // 1.5 MiB followed live; main keeps 1 MiB too and reports 512 KiB dropped at the end.
    for (let i = 0; i < 6; i++) b.append('stdout', 'x'.repeat(MiB / 4));
    expect(b.droppedBytes).toBe(MiB / 2);
    expect(b.missingBytes).toBe(MiB / 2);
    expect(truncationText(MiB / 2, b.missingBytes)).toBe('Output truncated: the first 512 KB of output are not shown; the newest output is kept.');
  });

  it('output loaded from the history starts after what main dropped; what this view drops comes on top', () => {
    const b = new OutputBuffer(10);
    b.clear(2048);
    b.append('stdout', '0123456789ab');
    expect(b.droppedBytes).toBe(2);
    expect(b.missingBytes).toBe(2050);
    expect(truncationText(2048, b.missingBytes)).toContain('the first 2.00 KB');
    expect(truncationText(0, 0)).toBeNull();
  });

  it('counts dropped text in UTF-8 bytes, as main does', () => {
    expect(utf8Length('aé€🙂')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('\ud800x')).toBe(3 + 1);
    const b = new OutputBuffer(2);
    b.append('stdout', 'éé€');
    expect([b.droppedChars, b.droppedBytes]).toEqual([1, 2]);
  });
});
