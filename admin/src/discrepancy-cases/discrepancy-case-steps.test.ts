import { describe, expect, it } from 'vitest';
import { discrepancyCaseSteps } from './discrepancy-case-steps.ts';

describe('the steps a discrepancy case offers', () => {
  it('offers the evidence steps on an open case, and the decision only once work has started', () => {
    expect(discrepancyCaseSteps({ status: 'OPEN' }, '2026-12-06')).not.toContain('DECIDE');
    expect(discrepancyCaseSteps({ status: 'IN_PROGRESS' }, '2026-12-06')).toContain('DECIDE');
  });

  it('offers a 复查 within the window and not closing, then closing and no 复查 once the window has passed', () => {
    const decided = { status: 'DECIDED', appealableUntil: '2026-12-20' };
    expect(discrepancyCaseSteps(decided, '2026-12-20')).toEqual(['ASSIGN', 'APPEAL', 'REFER']);
    expect(discrepancyCaseSteps(decided, '2026-12-21')).toEqual(['ASSIGN', 'REFER', 'CLOSE']);
  });

  it('offers closing, not a second 复查, once the review is decided', () => {
    const reviewed = {
      status: 'DECIDED',
      appealableUntil: '2026-12-20',
      appealedAt: '2026-12-07T01:00:00Z',
      appealDecidedAt: '2026-12-08T01:00:00Z',
    };
    expect(discrepancyCaseSteps(reviewed, '2026-12-09')).toEqual(['ASSIGN', 'REFER', 'CLOSE']);
  });

  it('offers a referral (转介) in every status but closed', () => {
    for (const status of ['OPEN', 'IN_PROGRESS', 'DECIDED', 'APPEALED']) {
      expect(discrepancyCaseSteps({ status }, '2026-12-06')).toContain('REFER');
    }
    expect(discrepancyCaseSteps({ status: 'CLOSED' }, '2026-12-06')).not.toContain('REFER');
  });

  it('offers deciding the review on an appealed case and nothing on a closed one', () => {
    expect(discrepancyCaseSteps({ status: 'APPEALED' }, '2026-12-06')).toContain('DECIDE_APPEAL');
    expect(discrepancyCaseSteps({ status: 'CLOSED' }, '2026-12-06')).toEqual([]);
  });
});
