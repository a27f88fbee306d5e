import { describe, expect, it } from 'vitest';
import {
  argumentsFromText,
  emptyForm,
  formFromDefinition,
  formToDefinition,
  planRequestOf,
  problemField,
  problemsByField,
  resetPeriodParts,
  type ServiceForm,
} from './service-form';
import { testDefinition } from './test-services';

const edit = { kind: 'edit', name: 'AdminTestSvc' } as const;
const install = { kind: 'install' } as const;

function filled(over: Partial<ServiceForm> = {}): ServiceForm {
  return { ...emptyForm(), name: 'AdminTestSvc', program: 'C:\\Program Files\\Admin Test\\test-service.exe', ...over };
}

describe('formFromDefinition / formToDefinition', () => {
  it('round-trips a full definition', () => {
    const def = testDefinition({
      startup: 'automaticDelayed',
      errorControl: 'severe',
      account: { kind: 'user', name: '.\\svc-user' },
      dependencies: ['RpcSs', '+NetworkProvider'],
      recovery: {
        actions: [
          { type: 'restart', delaySeconds: 60 },
          { type: 'runCommand', delaySeconds: 0 },
          { type: 'reboot', delaySeconds: 600 },
        ],
        resetPeriodSeconds: 2 * 86_400,
        command: '"C:\\Tools\\notify.exe" --failed',
        rebootMessage: 'Restarting for AdminTestSvc',
        onNonCrashFailures: true,
      },
    });
    const form = formFromDefinition(def);
    expect(form.argumentsText).toBe('--slow-start\n3000');
    expect(form.resetAmount).toBe('2');
    expect(form.resetUnit).toBe('days');
    expect(form.recovery).toEqual([
      { type: 'restart', delaySeconds: '60' },
      { type: 'runCommand', delaySeconds: '0' },
      { type: 'reboot', delaySeconds: '600' },
    ]);
    expect(form.password).toBe('');
    // Editing with a blank password keeps the current one: no password key goes to main.
    expect(formToDefinition(form, edit)).toEqual({ definition: def, problems: [] });
  });

  it('reads arguments one per line, dropping empty lines but keeping spaces', () => {
    expect(argumentsFromText('a\r\n\n b c \n')).toEqual(['a', ' b c ']);
    expect(formToDefinition(filled({ argumentsText: '--port\n8080\n' }), install).definition?.arguments).toEqual(['--port', '8080']);
  });

  it('builds each account kind; a new user account always carries its password, even blank (a gMSA)', () => {
    expect(formToDefinition(filled({ accountKind: 'networkService' }), install).definition?.account).toEqual({ kind: 'networkService' });
    expect(formToDefinition(filled({ accountKind: 'user', userName: 'CORP\\web$' }), install).definition?.account).toEqual({ kind: 'user', name: 'CORP\\web$', password: '' });
    expect(formToDefinition(filled({ accountKind: 'user', userName: '.\\svc', password: 's3cret' }), edit).definition?.account).toEqual({ kind: 'user', name: '.\\svc', password: 's3cret' });
    expect(formToDefinition(filled({ accountKind: 'user', userName: ' ' }), install).problems).toEqual([
      { field: 'account', message: 'Enter the user the service logs on as (DOMAIN\\user, .\\user or user@domain).' },
    ]);
  });

  it('turns the reset period into seconds, or null for never', () => {
    expect(formToDefinition(filled({ resetAmount: '3', resetUnit: 'hours' }), install).definition?.recovery.resetPeriodSeconds).toBe(3 * 3600);
    expect(formToDefinition(filled({ resetNever: true, resetAmount: 'x' }), install).definition?.recovery.resetPeriodSeconds).toBeNull();
    expect(formToDefinition(filled({ resetAmount: '366', resetUnit: 'days' }), install).problems.map((p) => p.field)).toEqual(['recovery']);
    expect(resetPeriodParts(5400)).toEqual({ amount: '90', unit: 'minutes' });
    expect(resetPeriodParts(86_400)).toEqual({ amount: '1', unit: 'days' });
    expect(resetPeriodParts(61)).toEqual({ amount: '61', unit: 'seconds' });
    expect(resetPeriodParts(0)).toEqual({ amount: '0', unit: 'seconds' });
  });

  it('uses the name when the display name is blank, and the fixed name when editing', () => {
    expect(formToDefinition(filled({ displayName: '  ' }), install).definition?.displayName).toBe('AdminTestSvc');
    expect(formToDefinition(filled({ name: 'typed-over' }), edit).definition?.name).toBe('AdminTestSvc');
  });

  it('reports what the contract would refuse, by field, and gives no definition then', () => {
    const { definition, problems } = formToDefinition(
      { ...emptyForm(), argumentsText: 'a\tb', recovery: [{ type: 'runCommand', delaySeconds: '1.5' }] },
      install,
    );
    expect(definition).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['name', 'program', 'arguments', 'recovery', 'recovery']);
    expect(problems.map((p) => p.message)).toContain('A "run a program" action needs the command to run.');
  });
});

describe('planRequestOf', () => {
  it('sends a stand-in of the same length instead of the password, and names the edited service', () => {
    const def = formToDefinition(filled({ accountKind: 'user', userName: '.\\svc', password: 'hunter2' }), edit).definition;
    if (!def) throw new Error('expected a definition');
    const req = planRequestOf(edit, def);
    expect(req).toMatchObject({ kind: 'edit', name: 'AdminTestSvc' });
    expect(req.definition.account).toEqual({ kind: 'user', name: '.\\svc', password: '*******' });
    expect(JSON.stringify(req)).not.toContain('hunter2');
    expect(planRequestOf(install, testDefinition())).toEqual({ kind: 'install', definition: testDefinition() });
  });
});

describe('problemsByField', () => {
  it('puts local and plan problems beside their form field, once each, and the rest under ""', () => {
    expect(problemField('recovery.actions[1].delaySeconds')).toBe('recovery');
    const map = problemsByField(
      [{ field: 'name', message: 'Enter a service name.' }],
      [
        { field: 'name', message: 'A service named AdminTestSvc already exists.' },
        { field: 'dependencies', message: 'RpcSs depends on AdminTestSvc: a cycle.' },
        { field: 'name', message: 'Enter a service name.' },
        { field: 'binaryPath', message: 'Too long.' },
      ],
    );
    expect(map.get('name')).toEqual(['Enter a service name.', 'A service named AdminTestSvc already exists.']);
    expect(map.get('dependencies')).toEqual(['RpcSs depends on AdminTestSvc: a cycle.']);
    expect(map.get('')).toEqual(['Too long.']);
  });
});
