import { describe, expect, test } from 'vitest';
import { displayNameProblem, newServiceNameProblem, sameServiceName, serviceKey } from './service-name';

const existing = [
  { name: 'Spooler', displayName: 'Print Spooler' },
  { name: 'wuauserv', displayName: 'Windows Update' },
  { name: 'MySvc', displayName: 'MySvc' },
];

describe('newServiceNameProblem', () => {
  test.each(['NewSvc', 'a', 'x'.repeat(256), 'My Service', 'svc.with-dots_and$', 'Über'])('%j is fine', (name) =>
    expect(newServiceNameProblem(name, existing)).toBeNull(),
  );

  test.each([
    ['', /Enter a service name/],
    ['x'.repeat(257), /at most 256 characters \(this one has 257\)/],
    ['a/b', /cannot contain \/ or \\/],
    ['a\\b', /cannot contain \/ or \\/],
    ['tab\there', /control characters/],
    ['bell\u0007', /control characters/],
    ['del\u007f', /control characters/],
    [' lead', /start or end with a space/],
    ['trail ', /start or end with a space/],
  ])('%j: %s', (name, message) => expect(newServiceNameProblem(name, existing)).toMatch(message));

  test('a name taken as a name or as a display name, in any case, names the service that has it', () => {
    expect(newServiceNameProblem('SPOOLER', existing)).toBe(
      '"SPOOLER" is already the name of the service "Spooler"; choose another name (the SCM compares names without regard to case).',
    );
    expect(newServiceNameProblem('print spooler', existing)).toMatch(/^"print spooler" is already the display name of the service "Spooler"/);
    expect(newServiceNameProblem('windows update', existing)).toMatch(/display name of the service "wuauserv"/);
  });
});

describe('displayNameProblem', () => {
  test('fine when no other service uses it', () => {
    expect(displayNameProblem('My new service', existing)).toBeNull();
    expect(displayNameProblem(' padded  ', existing)).toBeNull();
    expect(displayNameProblem('y'.repeat(256), existing)).toBeNull();
  });

  test('length and control characters', () => {
    expect(displayNameProblem('', existing)).toMatch(/Enter a display name/);
    expect(displayNameProblem('y'.repeat(257), existing)).toMatch(/at most 256/);
    expect(displayNameProblem('two\nlines', existing)).toMatch(/control characters/);
  });

  test("another service's name or display name is taken (1078), case-insensitively", () => {
    expect(displayNameProblem('WINDOWS UPDATE', existing)).toMatch(/^"WINDOWS UPDATE" is already the display name of the service "wuauserv"; choose another display name/);
    expect(displayNameProblem('spooler', existing)).toMatch(/already the name of the service "Spooler"/);
  });

  test('the service being edited may keep or take its own names', () => {
    expect(displayNameProblem('Print Spooler', existing, 'spooler')).toBeNull();
    expect(displayNameProblem('Spooler', existing, 'Spooler')).toBeNull();
    expect(displayNameProblem('MySvc', existing, 'MySvc')).toBeNull();
    expect(displayNameProblem('Windows Update', existing, 'Spooler')).toMatch(/"wuauserv"/);
  });
});

test('names compare without regard to case; keys are lower case', () => {
  expect(serviceKey('MySvc')).toBe('mysvc');
  expect(sameServiceName('LanmanServer', 'lanmanserver')).toBe(true);
  expect(sameServiceName('a', 'b')).toBe(false);
});
