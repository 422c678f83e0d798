/** Events an endpoint may subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'referral.qualified',
  'reward.available',
  'reward.claimed',
  'application.decided',
  'ugc.approved',
  'nps.response.created',
  'case.opened',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only on request, to one endpoint, so receivers can check their set-up. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
export type WebhookDeliveredType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;

export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<
  Record<WebhookEventType, string>
> = {
  'referral.qualified': 'A referral met the programme’s conditions',
  'reward.available': 'A reward became claimable',
  'reward.claimed': 'An advocate claimed a reward',
  'application.decided': 'An ambassador application was decided',
  'ugc.approved': 'A UGC submission or testimonial was approved',
  'nps.response.created':
    'An NPS response was recorded (portal, survey link or API)',
  'case.opened': 'A follow-up case was opened for a detractor or a drop',
};

export const WEBHOOK_DELIVERY_STATES = [
  'pending',
  'retrying',
  'succeeded',
  'failed',
] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export interface WebhookEndpointSummary {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  active: boolean;
  /** While set, deliveries are also signed with the previous secret. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Outcome counts of the last 7 days. */
  recent: { succeeded: number; failed: number; pending: number };
}

/** Answered once, on creation and rotation: the secret is never shown again. */
export interface WebhookEndpointWithSecret extends WebhookEndpointSummary {
  secret: string;
}

export interface CreateWebhookEndpointRequest {
  url: string;
  description?: string;
  events: WebhookEventType[];
}

export interface UpdateWebhookEndpointRequest {
  url?: string;
  description?: string;
  events?: WebhookEventType[];
  active?: boolean;
}

export interface RotateWebhookSecretRequest {
  /** How long the old secret keeps signing, 0–168 hours; default 24. */
  graceHours?: number;
}

export interface WebhookAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export interface WebhookDeliverySummary {
  id: string;
  endpointId: string;
  /** The `webhook-id` header: the same for a replay, so receivers can dedupe. */
  eventId: string;
  eventType: WebhookDeliveredType;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  replayOf: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface WebhookDeliveryDetail extends WebhookDeliverySummary {
  payload: unknown;
  attemptLog: WebhookAttempt[];
}

export interface WebhookDeliveryQuery {
  state?: WebhookDeliveryState;
  page?: number;
  pageSize?: number;
}

export const WEBHOOK_PATHS = {
  endpoints: 'webhooks/endpoints',
  endpoint: 'webhooks/endpoints/:id',
  rotate: 'webhooks/endpoints/:id/rotate-secret',
  test: 'webhooks/endpoints/:id/test',
  deliveries: 'webhooks/endpoints/:id/deliveries',
  delivery: 'webhooks/deliveries/:id',
  replay: 'webhooks/deliveries/:id/replay',
} as const;
