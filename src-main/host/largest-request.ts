/**
 * The largest frame a client may have to send the host, derived from the contract's request schemas, so the
 * host's WebSocket limit follows the contract instead of being a second number that drifts from it (a 1 MiB
 * limit once killed the host on a CSV export the contract allows up to 32 Mi characters).
 */
import { z } from 'zod';
import { channelSchemas } from '../../src-preload/contract/schemas';

/**
 * JSON.stringify writes one UTF-16 code unit as at most 6 bytes: control characters and lone surrogates as
 * `\uXXXX`; everything else is at most 3 UTF-8 bytes per code unit (a surrogate pair is 4 bytes for 2 units).
 */
const BYTES_PER_CODE_UNIT = 6;
/** The longest JSON number: "-0.0000012345678901234567" (JavaScript writes 1e-7 <= |x| < 1e21 in full). */
const NUMBER_BYTES = 25;

type JsonSchema = Record<string, unknown>;

/** Worst-case JSON bytes of any value `schema` accepts; throws when the schema allows unbounded values. */
export function largestJsonBytes(schema: z.ZodType): number {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const visiting = new Set<string>();

  const size = (s: JsonSchema, at: string): number => {
    if (typeof s.$ref === 'string') {
      const name = s.$ref.replace(/^#\/\$defs\//, '');
      const target = defs[name];
      if (!target) throw new Error(`${at}: unresolvable $ref ${s.$ref}`);
      if (visiting.has(name)) throw new Error(`${at}: recursive schema ${name} has no size bound`);
      visiting.add(name);
      try {
        return size(target, at);
      } finally {
        visiting.delete(name);
      }
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const options = s[key];
      if (Array.isArray(options)) return Math.max(...options.map((o, i) => size(o as JsonSchema, `${at}.${key}[${i}]`)));
    }
    if ('const' in s) return byteLength(s.const);
    if (Array.isArray(s.enum)) return Math.max(...s.enum.map(byteLength));
    const type = s.type;
    if (Array.isArray(type)) return Math.max(...type.map((t) => size({ ...s, type: t }, at)));
    switch (type) {
      case 'null':
        return 4;
      case 'boolean':
        return 5;
      case 'number':
      case 'integer':
        return NUMBER_BYTES;
      case 'string':
        if (typeof s.maxLength !== 'number') throw new Error(`${at}: a string without a maximum length`);
        return 2 + s.maxLength * BYTES_PER_CODE_UNIT;
      case 'array': {
        const prefix = (s.prefixItems ?? []) as JsonSchema[];
        const items = s.items as JsonSchema | false | undefined;
        const fixed = prefix.map((p, i) => size(p, `${at}[${i}]`));
        let total = 2 + fixed.reduce((sum, n) => sum + n + 1, 0);
        if (items !== undefined && items !== false) {
          if (typeof s.maxItems !== 'number') throw new Error(`${at}: an array without a maximum length`);
          total += (s.maxItems - prefix.length) * (size(items, `${at}[]`) + 1);
        }
        return total;
      }
      case 'object': {
        if (s.additionalProperties !== false) throw new Error(`${at}: an object that accepts unknown keys`);
        const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
        // Every key present at its largest, each with its quotes, colon and comma (an upper bound).
        return 2 + Object.entries(properties).reduce((sum, [key, value]) => sum + byteLength(key) + 1 + size(value, `${at}.${key}`) + 1, 0);
      }
      default:
        throw new Error(`${at}: no size bound for ${JSON.stringify(s).slice(0, 200)}`);
    }
  };
  return size(root, '(request)');
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/**
 * The largest request frame `{"id":…,"channel":…,"request":…}` a client following the contract sends,
 * in bytes: the host's message limit. Computed once from every channel's request schema.
 */
export function largestRequestFrameBytes(schemas: Record<string, { request: z.ZodType }> = channelSchemas): number {
  let largest = 0;
  for (const [channel, { request }] of Object.entries(schemas)) {
    const envelope = byteLength({ id: -Number.MAX_SAFE_INTEGER, channel, request: null }) - byteLength(null);
    largest = Math.max(largest, envelope + largestJsonBytes(request));
  }
  return largest;
}
