import { dismissToast, useToasts, type Toast } from './toast-store';

/**
 * The notification area. Errors are role=alert (announced at once) and stay until dismissed; info is
 * role=status (polite). Each says what failed, why, and the error and Win32 codes.
 */
export function Toasts() {
  const toasts = useToasts();
  return (
    <section className="toasts" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const titleId = `toast-${toast.id}-title`;
  return (
    <div
      className={`toast toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
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
