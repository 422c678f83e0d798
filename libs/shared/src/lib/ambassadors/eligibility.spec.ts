import {
  applicationScore,
  checkEligibility,
  DEFAULT_ELIGIBILITY,
  EligibilityFacts,
} from './eligibility';

const promoter: EligibilityFacts = {
  segmentKey: 'promoters',
  segmentName: 'Promoters',
  npsCategory: 'promoter',
  lastNps: 9,
  qualifiedReferrals: 2,
  customerDays: 400,
};

describe('checkEligibility', () => {
  it('lets everyone in under the default rules', () => {
    expect(
      checkEligibility(DEFAULT_ELIGIBILITY, {
        ...promoter,
        npsCategory: 'unknown',
        lastNps: null,
      }),
    ).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  it('explains each unmet rule kindly, with what is missing', () => {
    const result = checkEligibility(
      {
        segments: ['champions'],
        npsCategories: ['promoter'],
        minQualifiedReferrals: 3,
        minNps: 10,
        minCustomerDays: 401,
      },
      promoter,
      { champions: 'Champions' },
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      'This programme is for our Champions customers right now, and your account is in Promoters.',
      'It asks for 3 successful referrals; 1 more and you’re there.',
      'It asks for a recent recommendation score of 10 or more.',
      'It is for customers of at least 401 days; you can apply in 1 day.',
    ]);
  });

  it('asks someone without a recent answer to answer a survey', () => {
    const result = checkEligibility(
      { ...DEFAULT_ELIGIBILITY, npsCategories: ['promoter'] },
      { ...promoter, npsCategory: 'unknown', lastNps: null },
    );
    expect(result.reasons).toEqual([
      expect.stringContaining('answering one helps'),
    ]);
  });
});

describe('applicationScore', () => {
  it('weighs NPS ×10 and qualified referrals ×5, referrals capped at 10', () => {
    expect(applicationScore({ lastNps: 9, qualifiedReferrals: 2 })).toBe(100);
    expect(applicationScore({ lastNps: 10, qualifiedReferrals: 25 })).toBe(150);
    expect(applicationScore({ lastNps: null, qualifiedReferrals: 0 })).toBe(0);
  });
});
