import {
  DEFAULT_FRAUD_RULES,
  FraudRuleMode,
  FraudRuleName,
  FraudRuleSettings,
  normaliseEmail,
} from '@advocacy/shared';
import disposableDomains = require('disposable-email-domains');

const DISPOSABLE = new Set(disposableDomains);

/** What a rule does when it fires and is enforced: clear cases reject, grey ones wait for a manager. */
export const RULE_SEVERITY: Record<FraudRuleName, 'reject' | 'review'> = {
  self_referral: 'reject',
  same_device: 'reject',
  disposable_email: 'reject',
  ip_and_agent: 'review',
  velocity: 'review',
};

/** Stored programme settings over the defaults; unknown or malformed values fall back. */
export function fraudSettings(
  stored: Record<string, unknown>,
): FraudRuleSettings {
  const modes = { ...DEFAULT_FRAUD_RULES.modes };
  const storedModes = (stored['modes'] ?? {}) as Record<string, unknown>;
  for (const rule of Object.keys(modes) as FraudRuleName[]) {
    const mode = storedModes[rule];
    if (mode === 'enforce' || mode === 'shadow' || mode === 'off')
      modes[rule] = mode as FraudRuleMode;
  }
  const limit = (key: 'velocityPerIpPerDay' | 'velocityPerAdvocatePerDay') => {
    const value = stored[key];
    return typeof value === 'number' && Number.isInteger(value) && value > 0
      ? value
      : DEFAULT_FRAUD_RULES[key];
  };
  return {
    modes,
    velocityPerIpPerDay: limit('velocityPerIpPerDay'),
    velocityPerAdvocatePerDay: limit('velocityPerAdvocatePerDay'),
  };
}

export function isSelfReferral(
  referrer: { id: string; email: string },
  friend: { id: string; email: string },
): boolean {
  return (
    referrer.id === friend.id ||
    normaliseEmail(referrer.email) === normaliseEmail(friend.email)
  );
}

export function isDisposableEmail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return DISPOSABLE.has(domain);
}
