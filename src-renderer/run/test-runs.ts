/** Run summaries for unit tests (typed by the contract). */
import type { RunSummaryValue } from '../../src-preload/contract/job-schemas';

/** A running run started at 1 s, then `over`. */
export function testRun(id: string, over: Partial<RunSummaryValue> = {}): RunSummaryValue {
  return {
    id,
    commandLine: 'cmd /c echo hi',
    workingDirectory: null,
    template: null,
    timeoutSeconds: 60,
    state: 'running',
    pid: 100,
    exitCode: null,
    startedAt: 1000,
    endedAt: null,
    truncatedBytes: 0,
    outputBytes: 0,
    message: null,
    ...over,
  };
}
