import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { outcomeOf } from './audit-record';

describe('outcomeOf', () => {
  it('tells a declined confirmation, a refusal by the console and a failure (with its Win32 code) apart', () => {
    expect(outcomeOf(new AppError('CANCELLED', 'cancelled'))).toEqual({ outcome: 'declined', message: 'cancelled' });
    expect(outcomeOf(new AppError('CONFLICT', 'stale PID'))).toEqual({ outcome: 'refused', message: 'stale PID' });
    expect(outcomeOf(new AppError('BAD_REQUEST', 'bad'))).toEqual({ outcome: 'refused', message: 'bad' });
    expect(outcomeOf(new AppError('NOT_FOUND', 'no job'))).toEqual({ outcome: 'refused', message: 'no job' });
    expect(outcomeOf(new AppError('ACCESS_DENIED', 'critical process'))).toEqual({ outcome: 'refused', message: 'critical process' });
    expect(outcomeOf(new AppError('ACCESS_DENIED', 'denied', 5))).toEqual({ outcome: 'failed', win32Code: 5, message: 'denied' });
    // The SCM's "already exists" (1073) arrives as CONFLICT, but Windows refused it: a failure.
    expect(outcomeOf(new AppError('CONFLICT', 'exists', 1073))).toEqual({ outcome: 'failed', win32Code: 1073, message: 'exists' });
    expect(outcomeOf(new Error('boom'))).toEqual({ outcome: 'failed', message: 'boom' });
  });
});
