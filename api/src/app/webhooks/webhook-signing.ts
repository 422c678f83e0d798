import { randomBytes } from 'node:crypto';
import { signWebhook } from '../referrals/events/webhook-signature';

/** A fresh Standard Webhooks secret: 32 random bytes as `whsec_<base64>`. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SigningKeys {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/**
 * The `webhook-signature` header. During a rotation's grace period it carries the signature of the
 * new secret and of the old one, space-separated, so receivers on either secret accept it.
 */
export function signatureHeader(
  keys: SigningKeys,
  id: string,
  timestamp: number,
  body: string,
  now = new Date(),
): string {
  const signatures = [signWebhook(keys.secret, id, timestamp, body)];
  if (
    keys.previousSecret &&
    keys.previousSecretExpiresAt &&
    keys.previousSecretExpiresAt > now
  )
    signatures.push(signWebhook(keys.previousSecret, id, timestamp, body));
  return signatures.join(' ');
}
