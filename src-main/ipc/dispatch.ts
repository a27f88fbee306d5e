/**
 * Transport-independent request handling shared by Electron's IPC and the headless host: look up the
 * channel, validate the request (strict), run the handler, validate the response, and turn every outcome
 * into a Result. Handlers get only the parsed request, never the transport's event.
 */
import { z } from 'zod';
import type { Channel } from '../../src-preload/contract/channels';
import type { ApiError, ErrorCode, Result } from '../../src-preload/contract/errors';
import { channelSchemas, type ResponseOf } from '../../src-preload/contract/schemas';
import { AppError } from '../core/app-error';
import type { Logger } from '../core/logger';
import type { DesktopPort } from '../core/desktop/desktop-port';

/** What a handler receives: the request after schema parsing (defaults applied, unknown keys refused). */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channelSchemas)[C]['request']>;

/**
 * What a handler may use besides its request: the screen owner's native UI (confirmation dialogs, the
 * clipboard, save dialogs). Electron gives one for its window; the host one per connected client.
 */
export interface CallContext {
  desktop: DesktopPort;
}

/** One handler per channel, each knowing nothing of Electron or sockets. */
export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, context: CallContext) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/**
 * Answers one request; never throws. `channel` is whatever the transport received (the host's socket can
 * carry any JSON there): anything but a declared channel's name is BAD_REQUEST and runs no handler.
 */
export type Dispatch = (channel: unknown, request: unknown, context: CallContext) => Promise<Result<unknown>>;

const MAX_MESSAGE = 4000;

function failure(code: ErrorCode, message: string, win32Code?: number): { ok: false; error: ApiError } {
  const error: ApiError = { code, message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message };
  if (win32Code !== undefined) error.win32Code = win32Code;
  return { ok: false, error };
}

/** True when `channel` names a declared channel (own property, so `__proto__` and friends are not). */
export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && Object.hasOwn(channelSchemas, channel);
}

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async function dispatch(channel, request, context) {
    // Not String(channel): an object's toString could throw or run a getter; only a string is named back.
    if (typeof channel !== 'string') return failure('BAD_REQUEST', `the channel must be a string, got ${channel === null ? 'null' : Array.isArray(channel) ? 'an array' : typeof channel}`);
    if (!isChannel(channel)) return failure('BAD_REQUEST', `unknown channel: ${channel.slice(0, 100)}`);
    const schemas = channelSchemas[channel];
    const parsed = schemas.request.safeParse(request);
    if (!parsed.success) return failure('BAD_REQUEST', `${channel}: ${z.prettifyError(parsed.error)}`);
    let value: unknown;
    try {
      const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
      value = await handler(parsed.data, context);
    } catch (err) {
      if (err instanceof AppError) return failure(err.code, err.message, err.win32Code);
      logger.error('handler threw', { channel, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      return failure('INTERNAL', `${channel} failed unexpectedly; details are in the console's log`);
    }
    const checked = schemas.response.safeParse(value);
    if (!checked.success) {
      logger.error('handler returned a response outside the contract', { channel, issues: z.prettifyError(checked.error) });
      return failure('INTERNAL', `${channel} produced an invalid response; details are in the console's log`);
    }
    return { ok: true, value: checked.data };
  };
}
