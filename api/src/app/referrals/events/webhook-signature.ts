import { createHmac, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks allow this much clock skew either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: string; field: string };

/** The HMAC key inside a `whsec_<base64>` secret. */
export function webhookKey(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, as a sender would write it. */
export function signWebhook(
  secret: string,
  id: string,
  timestamp: number,
  body: string | Buffer,
): string {
  const mac = createHmac('sha256', webhookKey(secret))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest('base64');
  return `v1,${mac}`;
}

/** Verifies one request; any of the space-separated v1 signatures may match (key rotation). */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  rawBody: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const { id, timestamp, signature } = headers;
  if (!id) return { ok: false, field: 'webhook-id', reason: 'is required' };
  if (!timestamp || !/^\d{1,12}$/.test(timestamp))
    return {
      ok: false,
      field: 'webhook-timestamp',
      reason: 'must be Unix seconds',
    };
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS)
    return {
      ok: false,
      field: 'webhook-timestamp',
      reason: 'is more than 5 minutes away from now',
    };
  if (!signature)
    return { ok: false, field: 'webhook-signature', reason: 'is required' };
  const expected = Buffer.from(
    signWebhook(secret, id, Number(timestamp), rawBody).slice(3),
    'base64',
  );
  const matches = signature.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches
    ? { ok: true }
    : {
        ok: false,
        field: 'webhook-signature',
        reason: 'does not match the body',
      };
}
