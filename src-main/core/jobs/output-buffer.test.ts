import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_CHARS, OutputBuffer, splitText, StreamDecoder, utf8Bytes } from './output-buffer';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const joined = (buffer: OutputBuffer) => buffer.chunks().map((c) => c.text).join('');

describe('StreamDecoder', () => {
  it('holds back a character split across two reads', () => {
    const euro = bytes('€'); // e2 82 ac
    const decoder = new StreamDecoder();
    expect(decoder.write(Buffer.concat([bytes('price '), euro.subarray(0, 2)]))).toBe('price ');
    expect(decoder.write(Buffer.concat([euro.subarray(2), bytes('5')]))).toBe('€5');
    expect(decoder.end()).toBe('');
  });

  it('splits a 4-byte emoji one byte per read without garbling it', () => {
    const decoder = new StreamDecoder();
    const text = [...bytes('a😀b')].map((b) => decoder.write(Uint8Array.of(b))).join('');
    expect(text + decoder.end()).toBe('a😀b');
  });

  it('turns an incomplete character at the end into one replacement character', () => {
    const decoder = new StreamDecoder();
    expect(decoder.write(bytes('€').subarray(0, 2))).toBe('');
    expect(decoder.end()).toBe('\ufffd');
  });

  it('decodes UTF-16LE when asked', () => {
    const decoder = new StreamDecoder('utf-16le');
    const le = Buffer.from('hé', 'utf16le');
    expect(decoder.write(le.subarray(0, 3)) + decoder.write(le.subarray(3))).toBe('hé');
  });
});

describe('OutputBuffer', () => {
  it('keeps stdout and stderr apart, in arrival order, merging consecutive output of one stream', () => {
    const buffer = new OutputBuffer();
    expect(buffer.append('stdout', bytes('one '))).toBe('one ');
    buffer.append('stdout', bytes('two\n'));
    buffer.append('stderr', bytes('oops\n'));
    buffer.append('stdout', bytes('three\n'));
    expect(buffer.chunks()).toEqual([
      { stream: 'stdout', text: 'one two\n' },
      { stream: 'stderr', text: 'oops\n' },
      { stream: 'stdout', text: 'three\n' },
    ]);
    expect(buffer.totalBytes).toBe(19);
    expect(buffer.truncatedBytes).toBe(0);
  });

  it('decodes each stream separately: a split character on stdout is not disturbed by stderr', () => {
    const buffer = new OutputBuffer();
    const e = bytes('é');
    expect(buffer.append('stdout', e.subarray(0, 1))).toBe('');
    buffer.append('stderr', bytes('err'));
    expect(buffer.append('stdout', e.subarray(1))).toBe('é');
    expect(buffer.end('stdout')).toBe('');
    expect(buffer.chunks()).toEqual([
      { stream: 'stderr', text: 'err' },
      { stream: 'stdout', text: 'é' },
    ]);
  });

  it('counts UTF-8 bytes and drops whole oldest chunks, then the start of the next, to stay at the cap', () => {
    const buffer = new OutputBuffer(10);
    buffer.append('stdout', bytes('aaaa'));
    buffer.append('stderr', bytes('bbbb'));
    buffer.append('stdout', bytes('cccc'));
    // 12 bytes, 2 over the cap: the oldest chunk loses its first two bytes.
    expect(buffer.chunks()).toEqual([
      { stream: 'stdout', text: 'aa' },
      { stream: 'stderr', text: 'bbbb' },
      { stream: 'stdout', text: 'cccc' },
    ]);
    expect(buffer.truncatedBytes).toBe(2);
    buffer.append('stdout', bytes('dddddd'));
    expect(buffer.chunks()).toEqual([{ stream: 'stdout', text: 'ccccdddddd' }]);
    expect(buffer.truncatedBytes).toBe(8);
    expect(buffer.totalBytes).toBe(18);
    expect(buffer.keptBytes).toBe(10);
  });

  it('never cuts a character in half when dropping part of a chunk', () => {
    const buffer = new OutputBuffer(8);
    buffer.appendText('stdout', '€€€'); // 9 bytes: one over
    expect(joined(buffer)).toBe('€€');
    expect(buffer.truncatedBytes).toBe(3);
    expect(buffer.keptBytes).toBe(6);
  });

  it('keeps the newest cap bytes of one huge write', () => {
    const buffer = new OutputBuffer(1024);
    const big = 'x'.repeat(100_000) + 'THE END';
    buffer.appendText('stdout', big);
    expect(buffer.keptBytes).toBe(1024);
    expect(joined(buffer).endsWith('THE END')).toBe(true);
    expect(buffer.truncatedBytes).toBe(big.length - 1024);
  });

  it('stays bounded under a million small interleaved writes, by bytes and by chunk count', () => {
    const buffer = new OutputBuffer(64 * 1024, { maxChunks: 1000 });
    for (let i = 0; i < 1_000_000; i++) buffer.appendText(i % 2 ? 'stderr' : 'stdout', String(i % 10));
    expect(buffer.chunks().length).toBe(1000);
    expect(buffer.totalBytes).toBe(1_000_000);
    expect(buffer.truncatedBytes + buffer.keptBytes).toBe(1_000_000);
    expect(buffer.chunks().at(-1)).toEqual({ stream: 'stderr', text: '9' });
  });

  it('has the default cap of 1 MiB', () => {
    const buffer = new OutputBuffer();
    for (let i = 0; i < 40; i++) buffer.appendText('stdout', 'y'.repeat(64 * 1024));
    expect(buffer.keptBytes).toBe(1024 * 1024);
    expect(buffer.truncatedBytes).toBe(40 * 64 * 1024 - 1024 * 1024);
    expect(buffer.chunks().every((c) => c.text.length <= MAX_CHUNK_CHARS)).toBe(true);
  });

  it('counts a replacement character as the 3 bytes it is in UTF-8', () => {
    expect(utf8Bytes('\ufffd')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
  });
});

describe('splitText', () => {
  it('splits at the limit but never between the halves of a surrogate pair', () => {
    expect(splitText('abcdef', 4)).toEqual(['abcd', 'ef']);
    expect(splitText('abc😀de', 4)).toEqual(['abc', '😀de']);
    expect(splitText('ab', 4)).toEqual(['ab']);
  });
});
