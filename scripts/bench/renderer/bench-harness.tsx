/**
 * BENCH HARNESS ONLY (its own vite entry, not part of the product build): mounts the real ProcessTable
 * with the real store and row derivation (useDisplayRows), fed by SyntheticProcesses instead of main,
 * and exposes `window.rendererBench.run(...)` for scripts/bench/renderer/renderer-bench.mjs to drive.
 *
 * One tick = store.applyDelta(delta) -> React re-renders (useSyncExternalStore) -> commit. It is timed
 * from just before applyDelta to the layout effect of the commit (performance marks `tick-start` and
 * `tick-committed`, measure `tick`), and separately to the end of a forced style + layout.
 */
import { StrictMode, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ProcessColumn } from '../../../src-preload/contract/process-fields';
import { ProcessTable } from '../../../src-renderer/processes/ProcessTable';
import type { SortSpec } from '../../../src-renderer/processes/process-rows';
import { ProcessStore } from '../../../src-renderer/processes/process-store';
import { EMPTY_SELECTION, type Selection } from '../../../src-renderer/shared/selection';
import { useDisplayRows } from '../../../src-renderer/processes/use-display-rows';
import { SyntheticProcesses } from './synthetic-processes';
import '../../../src-renderer/styles.css';
import './bench.css';

const COLUMNS: ProcessColumn[] = ['name', 'pid', 'cpuPercent', 'workingSetBytes', 'privateBytes', 'threadCount', 'user', 'commandLine'];
const NO_COLLAPSED: ReadonlySet<string> = new Set();

/** One scenario: how many rows, which layout and sort, how many ticks. */
interface Scenario {
  rows: number;
  view: 'tree' | 'flat';
  sort: SortSpec | null;
  ticks: number;
  warmup: number;
}

let onCommit: ((version: number) => void) | null = null;

function BenchTable({ store, view, sort }: { store: ProcessStore; view: 'tree' | 'flat'; sort: SortSpec | null }) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const rows = useDisplayRows(store, { view, filter: '', sort, collapsed: NO_COLLAPSED });
  useLayoutEffect(() => {
    onCommit?.(version);
  }, [version]);
  return (
    <div className="bench-host">
      <div className="processes__table">
        <ProcessTable
          rows={rows}
          columns={COLUMNS}
          view={view}
          version={version}
          sort={sort}
          onSortChange={() => undefined}
          selection={selection}
          onSelectionChange={setSelection}
          onToggleExpanded={() => undefined}
          onContextMenu={() => undefined}
          onCommand={() => undefined}
        />
      </div>
    </div>
  );
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function committed(version: number): Promise<void> {
  return new Promise((resolve) => {
    onCommit = (v) => {
      if (v >= version) {
        onCommit = null;
        resolve();
      }
    };
  });
}

let root: Root | null = null;

async function run(scenario: Scenario) {
  root?.unmount();
  const host = document.getElementById('root') as HTMLElement;
  const source = new SyntheticProcesses(scenario.rows);
  const store = new ProcessStore();
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });

  // Mount: the first snapshot and the first render (a resync costs the same).
  const mountStart = performance.now();
  store.applySnapshot(source.snapshot());
  const mounted = committed(store.version);
  root = createRoot(host);
  root.render(
    <StrictMode>
      <BenchTable store={store} view={scenario.view} sort={scenario.sort} />
    </StrictMode>,
  );
  await mounted;
  const mountMs = performance.now() - mountStart;
  await nextFrame();
  const mountLongTasks = longTasks.splice(0);

  const commitMs: number[] = [];
  const layoutMs: number[] = [];
  const applyMs: number[] = [];
  for (let i = 0; i < scenario.warmup + scenario.ticks; i++) {
    const delta = source.nextDelta();
    performance.mark('tick-start');
    const t0 = performance.now();
    const done = committed(store.version + 1);
    const outcome = store.applyDelta(delta);
    const t1 = performance.now();
    if (outcome !== 'applied') throw new Error(`delta ${delta.seq} was ${outcome}`);
    await done;
    const t2 = performance.now();
    performance.mark('tick-committed');
    void document.body.offsetHeight; // force style + layout of this tick's DOM changes
    const t3 = performance.now();
    performance.measure('tick', 'tick-start', 'tick-committed');
    if (i >= scenario.warmup) {
      applyMs.push(t1 - t0);
      commitMs.push(t2 - t0);
      layoutMs.push(t3 - t0);
    }
    await nextFrame();
  }
  await nextFrame();
  observer.disconnect();

  const scroller = host.querySelector<HTMLElement>('[data-testid="process-table"]');
  const domRowsTop = host.querySelectorAll('[data-testid="process-row"]').length;
  if (scroller) scroller.scrollTop = scroller.scrollHeight / 2;
  await nextFrame();
  await nextFrame();
  const domRowsMiddle = host.querySelectorAll('[data-testid="process-row"]').length;
  return {
    rows: store.size,
    mountMs,
    applyMs,
    commitMs,
    layoutMs,
    domRowsTop,
    domRowsMiddle,
    longTasks,
    mountLongTasks,
  };
}

(window as unknown as { rendererBench: { run: typeof run } }).rendererBench = { run };
document.title = 'renderer bench ready';
