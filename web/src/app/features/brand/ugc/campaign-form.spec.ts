import { FormBuilder } from '@angular/forms';
import { campaignForm, toCampaignRequest } from './campaign-form';

describe('campaign form', () => {
  const form = () => campaignForm(new FormBuilder(), null);

  it('sends prompts by line, hashtags without #, and dates as whole UTC days', () => {
    const f = form();
    f.patchValue({
      name: ' Spring stories ',
      guidelines: 'Be honest',
      prompts: 'What did you buy?\n\n  Who for? ',
      hashtags: '#Tea, #Spring  oolong',
      startsAt: '2026-03-01',
      endsAt: '2026-03-31',
    });
    expect(toCampaignRequest(f.getRawValue())).toMatchObject({
      name: 'Spring stories',
      prompts: ['What did you buy?', 'Who for?'],
      hashtags: ['Tea', 'Spring', 'oolong'],
      startsAt: '2026-03-01T00:00:00.000Z',
      endsAt: '2026-03-31T23:59:59.000Z',
      reward: null,
    });
  });

  it('turns money into minor units and keeps points whole', () => {
    const f = form();
    f.patchValue({
      rewardType: 'store_credit',
      rewardAmount: 5.5,
      rewardCurrency: 'EUR',
    });
    expect(toCampaignRequest(f.getRawValue()).reward).toEqual({
      type: 'store_credit',
      amount: 550,
      currency: 'EUR',
      description: undefined,
      holdDays: 0,
    });
    f.patchValue({ rewardType: 'points', rewardAmount: 200 });
    expect(toCampaignRequest(f.getRawValue()).reward).toMatchObject({
      type: 'points',
      amount: 200,
      currency: null,
    });
  });

  it('sends a perk without an amount', () => {
    const f = form();
    f.patchValue({
      rewardType: 'perk',
      rewardAmount: 3,
      rewardDescription: 'Tasting invite',
    });
    expect(toCampaignRequest(f.getRawValue()).reward).toMatchObject({
      type: 'perk',
      amount: null,
      description: 'Tasting invite',
    });
  });
});
