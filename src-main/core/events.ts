import type { EventName } from '../../src-preload/contract/channels';
import type { EventPayloadOf } from '../../src-preload/contract/schemas';

/** Pushes an event to whoever shows the UI (Electron's window or the host's sockets). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;
