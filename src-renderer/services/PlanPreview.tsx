import type { PlanState } from './plan-scheduler';

/**
 * What Apply would do, as main computed it: the changes (before -> after; for an edit only what
 * differs) and the equivalent sc.exe command lines (passwords as ********), copyable.
 */
export function PlanPreview({ state, mode, onCopy }: { state: PlanState; mode: 'install' | 'edit'; onCopy: (text: string, what: string) => void }) {
  return (
    <section className="plan" aria-label="What Apply will do" aria-busy={state.status === 'waiting'} data-testid="service-plan" data-status={state.status}>
      <h3 className="details__heading">What Apply will do</h3>
      {state.status === 'idle' ? <p className="status-line">Fill in the form to see the changes and the sc.exe commands.</p> : null}
      {state.status === 'waiting' ? <p className="status-line">Working out the changes…</p> : null}
      {state.status === 'failed' ? (
        <p className="status-line status-line--error" role="alert">{`Could not work out the changes: ${state.error.message}`}</p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          {state.plan.changes.length === 0 ? (
            <p className="status-line" data-testid="service-plan-no-changes">
              {mode === 'edit' ? 'Nothing differs from the current configuration.' : 'No settings.'}
            </p>
          ) : (
            <table className="plan__changes" data-testid="service-plan-changes">
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  {mode === 'edit' ? <th scope="col">Now</th> : null}
                  <th scope="col">{mode === 'edit' ? 'After' : 'Value'}</th>
                </tr>
              </thead>
              <tbody>
                {state.plan.changes.map((c) => (
                  <tr key={c.field} data-field={c.field}>
                    <th scope="row">{c.label}</th>
                    {mode === 'edit' ? <td className="plan__before">{c.before}</td> : null}
                    <td>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="plan__commands-head">
            <h4 className="details__heading">Equivalent sc.exe commands</h4>
            <button type="button" disabled={state.plan.commands.length === 0} onClick={() => onCopy(state.plan.commands.join('\r\n'), 'the sc.exe commands')} data-testid="service-plan-copy">
              Copy commands
            </button>
          </div>
          <pre className="plan__commands" data-testid="service-plan-commands">
            {state.plan.commands.map((line, i) => (
              <code key={i} className="plan__command">
                {line}
              </code>
            ))}
          </pre>
        </>
      ) : null}
    </section>
  );
}
