import { useId } from 'react';
import { RESET_UNIT_SECONDS, type RecoveryType, type ResetUnit, type ServiceForm } from './service-form';

const RECOVERY_LABELS: { readonly [R in RecoveryType]: string } = {
  none: 'Take no action',
  restart: 'Restart the service',
  runCommand: 'Run a program',
  reboot: 'Restart the computer',
};

const RESET_UNITS = Object.keys(RESET_UNIT_SECONDS) as ResetUnit[];

/**
 * The recovery part of the service form (SERVICE_FAILURE_ACTIONS): any number of actions (type + delay
 * in seconds; the SCM repeats the last for later failures), the reset period or "never", the program a
 * "run a program" action runs, the reboot message, and "enable actions for stops with errors".
 */
export function RecoveryEditor({ form, onChange }: { form: ServiceForm; onChange: <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) => void }) {
  const id = useId();
  const set = onChange;
  return (
    <div>
      {form.recovery.length === 0 ? <p className="status-line">No actions: Windows does nothing when the service fails.</p> : null}
      <ol className="recovery">
        {form.recovery.map((row, i) => (
          <li key={i} className="recovery__row">
            <select
              aria-label={`Action ${i + 1}`}
              value={row.type}
              onChange={(e) => set('recovery', form.recovery.map((r, j) => (j === i ? { ...r, type: e.currentTarget.value as RecoveryType } : r)))}
              data-testid="service-form-recovery-type"
              data-index={i}
            >
              {Object.entries(RECOVERY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <label className="recovery__delay">
              after
              <input
                type="number"
                min={0}
                max={7 * 86_400}
                step={1}
                className="form__input form__input--number"
                value={row.delaySeconds}
                aria-label={`Delay of action ${i + 1}, seconds`}
                onChange={(e) => set('recovery', form.recovery.map((r, j) => (j === i ? { ...r, delaySeconds: e.currentTarget.value } : r)))}
                data-testid="service-form-recovery-delay"
                data-index={i}
              />
              s
            </label>
            <button
              type="button"
              aria-label={`Remove action ${i + 1}`}
              onClick={() => set('recovery', form.recovery.filter((_, j) => j !== i))}
              data-testid="service-form-recovery-remove"
              data-index={i}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        disabled={form.recovery.length >= 16}
        onClick={() => set('recovery', [...form.recovery, { type: 'restart', delaySeconds: '60' }])}
        data-testid="service-form-recovery-add"
      >
        Add action
      </button>
      <div className="form__row recovery__reset">
        <label>
          <input type="checkbox" checked={form.resetNever} onChange={(e) => set('resetNever', e.currentTarget.checked)} data-testid="service-form-reset-never" />
          Never reset the failure count
        </label>
        {form.resetNever ? null : (
          <span className="recovery__reset-period">
            <label htmlFor={`${id}-reset`}>Reset the failure count after</label>
            <input
              id={`${id}-reset`}
              type="number"
              min={0}
              step={1}
              className="form__input form__input--number"
              value={form.resetAmount}
              onChange={(e) => set('resetAmount', e.currentTarget.value)}
              data-testid="service-form-reset-amount"
            />
            <select aria-label="Reset period unit" value={form.resetUnit} onChange={(e) => set('resetUnit', e.currentTarget.value as ResetUnit)} data-testid="service-form-reset-unit">
              {RESET_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-command`} className="form__label">
          Program to run (for &quot;Run a program&quot;)
        </label>
        <input
          id={`${id}-command`}
          className="form__input form__input--mono"
          value={form.recoveryCommand}
          spellCheck={false}
          onChange={(e) => set('recoveryCommand', e.currentTarget.value)}
          data-testid="service-form-recovery-command"
        />
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-reboot`} className="form__label">
          Message before a restart of the computer
        </label>
        <input id={`${id}-reboot`} className="form__input" value={form.rebootMessage} onChange={(e) => set('rebootMessage', e.currentTarget.value)} data-testid="service-form-reboot-message" />
      </div>
      <label>
        <input type="checkbox" checked={form.onNonCrashFailures} onChange={(e) => set('onNonCrashFailures', e.currentTarget.checked)} data-testid="service-form-non-crash" />
        Enable actions for stops with errors
      </label>
    </div>
  );
}
