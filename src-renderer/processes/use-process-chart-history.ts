/**
 * Asks main for what it kept of the selected process's charts (processes:history) when its details open, and
 * puts it before the points the view gathers tick by tick: after a tab switch the charts show their past
 * again. One request per selection, no polling.
 */
import { useEffect } from 'react';
import type { ProcessKeyValue } from '../../src-preload/contract/schemas';
import { request } from '../lib/api';
import { mergeKept, type HistoryPoint } from './process-history';

type SetHistory = (update: (h: { key: string | null; points: readonly HistoryPoint[] }) => { key: string | null; points: readonly HistoryPoint[] }) => void;

/** Loads the history of `target` (shown under `key`) into the view's history state. */
export function useProcessChartHistory(key: string | null, target: ProcessKeyValue | null, setHistory: SetHistory): void {
  const pid = target?.pid;
  const createTime = target?.createTime;
  useEffect(() => {
    if (key === null || pid === undefined || createTime === undefined) return undefined;
    let current = true;
    void request('processes:history', { target: { pid, createTime } }).then((result) => {
      // A failure costs only the past: the charts go on from the live ticks, so no toast for it.
      if (!current || !result.ok) return;
      setHistory((h) => ({ key, points: mergeKept(result.value.samples, h.key === key ? h.points : []) }));
    });
    return () => {
      current = false;
    };
  }, [key, pid, createTime, setHistory]);
}
