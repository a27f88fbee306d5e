import { useId, useState, type ReactNode } from 'react';
import type { UsageWarning, UsageWarningField } from '../../src-preload/contract/limit-usage';
import { PRIORITY_CLASSES } from '../../src-preload/contract/process-fields';
import { PRIORITY_LABELS } from '../processes/process-actions';
import { FormField } from '../shared/FormField';
import { MAX_AFFINITY_PROCESSORS, problemFieldOf, type CpuRateMode, type LimitField, type LimitForm, type LimitProblems, type MemoryUnit, type TimeUnit, type UiRestriction } from './limit-form';
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
const MEMORY_UNITS: readonly MemoryUnit[] = ['MB', 'GB'];
const TIME_UNITS: readonly TimeUnit[] = ['s', 'min', 'h'];

/** The form's text fields that hold a number. */
type NumberKey = 'processMemory' | 'jobMemory' | 'activeProcesses' | 'processUserTime' | 'jobUserTime' | 'cpuHardCap' | 'cpuWeight' | 'cpuMin' | 'cpuMax' | 'schedulingClass' | 'workingSetMin' | 'workingSetMax';
/** The limits typed as a number and a unit, whose unit is the form's `<key>Unit` and whose problems sit under the same name. */
type AmountKey = 'processMemory' | 'jobMemory' | 'processUserTime' | 'jobUserTime';
/** The form's unit fields. */
type UnitKey = `${AmountKey}Unit` | 'workingSetUnit';

/**
 * The limit editor: every job limit in one grouped form, with units, ranges in the hints and problems
 * beside their fields (from formToLimits), and for a live job the limits already below what its members
 * use (limit-usage.ts). Controlled: the owner holds the form and its buttons.
 */
