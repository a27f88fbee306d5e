/**
 * Test support (never imported by the product): the malformed frames and hostile requests the host must
 * survive, shared by the contract server's unit test and the end-to-end test against the real host under
 * Wine. Requests are derived from the contract's channel list and schemas, so a new channel is covered
 * without touching the tests.
 */
import { z } from 'zod';
import type WebSocket from 'ws';
import { CHANNELS, type Channel } from '../../src-preload/contract/channels';
import { channelSchemas } from '../../src-preload/contract/schemas';

/** A request the contract must refuse with BAD_REQUEST (and so never reach a handler). */
export interface HostileRequest {
  name: string;
  /** The JSON text of the whole `{id, channel, request}` frame; `id` is filled in by `requestFrame`. */
  request: string | undefined;
}

/** Frames that are not requests at all: each closes the connection that sent it (1008), nothing more. */
export const MALFORMED_TEXT_FRAMES: readonly string[] = [
  'not json',
  '{"id":1,"channel":"settings:get","request":{}',
  '',
  '42',
  'null',
  'true',
  '"settings:get"',
  '[{"id":1,"channel":"settings:get","request":{}}]',
  '{}',
  '{"channel":"settings:get","request":{}}',
  '{"id":"1","channel":"settings:get","request":{}}',
  '{"id":1.5,"channel":"settings:get","request":{}}',
  '{"id":1e300,"channel":"settings:get","request":{}}',
  '{"id":-9007199254740993,"channel":"settings:get","request":{}}',
  '{"id":null,"channel":"settings:get","request":{}}',
  '{"id":[1],"channel":"settings:get","request":{}}',
  '{"answerTo":"1","value":true}',
];

/** Channels that are not a declared channel's name: each is answered BAD_REQUEST under its id. */
export const HOSTILE_CHANNELS: readonly { name: string; channel: string | undefined }[] = [
  { name: 'missing', channel: undefined },
  ...['42', 'null', 'true', '["settings:get"]', '{"toString":"settings:get"}', '{"__proto__":{"polluted":true}}'].map((json) => ({ name: `not a string: ${json}`, channel: json })),
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'nope:nothing', 'settings:get ', 'SETTINGS:GET', 'settings:get\u0000', 'settings'].map((name) => ({ name: `unknown: ${JSON.stringify(name)}`, channel: JSON.stringify(name) })),
];

/** The JSON text of one request frame (`channel` and `request` are JSON text, or left out when undefined). */
export function requestFrame(id: number, channel: string | undefined, request: string | undefined): string {
  const parts = [`"id":${id}`];
  if (channel !== undefined) parts.push(`"channel":${channel}`);
  if (request !== undefined) parts.push(`"request":${request}`);
  return `{${parts.join(',')}}`;
}

/** A value no field of the contract accepts: an object with an unknown key (every object is strict). */
const POLLUTING = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';

type JsonSchema = { type?: unknown; maxLength?: number; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

/** The top-level fields a channel's request declares (for unions, of every option). */
function requestFields(channel: Channel): Record<string, JsonSchema> {
  const schema = z.toJSONSchema(channelSchemas[channel].request, { io: 'input' }) as JsonSchema;
  const fields: Record<string, JsonSchema> = {};
  for (const option of [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) Object.assign(fields, option.properties ?? {});
  return fields;
}

/**
 * Requests `channel` must refuse: not an object, prototype keys, unknown keys, every field of the wrong type,
 * every field a polluting object, and each top-level string one character over its maximum (for
 * desktop:saveCsv that is a frame over 32 MiB, the largest the contract allows).
 */
export function hostileRequests(channel: Channel): HostileRequest[] {
  const fields = Object.entries(requestFields(channel));
  const every = (value: (field: JsonSchema) => string) => `{${fields.map(([n, f]) => `${JSON.stringify(n)}:${value(f)}`).join(',')}}`;
  const requests: HostileRequest[] = [
    ...[undefined, 'null', '0', '-1', '1e308', '""', '"x"', '[]', '[{}]', 'true', 'false'].map((request) => ({ name: `request ${request ?? 'missing'}`, request })),
    { name: 'a __proto__ key', request: '{"__proto__":{"polluted":true}}' },
    { name: 'a constructor key', request: '{"constructor":{"prototype":{"polluted":true}}}' },
    { name: 'an unknown key', request: '{"unexpectedKey":1}' },
    { name: 'nested 10,000 deep', request: `{"unexpectedKey":${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
  ];
  if (fields.length > 0) {
    requests.push({ name: 'every field polluting', request: every(() => POLLUTING) });
    requests.push({ name: 'every field of the wrong type', request: every((f) => (f.type === 'string' ? '12345' : '"12345"')) });
    requests.push({ name: 'every field nested 10,000 deep', request: every(() => `${'['.repeat(10_000)}${']'.repeat(10_000)}`) });
  }
  for (const [name, field] of fields) {
    if (field.type === 'string' && typeof field.maxLength === 'number') {
      requests.push({ name: `${name} over its ${field.maxLength} characters`, request: `{${JSON.stringify(name)}:"${'x'.repeat(field.maxLength + 1)}"}` });
    }
  }
  return requests;
}

/** Every channel of the contract with its hostile requests. */
export function hostileRequestsPerChannel(): { channel: Channel; requests: HostileRequest[] }[] {
  return CHANNELS.map((channel) => ({ channel, requests: hostileRequests(channel) }));
}

/**
 * Writes a raw masked text-frame header announcing `length` payload bytes, and no payload: the host must
 * refuse it from the header alone (1009), without waiting for or buffering the bytes.
 */
export function sendOversizeFrameHeader(socket: WebSocket, length: bigint): void {
  const header = Buffer.alloc(14);
  header[0] = 0x81; // FIN + text
  header[1] = 0x80 | 127; // masked, 64-bit length follows
  header.writeBigUInt64BE(length, 2);
  header.writeUInt32BE(0x01020304, 10); // the mask key
  (socket as unknown as { _socket: { write(b: Buffer): void } })._socket.write(header);
}

/** Text frames whose bytes are not UTF-8 (a lone continuation byte, an overlong NUL, a surrogate, 0xFF). */
export const INVALID_UTF8: readonly Buffer[] = [Buffer.from([0x80]), Buffer.from([0xc0, 0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x7b, 0xff, 0x7d])];
