import { useEffect, useState } from 'react';
import type { HostedLogFileValue } from '../../../src-preload/contract/hosted-schemas';
import { request, useEvent } from '../../lib/api';
import { applyHostedStatus, mergeHostedHistory, NO_HOSTED_VIEW, type HostedView } from './hosted-status';
import { appendToTail, EMPTY_TAIL, inTimeOrder, type LogTail } from './log-tail';

/** How much of the current log file(s) the details load when they open. */
export const TAIL_LOAD_BYTES = 256 * 1024;

/** The log as the details hold it: the tail, the kept files, or why it could not be read. */
export interface HostedLog {
  readonly tail: LogTail;
  readonly files: readonly HostedLogFileValue[];
  readonly folder: string | null;
  readonly error: string | null;
  readonly loaded: boolean;
}

/**
 * Watches one hosted service while the details show it: `services:watchHosted` on mount (main connects to
 * the host's pipe and pushes `services:hostedStatus` and `services:hostedLog`), `services:unwatchHosted` on
 * unmount; the charts' past from main (`services:hostedHistory`) once; the log tail loaded once, then
 * followed from the pushes.
 */
export function useHostedService(name: string, logicalProcessors: number): { view: HostedView; log: HostedLog } {
  const [view, setView] = useState<HostedView>(NO_HOSTED_VIEW);
  const [log, setLog] = useState<HostedLog>({ tail: EMPTY_TAIL, files: [], folder: null, error: null, loaded: false });

  useEvent('services:hostedStatus', (push) => {
    if (push.name === name) setView((v) => applyHostedStatus(v, push, logicalProcessors));
  });
  useEvent('services:hostedLog', (push) => {
    if (push.name === name) setLog((l) => ({ ...l, tail: appendToTail(l.tail, push.stream, push.text, push.skippedBytes) }));
  });

  useEffect(() => {
    let live = true;
    void request('services:watchHosted', { name }).then((result) => {
      if (live && !result.ok) setView((v) => ({ ...v, status: null, unavailable: `Could not watch the host: ${result.error.message}` }));
    });
    // Asked after the watch, which makes main keep this service's history: what it kept from earlier visits
    // goes before the pushes (merged by time, so a push that arrived first is not shown twice).
    void request('services:hostedHistory', { name }).then((result) => {
      // A failure costs only the past: the charts go on from the pushes, so no message for it.
      if (live && result.ok) setView((v) => mergeHostedHistory(v, result.value));
    });
    void request('services:getHostedLog', { name, maxBytes: TAIL_LOAD_BYTES }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setLog((l) => ({ ...l, error: result.error.message, loaded: true }));
        return;
      }
      const loaded = inTimeOrder(result.value.tails.reduce((tail, t) => appendToTail(tail, t.stream, t.text.endsWith('\n') || t.text === '' ? t.text : `${t.text}\n`), EMPTY_TAIL));
      // Lines pushed while the tail was loading come after it; one the file read already had (each line
      // carries its time to the millisecond) is not shown twice.
      const had = new Set(loaded.lines.map((line) => line.text));
      setLog((l) => ({
        tail: l.tail.lines.filter((line) => !had.has(line.text)).reduce((tail, line) => appendToTail(tail, 'output', `${line.text}\n`), loaded),
        files: result.value.files,
        folder: result.value.logFolder,
        error: null,
        loaded: true,
      }));
    });
    return () => {
      live = false;
      void request('services:unwatchHosted', { name });
    };
  }, [name]);

  return { view, log };
}
