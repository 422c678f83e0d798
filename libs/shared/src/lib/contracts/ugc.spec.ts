import { describeUgcReward, displayNameFor } from './ugc';

describe('displayNameFor', () => {
  it.each([
    ['Ada Lovelace', 'full', 'Ada Lovelace'],
    ['  Ada   King  Lovelace ', 'full', 'Ada King Lovelace'],
    ['Ada Lovelace', 'first_initial', 'Ada L.'],
    ['Ada king lovelace', 'first_initial', 'Ada L.'],
    ['Cher', 'first_initial', 'Cher'],
    ['Ada Lovelace', 'anonymous', 'Anonymous'],
    ['   ', 'full', 'Anonymous'],
  ] as const)('%s as %s → %s', (name, choice, shown) => {
    expect(displayNameFor(name, choice)).toBe(shown);
  });
});

describe('describeUgcReward', () => {
  it('reads points, money and perks', () => {
    expect(
      describeUgcReward({
        type: 'points',
        amount: 100,
        currency: null,
        holdDays: 0,
      }),
    ).toBe('100 points');
    expect(
      describeUgcReward({
        type: 'store_credit',
        amount: 500,
        currency: 'USD',
        holdDays: 0,
      }),
    ).toBe('$5.00 store credit');
    expect(
      describeUgcReward({
        type: 'perk',
        amount: null,
        currency: null,
        holdDays: 0,
        description: 'Tasting invitation',
      }),
    ).toBe('Tasting invitation');
  });
});
