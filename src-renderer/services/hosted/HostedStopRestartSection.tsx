import { restartPolicyOf, type StopMethod } from './hosted-form';
import { HostedField, NumberInput, type HostedFieldContext } from './HostedField';
import { RestartSchedulePreview } from './RestartSchedulePreview';

/** The stop steps in the admin's words, in the order the host tries them. */
export const STOP_METHOD_LABELS: { readonly [M in StopMethod]: string } = {
  ctrlC: 'Ctrl+C (through a console attached to the program’s)',
  ctrlBreak: 'Ctrl+Break',
  closeWindows: 'WM_CLOSE to the program’s windows',
};

/** How the program is stopped (steps and one budget) and restarted (backoff, window, exit codes), with the schedule. */
export function HostedStopRestartSection({ ctx }: { ctx: HostedFieldContext }) {
  const { form, set } = ctx;
  const toggle = (m: StopMethod, on: boolean) => set('stopMethods', on ? [...form.stopMethods, m] : form.stopMethods.filter((x) => x !== m));
  return (
    <>
      <fieldset className="form__group">
        <legend>Stop</legend>
        <HostedField ctx={ctx} field="stop.methods" label="Ask the program to stop with" hint="In this order, then the whole job (every process of the program) is ended." group>
          {() => (
            <div className="hosted__checks">
              {(Object.keys(STOP_METHOD_LABELS) as StopMethod[]).map((m) => (
                <label key={m} className="limit__check">
                  <input type="checkbox" checked={form.stopMethods.includes(m)} onChange={(e) => toggle(m, e.currentTarget.checked)} data-testid={`hosted-form-stop-${m}`} />
                  {STOP_METHOD_LABELS[m]}
                </label>
              ))}
            </div>
          )}
        </HostedField>
        <HostedField ctx={ctx} field="stop.budgetMs" label="Stop budget" hint="The whole stop, every step included; never exceeded.">
          {(a) => <NumberInput aria={a} value={form.stopBudgetSec} onValue={(v) => set('stopBudgetSec', v)} unit="s" testId="hosted-form-stop-budget" />}
        </HostedField>
      </fieldset>

      <fieldset className="form__group">
        <legend>Restart when the program exits</legend>
        <div className="form__row">
          <HostedField ctx={ctx} field="restart.baseMs" label="First delay">
            {(a) => <NumberInput aria={a} value={form.restartBaseSec} onValue={(v) => set('restartBaseSec', v)} unit="s" testId="hosted-form-restart-base" />}
          </HostedField>
          <HostedField ctx={ctx} field="restart.factorPercent" label="Then times">
            {(a) => <NumberInput aria={a} value={form.restartFactor} onValue={(v) => set('restartFactor', v)} unit="×" testId="hosted-form-restart-factor" />}
          </HostedField>
          <HostedField ctx={ctx} field="restart.capMs" label="Longest delay">
            {(a) => <NumberInput aria={a} value={form.restartCapSec} onValue={(v) => set('restartCapSec', v)} unit="s" testId="hosted-form-restart-cap" />}
          </HostedField>
          <HostedField ctx={ctx} field="restart.jitterPercent" label="Jitter">
            {(a) => <NumberInput aria={a} value={form.restartJitterPercent} onValue={(v) => set('restartJitterPercent', v)} unit="±%" testId="hosted-form-restart-jitter" />}
          </HostedField>
        </div>
        <div className="form__row">
          <HostedField ctx={ctx} field="restart.maxCount" label="Give up after restarts">
            {(a) => <NumberInput aria={a} value={form.restartMaxCount} onValue={(v) => set('restartMaxCount', v)} testId="hosted-form-restart-max" />}
          </HostedField>
          <HostedField ctx={ctx} field="restart.windowSec" label="Within">
            {(a) => <NumberInput aria={a} value={form.restartWindowSec} onValue={(v) => set('restartWindowSec', v)} unit="s" testId="hosted-form-restart-window" />}
          </HostedField>
          <HostedField ctx={ctx} field="restart.resetSec" label="Count starts over after running">
            {(a) => <NumberInput aria={a} value={form.restartResetSec} onValue={(v) => set('restartResetSec', v)} unit="s" testId="hosted-form-restart-reset" />}
          </HostedField>
        </div>
        <RestartSchedulePreview policy={restartPolicyOf(form)} />
        <div className="form__row">
          <HostedField ctx={ctx} field="restart.exitCodesNoRestart" label="Exit codes that end the service quietly" hint="The program ended on purpose: no restart, no error.">
            {(a) => (
              <input {...a} className="form__input form__input--mono" value={form.exitCodesNoRestart} placeholder="0" onChange={(e) => set('exitCodesNoRestart', e.currentTarget.value)} data-testid="hosted-form-codes-no-restart" />
            )}
          </HostedField>
          <HostedField ctx={ctx} field="restart.exitCodesStopService" label="Exit codes that stop the service with an error" hint="Windows’ own recovery actions then take over.">
            {(a) => (
              <input {...a} className="form__input form__input--mono" value={form.exitCodesStopService} placeholder="3, 0xC0000005" onChange={(e) => set('exitCodesStopService', e.currentTarget.value)} data-testid="hosted-form-codes-stop" />
            )}
          </HostedField>
        </div>
      </fieldset>
    </>
  );
}
