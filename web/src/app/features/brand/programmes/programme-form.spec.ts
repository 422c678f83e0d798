import { TestBed } from '@angular/core/testing';
import { FormBuilder } from '@angular/forms';
import { DEFAULT_FRAUD_RULES } from '@advocacy/shared';
import { programmeForm, toProgrammeRequest } from './programme-form';

describe('programmeForm', () => {
  const build = () => programmeForm(TestBed.inject(FormBuilder));

  it('starts with the server defaults and refuses non-http landing URLs', () => {
    const form = build();
    expect(form.getRawValue()).toMatchObject({
      attributionWindowDays: 30,
      holdDays: 30,
      attributionModel: 'last_click',
      hasFriendReward: true,
    });
    form.controls.landingUrl.setValue('javascript:alert(1)');
    expect(form.controls.landingUrl.valid).toBe(false);
    form.controls.landingUrl.setValue('https://shop.example.com/welcome');
    expect(form.controls.landingUrl.valid).toBe(true);
  });

  it('turns the form into a request, dropping the friend reward when switched off', () => {
    const form = build();
    form.patchValue({
      name: ' Spring ',
      slug: 'spring',
      landingUrl: 'https://shop.example.com/spring',
      hasFriendReward: false,
      referrerReward: { currency: 'EUR', description: '  ' },
    });
    expect(toProgrammeRequest(form.getRawValue())).toEqual({
      name: 'Spring',
      slug: 'spring',
      landingUrl: 'https://shop.example.com/spring',
      attributionWindowDays: 30,
      attributionModel: 'last_click',
      eligibleSegments: [],
      referrerReward: { type: 'store_credit', amount: 1000, currency: 'EUR' },
      friendReward: null,
      minPurchaseMinor: 0,
      currency: 'EUR',
      holdDays: 30,
      fraudRules: DEFAULT_FRAUD_RULES,
    });
  });
});