export function LimitEditor({
  form,
  onChange,
  problems,
  logicalProcessors,
  warnings = [],
  revealAll = false,
}: {
  form: LimitForm;
  onChange: (form: LimitForm) => void;
  problems: LimitProblems;
  logicalProcessors: number;
  /** Limits already below the members' use (a live job's Edit limits); none for a new job or a template. */
  warnings?: readonly UsageWarning[];
  /** The owner's Apply/Save/Create was tried: every problem speaks, touched or not. */
  revealAll?: boolean;
}) {
  const ids = useId();
  // A field's problems speak once the admin changed it (or on submit), not before anything is typed.
  const [touched, setTouched] = useState<ReadonlySet<LimitField>>(() => new Set());
  const set = <K extends keyof LimitForm>(key: K, value: LimitForm[K]) => {
    onChange({ ...form, [key]: value });
    const field = problemFieldOf(key);
    if (field && !touched.has(field)) setTouched(new Set(touched).add(field));
  };
  const shown = (field: LimitField): readonly string[] => (revealAll || touched.has(field) ? (problems.get(field) ?? []) : []);

  const problemList = (field: LimitField) => {
    const list = shown(field);
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
  const warningOf = (field: LimitField) => warnings.find((w) => w.field === (field as UsageWarningField));
  /** A limit already below what members use: what is over, who, and what Windows does about it. */
  const warningNote = (field: LimitField) => {
    const w = warningOf(field);
    if (!w) return null;
    return (
      <div id={`${ids}-${field}-warning`} className="limit__warning" role="note" data-testid="limit-warning" data-field={field}>
        <p className="limit__warning-text">{`Already below what the members use: ${w.text}`}</p>
        {w.members.length ? (
          <ul className="limit__warning-members">
            {w.members.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        <p className="form__hint">{w.consequence}</p>
      </div>
    );
  };
  const aria = (field: LimitField, hint?: boolean) => {
    const invalid = shown(field).length > 0;
    const describedBy = [hint ? `${ids}-${field}-hint` : '', invalid ? `${ids}-${field}-problems` : '', warningOf(field) ? `${ids}-${field}-warning` : ''].filter(Boolean).join(' ') || undefined;
    return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  };
  const hint = (field: LimitField, text: string) => (
    <p id={`${ids}-${field}-hint`} className="form__hint">
      {text}
    </p>
  );

  /** A number field: label, input and, with `unit`, a unit select beside it. An empty field means "not set", except where `required` (a CPU rate in its mode). */
  const numberField = (p: {
    key: NumberKey;
    id: string;
    label: string;
    testId: string;
    describe: ReturnType<typeof aria>;
    inputMode?: 'decimal' | 'numeric';
    required?: boolean;
    unit?: ReactNode;
  }): ReactNode => {
    const input = (
      <input
        id={`${ids}-${p.id}`}
        className="form__input form__input--number"
        inputMode={p.inputMode ?? 'decimal'}
        placeholder={p.required ? undefined : 'not set'}
        value={form[p.key]}
        onChange={(e) => set(p.key, e.currentTarget.value)}
        data-testid={p.testId}
        {...p.describe}
      />
    );
    return (
      <FormField id={`${ids}-${p.id}`} label={p.label}>
        {p.unit === undefined ? input : <div className="limit__amount">{input}{p.unit}</div>}
      </FormField>
    );
  };
  /** The unit select beside a number. */
  const unitSelect = <K extends UnitKey>(key: K, units: readonly LimitForm[K][], label: string, testId: string): ReactNode => (
    <select
      className="form__input limit__unit"
      aria-label={label}
      value={form[key]}
      onChange={(e) => set(key, e.currentTarget.value as LimitForm[K])}
      data-testid={testId}
    >
      {units.map((u) => (
        <option key={u} value={u}>
          {u}
        </option>
      ))}
    </select>
  );
  /** A limit typed as a number and a unit: its form keys, problem field and test id are all named after it. */
  const amount = <K extends AmountKey>(key: K, label: string, testId: string, units: readonly LimitForm[`${K}Unit`][], unitLabel: string): ReactNode =>
    numberField({ key, id: testId, label, testId, describe: aria(key), unit: unitSelect(`${key}Unit`, units, unitLabel, `${testId}-unit`) });
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
          {amount('processMemory', 'Per process (committed)', 'limit-process-memory', MEMORY_UNITS, 'Unit of the memory per process')}
          {amount('jobMemory', 'Whole job (committed)', 'limit-job-memory', MEMORY_UNITS, 'Unit of the memory of the job')}
        </div>
        {problemList('processMemory')}
        {warningNote('processMemory')}
        {problemList('jobMemory')}
        {warningNote('jobMemory')}
        <div className="form__row">
          {numberField({ key: 'workingSetMin', id: 'ws-min', label: 'Working set minimum', testId: 'limit-working-set-min', describe: aria('workingSet', true) })}
          {numberField({
            key: 'workingSetMax',
            id: 'ws-max',
            label: 'Working set maximum',
            testId: 'limit-working-set-max',
            describe: aria('workingSet', true),
            unit: unitSelect('workingSetUnit', MEMORY_UNITS, 'Unit of the working set', 'limit-working-set-unit'),
          })}
        </div>
        {hint('workingSet', 'Memory limits start at 1 MB. The working set takes both bounds or neither.')}
        {problemList('workingSet')}
        {warningNote('workingSet')}
      </fieldset>

      <fieldset className="form__group">
        <legend>Processes</legend>
        <div className="form__row">
          {numberField({ key: 'activeProcesses', id: 'active', label: 'Active processes at most', testId: 'limit-active-processes', describe: aria('activeProcesses'), inputMode: 'numeric' })}
          <FormField id={`${ids}-priority`} label="Priority class">
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
          </FormField>
          {numberField({ key: 'schedulingClass', id: 'sched', label: 'Scheduling class (0-9)', testId: 'limit-scheduling-class', describe: aria('schedulingClass', true), inputMode: 'numeric' })}
        </div>
        {hint('schedulingClass', 'Scheduling class: 5 is the default; above 5 needs SeIncreaseBasePriorityPrivilege. Active processes: 1 to 1,000,000.')}
        {problemList('activeProcesses')}
        {warningNote('activeProcesses')}
        {problemList('schedulingClass')}
      </fieldset>

      <fieldset className="form__group">
        <legend>CPU</legend>
        <div className="form__row">
          {amount('processUserTime', 'User CPU time per process', 'limit-process-time', TIME_UNITS, 'Unit of the user CPU time per process')}
          {amount('jobUserTime', 'User CPU time of the job', 'limit-job-time', TIME_UNITS, 'Unit of the user CPU time of the job')}
        </div>
        {problemList('processUserTime')}
        {warningNote('processUserTime')}
        {problemList('jobUserTime')}
        <div className="form__row">
          <FormField id={`${ids}-rate`} label="CPU rate">
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
          </FormField>
          {form.cpuRateMode === 'hardCap' ? percentInput('cpuHardCap', 'Hard cap %', 'limit-cpu-hard-cap') : null}
          {form.cpuRateMode === 'weight' ? percentInput('cpuWeight', 'Weight (1-9)', 'limit-cpu-weight') : null}
          {form.cpuRateMode === 'minMax' ? percentInput('cpuMin', 'Minimum %', 'limit-cpu-min') : null}
          {form.cpuRateMode === 'minMax' ? percentInput('cpuMax', 'Maximum %', 'limit-cpu-max') : null}
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

  /** A CPU rate number: required in its mode, so no "not set" placeholder. */
  function percentInput(key: 'cpuHardCap' | 'cpuWeight' | 'cpuMin' | 'cpuMax', label: string, testId: string) {
    return numberField({ key, id: testId, label, testId, describe: aria('cpuRate'), required: true });
  }
}
