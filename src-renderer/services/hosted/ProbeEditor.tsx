import type { ProbeForm, ProbeKind } from './hosted-form';
import { fieldId, HostedField, type HostedFieldContext } from './HostedField';

/** What a probe checks, in the admin's words. */
export const PROBE_KIND_LABELS: { readonly [K in ProbeKind]: string } = {
  none: 'Nothing more',
  tcp: 'A TCP port on 127.0.0.1 accepts a connection',
  http: 'An HTTP GET on 127.0.0.1 answers a status',
  heartbeat: 'A file the program touches is fresh',
};

/** One probe (readiness or liveness): its kind and the fields that kind needs. */
export function ProbeEditor({ ctx, which, label, hint }: { ctx: HostedFieldContext; which: 'readiness' | 'liveness'; label: string; hint: string }) {
  const probe = ctx.form[which];
  const set = (over: Partial<ProbeForm>) => ctx.set(which, { ...probe, ...over });
  const id = fieldId(ctx.ids, `${which}.probe`);
  const t = (part: string) => `hosted-form-${which}-${part}`;
  return (
    <HostedField ctx={ctx} field={`${which}.probe`} label={label} hint={hint} group>
      {(a) => (
        <div className="form__row" data-testid={`hosted-form-${which}`} data-kind={probe.kind}>
          <select aria-label={`${label}: kind`} aria-describedby={a['aria-describedby']} value={probe.kind} onChange={(e) => set({ kind: e.currentTarget.value as ProbeKind })} data-testid={t('kind')}>
            {(Object.keys(PROBE_KIND_LABELS) as ProbeKind[]).map((k) => (
              <option key={k} value={k}>
                {PROBE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          {probe.kind === 'tcp' || probe.kind === 'http' ? (
            <input id={`${id}-port`} aria-label="Port" aria-invalid={a['aria-invalid']} className="form__input form__input--number" inputMode="numeric" placeholder="port" value={probe.port} onChange={(e) => set({ port: e.currentTarget.value })} data-testid={t('port')} />
          ) : null}
          {probe.kind === 'http' ? (
            <>
              <input aria-label="Path" className="form__input form__input--mono" value={probe.path} onChange={(e) => set({ path: e.currentTarget.value })} data-testid={t('path')} />
              <input aria-label="Expected status" className="form__input form__input--number" inputMode="numeric" value={probe.expectStatus} onChange={(e) => set({ expectStatus: e.currentTarget.value })} data-testid={t('status')} />
            </>
          ) : null}
          {probe.kind === 'heartbeat' ? (
            <>
              <input aria-label="Heartbeat file" className="form__input form__input--mono" placeholder="C:\ProgramData\App\heartbeat" value={probe.file} spellCheck={false} onChange={(e) => set({ file: e.currentTarget.value })} data-testid={t('file')} />
              <input aria-label="Fresher than, in seconds" className="form__input form__input--number" inputMode="numeric" value={probe.maxAgeSec} onChange={(e) => set({ maxAgeSec: e.currentTarget.value })} data-testid={t('max-age')} />
            </>
          ) : null}
        </div>
      )}
    </HostedField>
  );
}
