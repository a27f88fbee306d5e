import type { HostedPlanValue } from '../../../src-preload/contract/hosted-schemas';
import type { PlanState } from '../plan-scheduler';

/**
 * What Apply would do, as main computed it: the changes, what goes to the SCM (sc.exe lines) and what goes
 * to the registry (one reg line per value), each line whole and copyable, and where the output will be.
 */
export function HostedPlanPreview({ state, mode, onCopy }: { state: PlanState<HostedPlanValue>; mode: 'install' | 'edit'; onCopy: (text: string, what: string) => void }) {
  return (
    <section className="plan" aria-label="What Apply will do" aria-busy={state.status === 'waiting'} data-testid="hosted-plan" data-status={state.status}>
      <h3 className="details__heading">What Apply will do</h3>
      {state.status === 'idle' ? <p className="status-line">Fill in the form to see the changes, the sc.exe commands and the registry values.</p> : null}
      {state.status === 'waiting' ? <p className="status-line">Working out the changes…</p> : null}
      {state.status === 'failed' ? <p className="status-line status-line--error" role="alert">{`Could not work out the changes: ${state.error.message}`}</p> : null}
      {state.status === 'ready' ? <ReadyPlan plan={state.plan} mode={mode} onCopy={onCopy} /> : null}
    </section>
  );
}

function Lines({ title, lines, what, testId, onCopy }: { title: string; lines: readonly string[]; what: string; testId: string; onCopy: (text: string, what: string) => void }) {
  return (
    <>
      <div className="plan__commands-head">
        <h4 className="details__heading">{title}</h4>
        <button type="button" disabled={lines.length === 0} onClick={() => onCopy(lines.join('\r\n'), what)} data-testid={`${testId}-copy`}>
          Copy
        </button>
      </div>
      <pre className="plan__commands" data-testid={testId}>
        {lines.length === 0 ? <code className="plan__command">(none)</code> : null}
        {lines.map((line, i) => (
          <code key={i} className="plan__command plan__command--whole">
            {line}
          </code>
        ))}
      </pre>
    </>
  );
}

function ReadyPlan({ plan, mode, onCopy }: { plan: HostedPlanValue; mode: 'install' | 'edit'; onCopy: (text: string, what: string) => void }) {
  return (
    <>
      {plan.changes.length === 0 ? (
        <p className="status-line" data-testid="hosted-plan-no-changes">
          {mode === 'edit' ? 'Nothing differs from the current configuration.' : 'No settings.'}
        </p>
      ) : (
        <table className="plan__changes" data-testid="hosted-plan-changes">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              {mode === 'edit' ? <th scope="col">Now</th> : null}
              <th scope="col">{mode === 'edit' ? 'After' : 'Value'}</th>
            </tr>
          </thead>
          <tbody>
            {plan.changes.map((c) => (
              <tr key={c.field} data-field={c.field}>
                <th scope="row">{c.label}</th>
                {mode === 'edit' ? <td className="plan__before">{c.before}</td> : null}
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="form__hint" data-testid="hosted-plan-schedule">{`Restarts: ${plan.schedule.text}`}</p>
      {plan.notes.length > 0 ? (
        <ul className="svc-list form__hint" data-testid="hosted-plan-notes">
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <Lines title="To the SCM (equivalent sc.exe commands)" lines={plan.commands} what="the sc.exe commands" testId="hosted-plan-commands" onCopy={onCopy} />
      <Lines title="To the registry (Services\NAME\Parameters)" lines={plan.registry} what="the registry lines" testId="hosted-plan-registry" onCopy={onCopy} />
      <dl className="details__fields">
        <div>
          <dt>The SCM runs</dt>
          <dd className="form__input--mono" data-testid="hosted-plan-binary">
            {plan.binaryPath}
          </dd>
        </div>
        <div>
          <dt>Output goes to</dt>
          <dd className="form__input--mono" data-testid="hosted-plan-log-folder">
            {plan.logFolder}
          </dd>
        </div>
      </dl>
    </>
  );
}
