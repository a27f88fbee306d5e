// The collector on the real snapshot (Wine's on Linux): what the system leaves empty arrives as null with
// the reason, decided from what the system answered; what it fills in arrives as numbers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProcessSnapshot } from '../../../src-preload/contract/schemas';
import { getSystemIdentity } from '../../win32/system';
import { win32ProcessSource } from '../../win32/processes';
import { ProcessCollector } from './process-collector';

describe('process collector on the real snapshot', () => {
  test('unknown is not zero: fields this system does not report are null with the reason, the rest are numbers', () => {
    const underWine = getSystemIdentity().wineVersion !== null;
    const collector = new ProcessCollector(win32ProcessSource, 1, new Set([process.pid]), undefined, { underWine });
    collector.tick(Date.now());
    const snapshot = ProcessSnapshot.parse(collector.snapshot());
    const self = snapshot.processes.find((p) => p.pid === process.pid);
    assert.ok(self, 'this process is listed');
    assert.ok(self.workingSetBytes > 0 && self.pagefileBytes > 0, 'working set and page file are reported everywhere');
    if (underWine) {
      // Wine 8 leaves private bytes and the I/O counters at 0 and gives base priority 2 (README, "What Wine proves and what waits for Windows"; seen in the rig).
      assert.equal(snapshot.unreported.privateBytes, 'Wine does not report private bytes');
      assert.equal(snapshot.unreported.ioReadBytes, 'Wine does not report I/O read bytes');
      assert.equal(snapshot.unreported.basePriority, 'Wine does not report base priority');
      assert.deepEqual([self.privateBytes, self.ioReadBytes, self.ioOtherBytes, self.basePriority], [null, null, null, null]);
    } else {
      assert.equal(snapshot.unreported.privateBytes, undefined, `private bytes reported (${snapshot.unreported.privateBytes})`);
      assert.equal(snapshot.unreported.ioOtherBytes, undefined, 'I/O counters reported');
      assert.ok((self.privateBytes ?? 0) > 1024 * 1024, `node has over 1 MB private (${self.privateBytes})`);
      assert.ok(self.basePriority !== null && self.basePriority >= 4);
    }
  });
});
