import { HostedField, NumberInput, type HostedFieldContext } from './HostedField';
import { ProbeEditor } from './ProbeEditor';

/** Readiness (before RUNNING) and liveness (while running) probes, and one attempt's timeout. */
export function HostedProbesSection({ ctx }: { ctx: HostedFieldContext }) {
  const { form, set } = ctx;
  return (
    <fieldset className="form__group">
      <legend>Probes</legend>
      <ProbeEditor ctx={ctx} which="readiness" label="Ready when" hint="RUNNING is reported only once the program runs and this answers." />
      {form.readiness.kind !== 'none' ? (
        <HostedField ctx={ctx} field="readiness.timeoutSec" label="Not ready by then counts as a crash">
          {(a) => <NumberInput aria={a} value={form.readinessTimeoutSec} onValue={(v) => set('readinessTimeoutSec', v)} unit="s" testId="hosted-form-readiness-timeout" />}
        </HostedField>
      ) : null}
      <ProbeEditor ctx={ctx} which="liveness" label="Alive while" hint="The job still having processes is always checked; this adds a check the program must pass while running." />
      {form.liveness.kind !== 'none' ? (
        <div className="form__row">
          <HostedField ctx={ctx} field="liveness.intervalSec" label="Every">
            {(a) => <NumberInput aria={a} value={form.livenessIntervalSec} onValue={(v) => set('livenessIntervalSec', v)} unit="s" testId="hosted-form-liveness-interval" />}
          </HostedField>
          <HostedField ctx={ctx} field="liveness.failuresToRestart" label="Restart after failures in a row">
            {(a) => <NumberInput aria={a} value={form.livenessFailures} onValue={(v) => set('livenessFailures', v)} testId="hosted-form-liveness-failures" />}
          </HostedField>
        </div>
      ) : null}
      {form.readiness.kind !== 'none' || form.liveness.kind !== 'none' ? (
        <HostedField ctx={ctx} field="probeTimeoutMs" label="One attempt may take">
          {(a) => <NumberInput aria={a} value={form.probeTimeoutMs} onValue={(v) => set('probeTimeoutMs', v)} unit="ms" testId="hosted-form-probe-timeout" />}
        </HostedField>
      ) : null}
    </fieldset>
  );
}
