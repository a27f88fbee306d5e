import { describe, expect, test } from 'vitest';
import {
  errorControl,
  errorControlValue,
  recoveryActionType,
  recoveryActionValue,
  serviceKind,
  serviceState,
  startType,
  startTypeValue,
} from './service-codes';

describe('service states', () => {
  test('SERVICE_STOPPED (1) ... SERVICE_PAUSED (7) in the admin\'s words', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(serviceState)).toEqual(['stopped', 'startPending', 'stopPending', 'running', 'continuePending', 'pausePending', 'paused']);
  });

  test('a value winsvc.h does not define is refused, not guessed', () => {
    for (const value of [0, 8, 0xffff_ffff]) expect(() => serviceState(value)).toThrow(/unknown service state/);
  });
});

describe('service kinds', () => {
  test('Win32 services, drivers and per-user services by their main bits', () => {
    expect(serviceKind(0x10)).toBe('ownProcess');
    expect(serviceKind(0x20)).toBe('shareProcess');
    expect(serviceKind(0x110)).toBe('ownProcess'); // SERVICE_INTERACTIVE_PROCESS on top
    expect(serviceKind(0x1)).toBe('kernelDriver');
    expect(serviceKind(0x2)).toBe('fileSystemDriver');
    expect(serviceKind(0x50)).toBe('userOwnProcess');
    expect(serviceKind(0x60)).toBe('userShareProcess');
    expect(serviceKind(0xe0)).toBe('userShareProcess'); // a per-user instance (SERVICE_USERSERVICE_INSTANCE)
  });

  test('adapters and recognizer drivers are "other"', () => {
    expect(serviceKind(0x4)).toBe('other');
    expect(serviceKind(0x8)).toBe('other');
    expect(serviceKind(0)).toBe('other');
  });
});

describe('start types, error controls and recovery actions', () => {
  test('start types both ways', () => {
    expect([0, 1, 2, 3, 4].map(startType)).toEqual(['boot', 'system', 'automatic', 'manual', 'disabled']);
    expect(startTypeValue('automatic')).toBe(2);
    expect(startTypeValue('manual')).toBe(3);
    expect(startTypeValue('disabled')).toBe(4);
    expect(() => startType(5)).toThrow(/unknown start type 5/);
  });

  test('error controls both ways', () => {
    expect([0, 1, 2, 3].map(errorControl)).toEqual(['ignore', 'normal', 'severe', 'critical']);
    expect(errorControlValue('severe')).toBe(2);
    expect(() => errorControl(4)).toThrow(/unknown error control/);
  });

  test('SC_ACTION_TYPE both ways; SC_ACTION_OWN_RESTART (4) has no word and is refused', () => {
    expect([0, 1, 2, 3].map(recoveryActionType)).toEqual(['none', 'restart', 'reboot', 'runCommand']);
    expect(recoveryActionValue('runCommand')).toBe(3);
    expect(recoveryActionValue('reboot')).toBe(2);
    expect(() => recoveryActionType(4)).toThrow(/unknown recovery action type 4/);
  });
});
