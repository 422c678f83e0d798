import { OUTREACH_PATHS } from './outreach';
import { AMBASSADOR_PATHS } from './ambassadors';
import { NOTIFICATION_PATHS } from './notifications';
import { REFERRAL_EVENT_PATHS } from './referral-events';
import { REFERRAL_PATHS } from './referrals';
import { REWARD_PATHS } from './rewards';
import { WEBHOOK_PATHS } from './webhooks';
import { CASE_PATHS } from './cases';
import { UGC_PATHS } from './ugc';

/** Route paths under the API prefix, shared so the portal never hand-types a URL. */
export const API_PREFIX = '/api/v1';

export const API_PATHS = {
  auth: {
    login: 'auth/login',
    refresh: 'auth/refresh',
    logout: 'auth/logout',
    me: 'auth/me',
    acceptInvite: 'auth/accept-invite',
    join: 'auth/join',
  },
  users: {
    list: 'users',
    invite: 'users/invite',
    byId: 'users/:id',
  },
  apiKeys: {
    list: 'api-keys',
    byId: 'api-keys/:id',
  },
  audit: {
    list: 'audit',
    actions: 'audit/actions',
  },
  segments: {
    sizes: 'segments',
    rules: 'segments/rules',
    preview: 'segments/rules/preview',
    recompute: 'segments/recompute',
    movement: 'segments/movement',
  },
  analytics: {
    nps: 'analytics/nps',
    npsCsv: 'analytics/nps/export',
    distribution: 'analytics/nps/distribution',
    csat: 'analytics/csat',
    verbatims: 'analytics/verbatims',
    verbatimsCsv: 'analytics/verbatims/export',
  },
  customers: {
    list: 'customers',
    byId: 'customers/:id',
  },
  surveys: {
    list: 'surveys',
    byId: 'surveys/:id',
    waves: 'surveys/:id/waves',
    links: 'surveys/:id/links',
    offer: 'surveys/offer',
    answers: 'surveys/answers',
  },
  surveyLinks: {
    byToken: 'survey-links/:token',
  },
  responses: {
    intake: 'responses',
  },
  imports: {
    list: 'imports',
    byId: 'imports/:id',
    errors: 'imports/:id/errors.csv',
  },
  rewards: REWARD_PATHS,
  referrals: REFERRAL_PATHS,
  referralEvents: REFERRAL_EVENT_PATHS,
  webhooks: WEBHOOK_PATHS,
  cases: CASE_PATHS,
  ugc: UGC_PATHS,
  outreach: OUTREACH_PATHS,
  ambassadors: AMBASSADOR_PATHS,
  notifications: NOTIFICATION_PATHS,
} as const;

/** Fills `:name` placeholders of a route pattern, encoding each value. */
export function fillPath(
  pattern: string,
  params: Record<string, string> = {},
): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`Missing path parameter ${name} for ${pattern}`);
    return encodeURIComponent(value);
  });
}

/** Full URL of an API route, for the portal's HTTP client. */
export function apiUrl(
  pattern: string,
  params: Record<string, string> = {},
): string {
  return `${API_PREFIX}/${fillPath(pattern, params)}`;
}
