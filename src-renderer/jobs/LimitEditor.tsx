import { useId, type ReactNode } from 'react';
import { PRIORITY_CLASSES } from '../../src-preload/contract/process-fields';
import { PRIORITY_LABELS } from '../processes/process-actions';
import { MAX_AFFINITY_PROCESSORS, type CpuRateMode, type LimitField, type LimitForm, type LimitProblems, type MemoryUnit, type TimeUnit, type UiRestriction } from './limit-form';
import { UI_RESTRICTION_LABELS } from './limit-text';

const UI_RESTRICTIONS = Object.keys(UI_RESTRICTION_LABELS) as UiRestriction[];
const CPU_MODE_LABELS: { readonly [M in CpuRateMode]: string } = {
  none: 'No CPU rate limit',
  hardCap: 'Hard cap (% of the machine)',
  weight: 'Weight (1-9, relative to other jobs)',
  minMax: 'Minimum and maximum %',
};
const UI_TEST_IDS: { readonly [U in UiRestriction]: string } = {
  handles: 'limit-ui-handles',
  readClipboard: 'limit-ui-read-clipboard',
  writeClipboard: 'limit-ui-write-clipboard',
  systemParameters: 'limit-ui-system-parameters',
  displaySettings: 'limit-ui-display-settings',
  globalAtoms: 'limit-ui-global-atoms',
  desktop: 'limit-ui-desktop',
  exitWindows: 'limit-ui-exit-windows',
};

/**
 * The limit editor: every job limit in one grouped form, with units, ranges in the hints and problems
 * beside their fields (from formToLimits). Controlled: the owner holds the form and its buttons.
 */
