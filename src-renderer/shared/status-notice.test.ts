import { describe, expect, it } from 'vitest';
import { NO_NOTICE, noticeApplies } from './status-notice';

describe('status notice', () => {
  it('a notice about rows applies while one of them is selected; one about the list always does', () => {
    const about = { text: 'Suspended 2 processes.', about: new Set(['a', 'b']) };
    expect(noticeApplies(about, new Set(['a', 'b']))).toBe(true);
    expect(noticeApplies(about, new Set(['b', 'c']))).toBe(true);
    expect(noticeApplies(about, new Set(['c']))).toBe(false);
    expect(noticeApplies(about, new Set())).toBe(false);
    expect(noticeApplies({ text: 'Saved 120 processes to C:\\x.csv.', about: null }, new Set())).toBe(true);
    expect(noticeApplies(NO_NOTICE, new Set())).toBe(true);
  });
});
