import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SurveyTokenClaims {
  customerId: string;
  surveyId: string;
  wave: number;
  expiresAt: Date;
}

const MAC_BYTES = 16;
const BODY_BYTES = 16 + 16 + 4 + 4;

/** Derives the link-signing key from the app secret, so access tokens and links never share a key. */
export function surveyLinkKey(secret: string): Buffer {
  return createHmac('sha256', secret)
    .update('advocacy:survey-links:v1')
    .digest();
}

/** A compact, unguessable link token: customer, survey, wave and expiry, HMAC-SHA256 signed. */
export function signSurveyToken(
  claims: SurveyTokenClaims,
  key: Buffer,
): string {
  const body = Buffer.alloc(BODY_BYTES);
  Buffer.from(claims.customerId.replace(/-/g, ''), 'hex').copy(body, 0);
  Buffer.from(claims.surveyId.replace(/-/g, ''), 'hex').copy(body, 16);
  body.writeUInt32BE(claims.wave, 32);
  body.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 36);
  return Buffer.concat([body, mac(body, key)]).toString('base64url');
}

/** The claims of a well-signed token, or null for a forged or mangled one (expiry is the caller's check). */
export function verifySurveyToken(
  token: string,
  key: Buffer,
): SurveyTokenClaims | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== BODY_BYTES + MAC_BYTES) return null;
  const body = raw.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(raw.subarray(BODY_BYTES), mac(body, key))) return null;
  return {
    customerId: toUuid(body.subarray(0, 16)),
    surveyId: toUuid(body.subarray(16, 32)),
    wave: body.readUInt32BE(32),
    expiresAt: new Date(body.readUInt32BE(36) * 1000),
  };
}

function mac(body: Buffer, key: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
}

function toUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
