import { useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { DETAILS_SIZE_MAX, DETAILS_SIZE_MIN } from '../../src-preload/contract/table-layout';
import { detailsSizeAfterDrag, detailsSizeAfterKey } from './pane-size';
import { usePausedSave } from './use-paused-save';

/**
 * A table and its details pane side by side with a splitter between them: drag it, or focus it and use
 * Left / Right (a focusable vertical separator whose value is the pane's width, as in WAI-ARIA's window
 * splitter pattern); double-click returns the pane to its default width. The width is kept in settings
 * (`size`, null for `defaultSize`); `onSave` gets the width when a drag ends or keys pause.
 */
export function SplitBody({
  className,
  size,
  defaultSize,
  onSave,
  label,
  children,
}: {
  className: string;
  size: number | null;
  /** The pane's width while settings hold none. */
  defaultSize: number;
  onSave: (px: number) => void;
  /** What the pane is, for the splitter's name: "Width of <label>" ("the process details"). */
  label: string;
  /** The table, then the details pane: the splitter goes between them. */
  children: readonly [ReactNode, ReactNode];
}) {
  const [table, details] = children;
  const bodyRef = useRef<HTMLDivElement>(null);
  // A move in progress (drag or keys) until settings hand back the saved width (then `base` is stale).
  const [draft, setDraft] = useState<{ base: number | null; px: number } | null>(null);
  const shown = draft !== null && draft.base === size ? draft.px : (size ?? defaultSize);
  const drag = useRef<{ startX: number; startSize: number; bodyWidth: number } | null>(null);
  // Keys save once they pause, or at once when the view goes away with its tab (then to the latest onSave).
  const keySave = usePausedSave(onSave);

  const measured = () => ({ px: shown, bodyWidth: bodyRef.current?.clientWidth ?? 0 });

  const move = (px: number) => setDraft({ base: size, px });

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault();
    const now = measured();
    drag.current = { startX: event.clientX, startSize: now.px, bodyWidth: now.bodyWidth };
    event.currentTarget.setPointerCapture(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (d) move(detailsSizeAfterDrag(d.startSize, d.startX, event.clientX, d.bodyWidth));
  }
  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    const px = detailsSizeAfterDrag(d.startSize, d.startX, event.clientX, d.bodyWidth);
    move(px);
    if (px !== size) onSave(px);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const now = measured();
    const px = detailsSizeAfterKey(now.px, event.key, event.shiftKey, now.bodyWidth);
    if (px === null) return;
    event.preventDefault();
    move(px);
    keySave.schedule(px);
  }

  // Double-click: back to the default width.
  function onDoubleClick() {
    move(defaultSize);
    if (size !== null && size !== defaultSize) onSave(defaultSize);
  }

  // Drags and keys leave the table room (pane-size.ts); a width saved in a wider window may overflow a
  // narrower one, and then the body scrolls rather than hiding the table.
  const style = { '--details-size': `${shown}px` } as CSSProperties;
  return (
    <div ref={bodyRef} className={`${className} split-body`} style={style}>
      {table}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Width of ${label}`}
        aria-valuenow={shown}
        aria-valuemin={DETAILS_SIZE_MIN}
        aria-valuemax={DETAILS_SIZE_MAX}
        tabIndex={0}
        title="Drag to resize the details, or focus and use Left / Right; double-click for the default width"
        className="split-body__splitter"
        data-testid="details-splitter"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onKeyDown={onKeyDown}
        onDoubleClick={onDoubleClick}
      />
      {details}
    </div>
  );
}
