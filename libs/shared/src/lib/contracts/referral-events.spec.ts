import { maskEmail, normaliseEmail } from './referral-events';

describe('referral email helpers', () => {
  it('masks all but the first letter of the mailbox', () => {
    expect(maskEmail('jane@example.com')).toBe('j***@example.com');
    expect(maskEmail('broken')).toBe('***');
  });

  it('normalises Gmail dots, googlemail and +aliases to one mailbox', () => {
    expect(normaliseEmail(' Jane.Doe+promo@GoogleMail.com ')).toBe(
      'janedoe@gmail.com',
    );
    expect(normaliseEmail('jane.doe+promo@example.com')).toBe(
      'jane.doe@example.com',
    );
  });
});
