/**
 * The shape of the API the preload (or the preview bridge) puts on `window`: one function per channel,
 * grouped by domain (`system:getInfo` -> `api.system.getInfo(req)`), plus `on(event, cb)`.
 * Types only: the renderer imports this file with `import type`.
 */
import type { Channel, EventName } from './channels';
import type { Result } from './errors';
import type { EventPayloadOf, RequestOf, ResponseOf } from './schemas';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;

export type DomainApi<D extends string> = {
  readonly [C in Channel as DomainOf<C> extends D ? VerbOf<C> : never]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

export type AdminConsoleApi = {
  readonly [D in DomainOf<Channel>]: DomainApi<D>;
} & {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void) => () => void;
};
