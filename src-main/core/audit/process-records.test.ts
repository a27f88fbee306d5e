import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { processActionRecords, processRequestRecords } from './process-records';

describe('processActionRecords', () => {
  it('records each process reached: done, refused (critical, stale PID) or failed with its Win32 code', () => {
    const records = processActionRecords({ verb: 'setPriority', priorityClass: 'high' }, [
      { pid: 10, createTime: '1', name: 'a.exe', ok: true },
      { pid: 4, createTime: '2', name: 'System', ok: false, refusedAsCritical: true, error: { code: 'ACCESS_DENIED', message: 'critical' } },
      { pid: 11, createTime: '3', name: '', ok: false, error: { code: 'CONFLICT', message: 'exited' } },
      { pid: 12, createTime: '4', name: 'b.exe', ok: false, error: { code: 'ACCESS_DENIED', message: 'OpenProcess failed (error 5)', win32Code: 5 } },
    ]);
    expect(records).toEqual([
      { action: 'process.setPriority', target: { pid: 10, createTime: '1', name: 'a.exe' }, after: { priorityClass: 'high' }, outcome: 'ok' },
      { action: 'process.setPriority', target: { pid: 4, createTime: '2', name: 'System' }, after: { priorityClass: 'high' }, outcome: 'refused', message: 'critical' },
      { action: 'process.setPriority', target: { pid: 11, createTime: '3', name: '' }, after: { priorityClass: 'high' }, outcome: 'refused', message: 'exited' },
      { action: 'process.setPriority', target: { pid: 12, createTime: '4', name: 'b.exe' }, after: { priorityClass: 'high' }, outcome: 'failed', win32Code: 5, message: 'OpenProcess failed (error 5)' },
    ]);
  });

  it('names the action by verb, with no `after` for terminate, suspend and resume', () => {
    expect(processActionRecords({ verb: 'terminateTree' }, [{ pid: 1, createTime: '1', name: 'x', ok: true }])).toEqual([
      { action: 'process.terminateTree', target: { pid: 1, createTime: '1', name: 'x' }, outcome: 'ok' },
    ]);
  });
});

describe('processRequestRecords', () => {
  it('records a declined confirmation once per target asked for, named when the table knows it', () => {
    const declined = new AppError('CANCELLED', 'Terminate processes: cancelled; nothing was changed.');
    const records = processRequestRecords({ verb: 'terminate' }, [{ pid: 1, createTime: '5' }, { pid: 2, createTime: '6' }], (t) => (t.pid === 1 ? 'one.exe' : undefined), declined);
    expect(records).toEqual([
      { action: 'process.terminate', target: { pid: 1, createTime: '5', name: 'one.exe' }, outcome: 'declined', message: declined.message },
      { action: 'process.terminate', target: { pid: 2, createTime: '6' }, outcome: 'declined', message: declined.message },
    ]);
  });
});
