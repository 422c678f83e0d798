import {
  apiUrl,
  OUTREACH_PATHS,
  OUTREACH_TRACKING_BASE,
} from '@advocacy/shared';

const base = (publicUrl: string) => publicUrl.replace(/\/$/, '');

/** The tracked link in a message: records the click, then redirects to the share link. */
export function trackingUrl(publicUrl: string, token: string): string {
  return `${base(publicUrl)}/${OUTREACH_TRACKING_BASE}/${token}`;
}

/** The portal page where a recipient confirms they want no more outreach. */
export function unsubscribePageUrl(publicUrl: string, token: string): string {
  return `${base(publicUrl)}/unsubscribe/${token}`;
}

/** RFC 8058 one-click target for the List-Unsubscribe header (mail clients POST here). */
export function oneClickUnsubscribeUrl(
  publicUrl: string,
  token: string,
): string {
  return `${base(publicUrl)}${apiUrl(OUTREACH_PATHS.unsubscribe, { token })}`;
}

/** Tokens are 64 hex characters drawn from two random UUIDs; anything else is refused before a lookup. */
export const TOKEN_PATTERN = /^[a-f0-9]{64}$/;

export const TOKEN_SQL = `replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')`;