export function LimitEditor({
  form,
  onChange,
  problems,
  logicalProcessors,
}: {
  form: LimitForm;
  onChange: (form: LimitForm) => void;
  problems: LimitProblems;
  logicalProcessors: number;
}) {
  const ids = useId();
  const set = <K extends keyof LimitForm>(key: K, value: LimitForm[K]) => onChange({ ...form, [key]: value });

  const problemList = (field: LimitField) => {
    const list = problems.get(field) ?? [];
    if (list.length === 0) return null;
    return (
      <ul id={`${ids}-${field}-problems`} className="form__problems">
        {list.map((m) => (
          <li key={m} className="form__problem" data-testid="limit-problem" data-field={field}>
            {m}
          </li>
        ))}
      </ul>
    );
  };
  const aria = (field: LimitField, hint?: boolean) => {
    const invalid = (problems.get(field)?.length ?? 0) > 0;
    const describedBy = [hint ? `${ids}-${field}-hint` : '', invalid ? `${ids}-${field}-problems` : ''].filter(Boolean).join(' ') || undefined;
    return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  };
  const hint = (field: LimitField, text: string) => (
    <p id={`${ids}-${field}-hint`} className="form__hint">
      {text}
    </p>
  );

  /** A number with a unit select beside it. */
  const amount = <U extends string>(p: {
    field: LimitField;
    label: string;
    value: string;
    onValue: (v: string) => void;
    unit: U;
    units: readonly U[];
    onUnit: (u: U) => void;
    testId: string;
    unitLabel: string;
  }): ReactNode => (
    <div className="form__field">
      <label htmlFor={`${ids}-${p.testId}`} className="form__label">
        {p.label}
      </label>
      <div className="limit__amount">
        <input
          id={`${ids}-${p.testId}`}
          className="form__input form__input--number"
          inputMode="decimal"
          placeholder="not set"
          value={p.value}
          onChange={(e) => p.onValue(e.currentTarget.value)}
          data-testid={p.testId}
          {...aria(p.field)}
        />
        <select
          className="form__input limit__unit"
          aria-label={p.unitLabel}
          value={p.unit}
          onChange={(e) => p.onUnit(e.currentTarget.value as U)}
          data-testid={`${p.testId}-unit`}
        >
          {p.units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
  const MEMORY_UNITS: readonly MemoryUnit[] = ['MB', 'GB'];
  const TIME_UNITS: readonly TimeUnit[] = ['s', 'min', 'h'];
  const available = Math.min(logicalProcessors, MAX_AFFINITY_PROCESSORS);
  const cpus = Array.from({ length: available }, (_, i) => i);
  const picked = new Set(form.affinity);
  const check = (key: 'killOnJobClose' | 'dieOnUnhandledException' | 'breakawayOk' | 'silentBreakawayOk', label: string, testId: string, note: string) => (
    <label className="limit__check">
      <input type="checkbox" checked={form[key]} onChange={(e) => set(key, e.currentTarget.checked)} data-testid={testId} />
      <span>
        {label}
        <span className="form__hint limit__check-note">{note}</span>
      </span>
    </label>
  );

  return (
    <div className="limit-editor" data-testid="limit-editor">
      <fieldset className="form__group">
        <legend>Memory</legend>
        <div className="form__row">
          {amount({
            field: 'processMemory',
            label: 'Per process (committed)',
            value: form.processMemory,
            onValue: (v) => set('processMemory', v),
            unit: form.processMemoryUnit,
            units: MEMORY_UNITS,
            onUnit: (u) => set('processMemoryUnit', u),
            testId: 'limit-process-memory',
            unitLabel: 'Unit of the memory per process',
          })}
          {amount({
            field: 'jobMemory',
            label: 'Whole job (committed)',
            value: form.jobMemory,
            onValue: (v) => set('jobMemory', v),
            unit: form.jobMemoryUnit,
            units: MEMORY_UNITS,
            onUnit: (u) => set('jobMemoryUnit', u),
            testId: 'limit-job-memory',
            unitLabel: 'Unit of the memory of the job',
          })}
        </div>
        {problemList('processMemory')}
        {problemList('jobMemory')}
        <div className="form__row">
          <div className="form__field">
            <label htmlFor={`${ids}-ws-min`} className="form__label">
              Working set minimum
            </label>
            <input
              id={`${ids}-ws-min`}
              className="form__input form__input--number"
              inputMode="decimal"
              placeholder="not set"
              value={form.workingSetMin}
              onChange={(e) => set('workingSetMin', e.currentTarget.value)}
              data-testid="limit-working-set-min"
              {...aria('workingSet', true)}
            />
          </div>
          <div className="form__field">
            <label htmlFor={`${ids}-ws-max`} className="form__label">
              Working set maximum
            </label>
            <div className="limit__amount">
              <input
                id={`${ids}-ws-max`}
                className="form__input form__input--number"
                inputMode="decimal"
                placeholder="not set"
                value={form.workingSetMax}
                onChange={(e) => set('workingSetMax', e.currentTarget.value)}
                data-testid="limit-working-set-max"
                {...aria('workingSet', true)}
              />
              <select
                className="form__input limit__unit"
                aria-label="Unit of the working set"
                value={form.workingSetUnit}
                onChange={(e) => set('workingSetUnit', e.currentTarget.value as MemoryUnit)}
                data-testid="limit-working-set-unit"
              >
                {MEMORY_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        {hint('workingSet', 'Memory limits start at 1 MB. The working set takes both bounds or neither.')}
        {problemList('workingSet')}
      </fieldset>

      <fieldset className="form__group">
        <legend>Processes</legend>
        <div className="form__row">
          <div className="form__field">
            <label htmlFor={`${ids}-active`} className="form__label">
              Active processes at most
            </label>
            <input
              id={`${ids}-active`}
              className="form__input form__input--number"
              inputMode="numeric"
              placeholder="not set"
              value={form.activeProcesses}
              onChange={(e) => set('activeProcesses', e.currentTarget.value)}
              data-testid="limit-active-processes"
              {...aria('activeProcesses')}
            />
          </div>
          <div className="form__field">
            <label htmlFor={`${ids}-priority`} className="form__label">
              Priority class
            </label>
            <select
              id={`${ids}-priority`}
              className="form__input"
              value={form.priorityClass}
              onChange={(e) => set('priorityClass', e.currentTarget.value as LimitForm['priorityClass'])}
              data-testid="limit-priority"
            >
              <option value="">Not set</option>
              {PRIORITY_CLASSES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={`${ids}-sched`} className="form__label">
              Scheduling class (0-9)
            </label>
            <input
              id={`${ids}-sched`}
              className="form__input form__input--number"
              inputMode="numeric"
              placeholder="not set"
              value={form.schedulingClass}
              onChange={(e) => set('schedulingClass', e.currentTarget.value)}
              data-testid="limit-scheduling-class"
              {...aria('schedulingClass', true)}
            />
          </div>
        </div>
        {hint('schedulingClass', 'Scheduling class: 5 is the default; above 5 needs SeIncreaseBasePriorityPrivilege. Active processes: 1 to 1,000,000.')}
        {problemList('activeProcesses')}
        {problemList('schedulingClass')}
      </fieldset>

      <fieldset className="form__group">
        <legend>CPU</legend>
        <div className="form__row">
          {amount({
            field: 'processUserTime',
            label: 'User CPU time per process',
            value: form.processUserTime,
            onValue: (v) => set('processUserTime', v),
            unit: form.processUserTimeUnit,
            units: TIME_UNITS,
            onUnit: (u) => set('processUserTimeUnit', u),
            testId: 'limit-process-time',
            unitLabel: 'Unit of the user CPU time per process',
          })}
          {amount({
            field: 'jobUserTime',
            label: 'User CPU time of the job',
            value: form.jobUserTime,
            onValue: (v) => set('jobUserTime', v),
            unit: form.jobUserTimeUnit,
            units: TIME_UNITS,
            onUnit: (u) => set('jobUserTimeUnit', u),
            testId: 'limit-job-time',
            unitLabel: 'Unit of the user CPU time of the job',
          })}
        </div>
        {problemList('processUserTime')}
        {problemList('jobUserTime')}
        <div className="form__row">
          <div className="form__field">
            <label htmlFor={`${ids}-rate`} className="form__label">
              CPU rate
            </label>
            <select
              id={`${ids}-rate`}
              className="form__input"
              value={form.cpuRateMode}
              onChange={(e) => set('cpuRateMode', e.currentTarget.value as CpuRateMode)}
              data-testid="limit-cpu-mode"
              {...aria('cpuRate', true)}
            >
              {(Object.keys(CPU_MODE_LABELS) as CpuRateMode[]).map((m) => (
                <option key={m} value={m}>
                  {CPU_MODE_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
          {form.cpuRateMode === 'hardCap' ? percentInput('Hard cap %', form.cpuHardCap, (v) => set('cpuHardCap', v), 'limit-cpu-hard-cap') : null}
          {form.cpuRateMode === 'weight' ? percentInput('Weight (1-9)', form.cpuWeight, (v) => set('cpuWeight', v), 'limit-cpu-weight') : null}
          {form.cpuRateMode === 'minMax' ? percentInput('Minimum %', form.cpuMin, (v) => set('cpuMin', v), 'limit-cpu-min') : null}
          {form.cpuRateMode === 'minMax' ? percentInput('Maximum %', form.cpuMax, (v) => set('cpuMax', v), 'limit-cpu-max') : null}
        </div>
        {hint('cpuRate', 'CPU rates need Windows 8 or later and fail while Dynamic Fair Share Scheduling is on (Remote Desktop Session Hosts). Percent of the whole machine, in hundredths.')}
        {problemList('cpuRate')}
        <div className="form__field" role="group" aria-labelledby={`${ids}-affinity-label`} {...aria('affinity')}>
          <label className="limit__check" id={`${ids}-affinity-label`}>
            <input type="checkbox" checked={form.affinityOn} onChange={(e) => set('affinityOn', e.currentTarget.checked)} data-testid="limit-affinity-on" />
            Limit to these logical processors
          </label>
          <div className="affinity__grid" data-testid="limit-affinity">
            {cpus.map((cpu) => (
              <label key={cpu} className="affinity__cpu">
                <input
                  type="checkbox"
                  disabled={!form.affinityOn}
                  checked={picked.has(cpu)}
                  onChange={(e) => set('affinity', e.currentTarget.checked ? [...form.affinity, cpu].sort((a, b) => a - b) : form.affinity.filter((c) => c !== cpu))}
                  data-testid="limit-affinity-cpu"
                  data-cpu={cpu}
                />
                {`CPU ${cpu}`}
              </label>
            ))}
          </div>
          {logicalProcessors > MAX_AFFINITY_PROCESSORS ? <p className="form__hint">Only the first processor group (CPU 0-63) can be set on a job here.</p> : null}
          {problemList('affinity')}
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>Behaviour</legend>
        {check('killOnJobClose', 'Kill on job close', 'limit-kill-on-close', 'Every member ends when the last handle to the job closes (the console closing it included): no orphans.')}
        {check('dieOnUnhandledException', 'Die on unhandled exception', 'limit-die-on-exception', 'No Windows Error Reporting dialog holding a crashed member open.')}
        {check('breakawayOk', 'Breakaway allowed', 'limit-breakaway', 'A member may start a child outside the job with CREATE_BREAKAWAY_FROM_JOB.')}
        {check('silentBreakawayOk', 'Silent breakaway', 'limit-silent-breakaway', 'Every child a member starts is outside the job, asked or not.')}
      </fieldset>

      <fieldset className="form__group">
        <legend>UI restrictions (members may not…)</legend>
        <div className="limit__ui">
          {UI_RESTRICTIONS.map((u) => (
            <label key={u} className="limit__check">
              <input
                type="checkbox"
                checked={form.uiRestrictions.includes(u)}
                onChange={(e) => set('uiRestrictions', e.currentTarget.checked ? [...form.uiRestrictions, u] : form.uiRestrictions.filter((x) => x !== u))}
                data-testid={UI_TEST_IDS[u]}
              />
              {UI_RESTRICTION_LABELS[u]}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );

  function percentInput(label: string, value: string, onValue: (v: string) => void, testId: string) {
    return (
      <div className="form__field">
        <label htmlFor={`${ids}-${testId}`} className="form__label">
          {label}
        </label>
        <input
          id={`${ids}-${testId}`}
          className="form__input form__input--number"
          inputMode="decimal"
          value={value}
          onChange={(e) => onValue(e.currentTarget.value)}
          data-testid={testId}
          {...aria('cpuRate')}
        />
      </div>
    );
  }
}
