import {
  describeReward,
  eligibilityReason,
  vanityCodeProblem,
} from './referrals';

describe('vanityCodeProblem', () => {
  it.each([
    ['ada-loves-tea', null],
    ['ADA2026', null],
    ['abc', 'must be at least 4 characters'],
    ['a'.repeat(33), 'must be at most 32 characters'],
    ['ada_tea', 'may only use letters, digits and hyphens'],
    ['tea-', 'may not start or end with a hyphen'],
    ['Support', 'is reserved'],
  ])('%s → %s', (code, problem) => {
    expect(vanityCodeProblem(code)).toBe(problem);
  });

  it('refuses the brand words it is given', () => {
    expect(vanityCodeProblem('spring-sale', ['spring-sale'])).toBe(
      'is reserved',
    );
  });
});

describe('eligibilityReason', () => {
  it('lists segments in plain words', () => {
    expect(eligibilityReason(['promoters', 'passives'])).toBe(
      'This programme is open to promoters and passives',
    );
    expect(
      eligibilityReason(['champions', 'vip', 'promoters'], { vip: 'VIPs' }),
    ).toBe('This programme is open to champions, vips and promoters');
  });
});

describe('describeReward', () => {
  it('formats money in minor units, points and perks', () => {
    expect(
      describeReward({ type: 'store_credit', amount: 1000, currency: 'USD' }),
    ).toBe('$10.00 store credit');
    expect(
      describeReward({ type: 'points', amount: 500, currency: 'USD' }),
    ).toBe('500 points');
    expect(
      describeReward({ type: 'cash', amount: 1500, currency: 'JPY' }),
    ).toBe('¥1,500 cash');
    expect(
      describeReward({
        type: 'perk',
        amount: 0,
        currency: 'USD',
        description: 'Early access',
      }),
    ).toBe('Early access');
  });
});
