import { ERROR_CONTROL_LABELS, STARTUP_LABELS } from '../service-columns';
import type { HostedAccountKind, HostedForm, HostedFormMode } from './hosted-form';
import { HostedField, type HostedFieldContext } from './HostedField';

/** The accounts a hosted program can run as; the virtual account needs no password and has its own SID. */
export const HOSTED_ACCOUNT_LABELS: { readonly [A in HostedAccountKind]: string } = {
  virtual: 'Its own virtual account (NT SERVICE\\name)',
  localSystem: 'LocalSystem',
  localService: 'LocalService',
  networkService: 'NetworkService',
  user: 'A user (with password)',
  gmsa: 'A group managed service account (gMSA)',
};

/**
 * The service's name, the program with its arguments, working folder and environment, the account it runs
 * as and how it starts: the first part of "Run a program as a service".
 */
export function HostedProgramSection({ ctx, mode, firstRef }: { ctx: HostedFieldContext; mode: HostedFormMode; firstRef: React.Ref<HTMLInputElement> }) {
  const { form, set } = ctx;
  const editing = mode.kind === 'edit';
  const name = editing ? mode.name : form.name.trim();
  return (
    <>
      <fieldset className="form__group">
        <legend>Service</legend>
        <HostedField ctx={ctx} field="name" label="Service name" hint={editing ? 'A service cannot be renamed.' : 'The SCM key: up to 256 characters, no / or \\.'}>
          {(a) => (
            <input
              {...a}
              ref={editing ? undefined : firstRef}
              className="form__input"
              value={editing ? mode.name : form.name}
              readOnly={editing}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set('name', e.currentTarget.value)}
              data-testid="hosted-form-name"
            />
          )}
        </HostedField>
        <HostedField ctx={ctx} field="displayName" label="Display name">
          {(a) => (
            <input
              {...a}
              ref={editing ? firstRef : undefined}
              className="form__input"
              value={form.displayName}
              placeholder={name || 'Same as the service name'}
              onChange={(e) => set('displayName', e.currentTarget.value)}
              data-testid="hosted-form-display-name"
            />
          )}
        </HostedField>
        <HostedField ctx={ctx} field="description" label="Description">
          {(a) => <textarea {...a} className="form__input" rows={2} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} data-testid="hosted-form-description" />}
        </HostedField>
      </fieldset>

      <fieldset className="form__group">
        <legend>Program</legend>
        <HostedField ctx={ctx} field="program" label="Program" hint="Its full path: an .exe, or a .bat or .cmd (run through cmd.exe). Without quotes.">
          {(a) => (
            <input
              {...a}
              className="form__input form__input--mono"
              value={form.program}
              placeholder="C:\Program Files\nodejs\node.exe"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set('program', e.currentTarget.value)}
              data-testid="hosted-form-program"
            />
          )}
        </HostedField>
        <HostedField ctx={ctx} field="arguments" label="Arguments" hint="One argument per line, spaces included: the host quotes each one.">
          {(a) => (
            <textarea {...a} className="form__input form__input--mono" rows={3} value={form.argumentsText} spellCheck={false} onChange={(e) => set('argumentsText', e.currentTarget.value)} data-testid="hosted-form-arguments" />
          )}
        </HostedField>
        <HostedField ctx={ctx} field="workingFolder" label="Working folder" hint="Blank: the program’s own folder.">
          {(a) => (
            <input
              {...a}
              className="form__input form__input--mono"
              value={form.workingFolder}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set('workingFolder', e.currentTarget.value)}
              data-testid="hosted-form-working-folder"
            />
          )}
        </HostedField>
        <HostedField ctx={ctx} field="environment" label="Environment" hint="NAME=value, one per line, added to the service’s environment. Shown in the plan and the registry: no secrets here.">
          {(a) => (
            <textarea
              {...a}
              className="form__input form__input--mono"
              rows={3}
              value={form.environmentText}
              placeholder={'PORT=8080\nNODE_ENV=production'}
              spellCheck={false}
              onChange={(e) => set('environmentText', e.currentTarget.value)}
              data-testid="hosted-form-environment"
            />
          )}
        </HostedField>
      </fieldset>

      <fieldset className="form__group">
        <legend>Log on as</legend>
        <HostedField
          ctx={ctx}
          field="account"
          label="Account"
          hint={form.accountKind === 'virtual' ? `NT SERVICE\\${name || 'name'}: no password, and a SID of its own to grant folders and ports to.` : undefined}
        >
          {(a) => (
            <>
              <select {...a} value={form.accountKind} onChange={(e) => set('accountKind', e.currentTarget.value as HostedAccountKind)} data-testid="hosted-form-account">
                {Object.entries(HOSTED_ACCOUNT_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              {form.accountKind === 'user' || form.accountKind === 'gmsa' ? (
                <div className="form__row">
                  <input
                    className="form__input"
                    aria-label={form.accountKind === 'gmsa' ? 'gMSA name' : 'User'}
                    value={form.accountName}
                    placeholder={form.accountKind === 'gmsa' ? 'DOMAIN\\name$' : 'DOMAIN\\user, .\\user or user@domain'}
                    spellCheck={false}
                    autoComplete="off"
                    onChange={(e) => set('accountName', e.currentTarget.value)}
                    data-testid="hosted-form-account-name"
                  />
                  {form.accountKind === 'user' ? (
                    <input
                      type="password"
                      className="form__input"
                      aria-label="Password"
                      value={form.password}
                      placeholder={mode.kind === 'edit' ? 'Blank keeps the current password' : 'Handed to the SCM only'}
                      autoComplete="new-password"
                      onChange={(e) => set('password', e.currentTarget.value)}
                      data-testid="hosted-form-password"
                    />
                  ) : null}
                </div>
              ) : null}
            </>
          )}
        </HostedField>
      </fieldset>

      <fieldset className="form__group form__group--row">
        <legend>Startup</legend>
        <HostedField ctx={ctx} field="startup" label="Startup type">
          {(a) => (
            <select {...a} value={form.startup} onChange={(e) => set('startup', e.currentTarget.value as HostedForm['startup'])} data-testid="hosted-form-startup">
              {Object.entries(STARTUP_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </HostedField>
        <HostedField ctx={ctx} field="errorControl" label="Error control">
          {(a) => (
            <select {...a} value={form.errorControl} onChange={(e) => set('errorControl', e.currentTarget.value as HostedForm['errorControl'])} data-testid="hosted-form-error-control">
              {Object.entries(ERROR_CONTROL_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </HostedField>
      </fieldset>
    </>
  );
}
