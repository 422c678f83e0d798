import { formatRewardAmount, rewardStatusText } from './reward-status';

describe('rewardStatusText', () => {
  const base = {
    availableAt: null,
    expiresAt: null,
    type: 'points' as const,
    reason: null,
  };

  it('says why a reward is not available yet', () => {
    expect(
      rewardStatusText({
        ...base,
        state: 'pending',
        availableAt: '2026-03-12T10:00:00Z',
      }),
    ).toBe('The hold ends on 12 March');
    expect(rewardStatusText({ ...base, state: 'over_budget' })).toBe(
      'Over budget — a manager will review it',
    );
    expect(
      rewardStatusText({ ...base, state: 'claimed', type: 'cash' }),
    ).toContain('manager to pay');
    expect(
      rewardStatusText({
        ...base,
        state: 'reversed',
        reason: 'Order refunded',
      }),
    ).toBe('Reversed: Order refunded');
  });

  it('formats amounts by type', () => {
    expect(
      formatRewardAmount({ type: 'points', amount: 1250, currency: null }),
    ).toBe('1,250 points');
    expect(
      formatRewardAmount({ type: 'cash', amount: 1250, currency: 'USD' }),
    ).toBe('$12.50');
  });
});
