import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelSchemas } from '../../src-preload/contract/schemas';
import { largestJsonBytes, largestRequestFrameBytes } from './largest-request';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('largestJsonBytes', () => {
  it('bounds the worst JSON a schema accepts: escaped control characters, lone surrogates, long numbers', () => {
    const schema = z.strictObject({ s: z.string().max(4), n: z.number(), b: z.boolean().nullable(), e: z.enum(['a', 'longer']), list: z.array(z.number()).max(3) });
    const n = -0.0000012345678901234567;
    for (const s of ['\u0001\u0002\u001f\u0000', '\udc00\udc00\udfff\ud800']) {
      const worst = { s, n, b: false, e: 'longer', list: [n, n, n] };
      expect(schema.safeParse(worst).success).toBe(true);
      expect(bytes(worst.s)).toBe(2 + 4 * 6);
      // An upper bound, tight but for the trailing comma it counts in the object and in the list.
      expect(largestJsonBytes(schema) - bytes(worst)).toBe(2);
    }
  });

  it('takes the largest option of a union', () => {
    const schema = z.union([z.strictObject({ kind: z.literal('a') }), z.strictObject({ kind: z.literal('b'), text: z.string().max(100) })]);
    expect(largestJsonBytes(schema)).toBeGreaterThanOrEqual(bytes({ kind: 'b', text: '\u0000'.repeat(100) }));
  });

  it('refuses schemas without a bound: a string or array without a maximum, an object open to unknown keys', () => {
    expect(() => largestJsonBytes(z.strictObject({ s: z.string() }))).toThrow(/\(request\)\.s: a string without a maximum length/);
    expect(() => largestJsonBytes(z.strictObject({ a: z.array(z.boolean()) }))).toThrow(/an array without a maximum length/);
    expect(() => largestJsonBytes(z.object({}))).toThrow(/accepts unknown keys/);
    expect(() => largestJsonBytes(z.record(z.string().max(2), z.boolean()))).toThrow(/accepts unknown keys/);
  });
});

describe('largestRequestFrameBytes', () => {
  it('is bounded for every channel of the contract (every request string and list has a maximum)', () => {
    for (const [channel, { request }] of Object.entries(channelSchemas)) expect(() => largestJsonBytes(request), channel).not.toThrow();
  });

  it('fits the largest CSV export the contract allows, written with the worst escapes', () => {
    const content = channelSchemas['desktop:saveCsv'].request.shape.content;
    const maxLength = content.maxLength ?? 0;
    expect(maxLength).toBe(32 * 1024 * 1024);
    // The frame as the preview's bridge writes it, with every character of the content escaped as \u0001.
    const frame = bytes({ id: Number.MAX_SAFE_INTEGER, channel: 'desktop:saveCsv', request: { suggestedName: `${'n'.repeat(116)}.csv`, content: '' } }) + maxLength * bytes('\u0001'.repeat(1)) - 2 * maxLength;
    expect(bytes('\u0001')).toBe(8);
    expect(largestRequestFrameBytes()).toBeGreaterThanOrEqual(frame);
    expect(largestRequestFrameBytes()).toBeLessThan(frame + 64 * 1024);
  });
});
