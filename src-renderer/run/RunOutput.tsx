import { useLayoutEffect, useRef, useState } from 'react';
import { formatBytes } from '../lib/format';
import type { OutputBuffer } from './output-buffer';

/** Within this many pixels of the end counts as "at the end": auto-scroll stays on. */
const STICK_SLACK_PX = 8;

/**
 * The truncation notice, or null when nothing is missing. Main and this view both drop the OLDEST output,
 * so what each dropped is a prefix of the same output: the larger prefix is what is missing, never the sum
 * (adding them counted the same bytes twice: a 1.5 MiB output read "the console dropped 512 KB; this view
 * dropped 524,288 more characters"). `viewMissingBytes` counts from the start of the run's output.
 */
export function truncationText(mainDroppedBytes: number, viewMissingBytes: number): string | null {
  const missing = Math.max(mainDroppedBytes, viewMissingBytes);
  if (missing <= 0) return null;
  return `Output truncated: the first ${formatBytes(missing)} of output are not shown; the newest output is kept.`;
}

/**
 * A run's output: stdout and stderr in arrival order, stderr marked (colour and a label for screen
 * readers), following the end as text arrives unless the admin scrolled up to read (then a button jumps
 * back). `version` re-renders it: the buffer mutates in place.
 */
export function RunOutput({
  buffer,
  version,
  runId,
  state,
  truncatedBytes,
  loading,
}: {
  buffer: OutputBuffer | null;
  version: number;
  runId: string | null;
  state: string;
  truncatedBytes: number;
  loading: boolean;
}) {
  const boxRef = useRef<HTMLPreElement>(null);
  const stickRef = useRef(true);
  const [stuck, setStuck] = useState(true);
  const shownRun = useRef<string | null>(null);

  // After each change: follow the end unless the admin scrolled away; a different run starts at the end.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    if (shownRun.current !== runId) {
      shownRun.current = runId;
      stickRef.current = true;
      setStuck(true);
    }
    if (stickRef.current) box.scrollTop = box.scrollHeight;
  }, [version, runId]);

  const onScroll = () => {
    const box = boxRef.current;
    if (!box) return;
    const atEnd = box.scrollHeight - box.scrollTop - box.clientHeight <= STICK_SLACK_PX;
    stickRef.current = atEnd;
    setStuck(atEnd);
  };
  const jump = () => {
    const box = boxRef.current;
    if (!box) return;
    stickRef.current = true;
    setStuck(true);
    box.scrollTop = box.scrollHeight;
  };

  const truncated = truncationText(truncatedBytes, buffer?.missingBytes ?? 0);
  const chunks = buffer?.chunks ?? [];
  return (
    <div className="run-output">
      {truncated ? (
        <p className="run-output__truncated" role="note" data-testid="run-truncated">
          {truncated}
        </p>
      ) : null}
      <pre
        ref={boxRef}
        className="run-output__text"
        tabIndex={0}
        aria-label="Output of the run"
        aria-busy={loading || undefined}
        onScroll={onScroll}
        data-testid="run-output"
        data-state={state}
        data-run-id={runId ?? ''}
        data-chars={buffer?.chars ?? 0}
      >
        {loading ? <span className="run-output__placeholder">Loading the output…</span> : null}
        {!loading && chunks.length === 0 ? <span className="run-output__placeholder">{runId === null ? 'Output appears here when a command runs.' : state === 'running' ? 'No output yet.' : 'The command wrote no output.'}</span> : null}
        {chunks.map((c) =>
          c.stream === 'stderr' ? (
            <span key={c.id} className="run-output__stderr" data-testid="run-output-chunk" data-stream="stderr">
              <span className="visually-hidden">stderr: </span>
              {c.text}
            </span>
          ) : (
            <span key={c.id} data-testid="run-output-chunk" data-stream="stdout">
              {c.text}
            </span>
          ),
        )}
      </pre>
      {!stuck ? (
        <button type="button" className="run-output__jump" onClick={jump} data-testid="run-jump-end">
          Scrolled up: auto-scroll paused. Jump to the end
        </button>
      ) : null}
    </div>
  );
}
