import { ConsentScope } from '@advocacy/shared';

const SCOPE_COLUMN: Record<ConsentScope, string> = {
  website: 'scope_website',
  social: 'scope_social',
  ads: 'scope_ads',
};

/**
 * The one rule for showing content anywhere public, checked at query time so a withdrawal or an
 * expiry takes effect on the next request: approved, consented for the scope, not revoked, not expired.
 * `s` is ugc_submissions and `c` is ugc_consents.
 */
export function showableSql(scope: ConsentScope | 'any'): string {
  const scopeTest =
    scope === 'any'
      ? '(c.scope_website OR c.scope_social OR c.scope_ads)'
      : `c.${SCOPE_COLUMN[scope]}`;
  return `s.status = 'approved' AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > now()) AND ${scopeTest}`;
}
