import {
  fraudSettings,
  isDisposableEmail,
  isSelfReferral,
} from './fraud-rules';

describe('fraud rules', () => {
  it('treats Gmail dots, +aliases and case as the same mailbox', () => {
    const referrer = { id: 'a', email: 'Jane.Doe+shop@gmail.com' };
    expect(
      isSelfReferral(referrer, { id: 'b', email: 'janedoe@googlemail.com' }),
    ).toBe(true);
    expect(
      isSelfReferral(referrer, { id: 'b', email: 'jane.doe2@gmail.com' }),
    ).toBe(false);
  });

  it('keeps dots significant outside Gmail but ignores +aliases', () => {
    const referrer = { id: 'a', email: 'jane.doe@example.com' };
    expect(
      isSelfReferral(referrer, { id: 'b', email: 'jane.doe+x@example.com' }),
    ).toBe(true);
    expect(
      isSelfReferral(referrer, { id: 'b', email: 'janedoe@example.com' }),
    ).toBe(false);
  });

  it('knows temporary email domains from the packaged list', () => {
    expect(isDisposableEmail('someone@mailinator.com')).toBe(true);
    expect(isDisposableEmail('someone@example.com')).toBe(false);
  });

  it('merges stored modes over the defaults and ignores junk', () => {
    const settings = fraudSettings({
      modes: { velocity: 'shadow', self_referral: 'nonsense' },
      velocityPerIpPerDay: -3,
    });
    expect(settings.modes.velocity).toBe('shadow');
    expect(settings.modes.self_referral).toBe('enforce');
    expect(settings.velocityPerIpPerDay).toBeGreaterThan(0);
  });
});
