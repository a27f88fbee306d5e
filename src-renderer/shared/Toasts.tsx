import { useEffect, useRef } from 'react';
import { dismissesItself, dismissToast, INFO_TOAST_MS, markToastsSeen, toastsOn, useToasts, type Toast } from './toast-store';

/**
 * The notification area for the shown tab: its own toasts and the shell's. Errors are role=alert
 * (announced at once) and stay until dismissed; info is role=status (polite) and goes by itself after a
 * few seconds on screen, not while the pointer is on it or focus is in it (WCAG 2.2.1: time to read it).
 * Each says what failed, why, and the error and Win32 codes.
 */
export function Toasts({ tab }: { tab: string }) {
  const all = useToasts();
  const shown = toastsOn(all, tab);
  const unseen = shown.filter((t) => !t.seen);
  // On screen now, so no longer news for the tab's count.
  const unseenIds = unseen.map((t) => t.id).join(',');
  useEffect(() => {
    if (unseenIds !== '') markToastsSeen(new Set(unseenIds.split(',').map(Number)));
  }, [unseenIds]);
  return (
    <section className="toasts" aria-label="Notifications">
      {shown.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  );
}

/**
 * Dismisses `toast` after INFO_TOAST_MS on screen when it goes by itself; the time left is kept while
 * paused (hover, focus inside) and a repeat (count bumped) starts it again.
 */
function useSelfDismiss(toast: Toast) {
  const ref = useRef<HTMLDivElement>(null);
  const selfDismissing = dismissesItself(toast);
  useEffect(() => {
    const el = ref.current;
    if (!selfDismissing || !el) return undefined;
    let left = INFO_TOAST_MS;
    let startedAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hovered = false;
    let focused = false;
    const run = () => {
      if (timer !== undefined || hovered || focused) return;
      startedAt = Date.now();
      timer = setTimeout(() => dismissToast(toast.id), left);
    };
    const pause = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      left = Math.max(1000, left - (Date.now() - startedAt));
    };
    const on = (event: string, fn: () => void) => {
      el.addEventListener(event, fn);
      return () => el.removeEventListener(event, fn);
    };
    const offs = [
      on('mouseenter', () => {
        hovered = true;
        pause();
      }),
      on('mouseleave', () => {
        hovered = false;
        run();
      }),
      on('focusin', () => {
        focused = true;
        pause();
      }),
      on('focusout', () => {
        // focusout fires before focus lands on the next element inside; look once it has.
        setTimeout(() => {
          focused = el.contains(document.activeElement);
          run();
        }, 0);
      }),
    ];
    run();
    return () => {
      pause();
      for (const off of offs) off();
    };
  }, [selfDismissing, toast.id, toast.count]);
  return ref;
}

function ToastItem({ toast }: { toast: Toast }) {
  const titleId = `toast-${toast.id}-title`;
  const ref = useSelfDismiss(toast);
  return (
    <div
      ref={ref}
      className={`toast toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      data-tone={toast.tone}
    >
      <div className="toast__body">
        <p className="toast__title" id={titleId}>
          {toast.title}
          {toast.count > 1 ? <span className="toast__count"> (×{toast.count})</span> : null}
        </p>
        <p className="toast__message">{toast.message}</p>
        {toast.meta ? <p className="toast__meta">{toast.meta}</p> : null}
        {toast.action ? (
          <button
            type="button"
            className="toast__action"
            onClick={() => {
              dismissToast(toast.id);
              toast.action?.run();
            }}
          >
            {toast.action.label}
          </button>
        ) : null}
      </div>
      <button type="button" className="toast__dismiss" onClick={() => dismissToast(toast.id)} aria-label="Dismiss" aria-describedby={titleId}>
        ×
      </button>
    </div>
  );
}
