/**
 * Keeps a ProcessStore in step with main (processes:getSnapshot, then processes:changed deltas by seq,
 * resync on a gap): the shared SeqFeed, typed for processes.
 */
import type { ProcessDeltaValue, ProcessSnapshotValue } from '../../src-preload/contract/schemas';
import { SeqFeed } from '../shared/seq-feed';

export type { FeedStatus } from '../shared/seq-feed';

/** The process store's feed. `fetchSnapshot` is processes:getSnapshot (a test double in unit tests). */
export class ProcessFeed extends SeqFeed<ProcessSnapshotValue, ProcessDeltaValue> {}
