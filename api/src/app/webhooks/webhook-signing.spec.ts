import { verifyWebhook } from '../referrals/events/webhook-signature';
import { newWebhookSecret, signatureHeader } from './webhook-signing';

describe('webhook signing', () => {
  const body = '{"type":"case.opened","data":{}}';
  const now = new Date('2026-03-01T12:00:00Z');
  const seconds = Math.floor(now.getTime() / 1000);

  it('issues distinct whsec_ secrets of 32 bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs with both secrets during the grace period and only the new one after it', () => {
    const keys = {
      secret: newWebhookSecret(),
      previousSecret: newWebhookSecret(),
      previousSecretExpiresAt: new Date(now.getTime() + 3_600_000),
    };
    const during = signatureHeader(keys, 'evt_1', seconds, body, now);
    expect(during.split(' ')).toHaveLength(2);
    for (const secret of [keys.secret, keys.previousSecret])
      expect(
        verifyWebhook(
          secret,
          { id: 'evt_1', timestamp: String(seconds), signature: during },
          Buffer.from(body),
          seconds,
        ).ok,
      ).toBe(true);

    const later = new Date(now.getTime() + 2 * 3_600_000);
    const after = signatureHeader(keys, 'evt_1', seconds, body, later);
    expect(after.split(' ')).toHaveLength(1);
    expect(
      verifyWebhook(
        keys.previousSecret,
        { id: 'evt_1', timestamp: String(seconds), signature: after },
        Buffer.from(body),
        seconds,
      ).ok,
    ).toBe(false);
  });
});
