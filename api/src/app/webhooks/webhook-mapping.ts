import {
  WebhookAttempt,
  WebhookDeliveredType,
  WebhookDeliveryState,
  WebhookDeliverySummary,
  WebhookEndpointSummary,
} from '@advocacy/shared';
import { WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';

export interface RecentCounts {
  succeeded: number;
  failed: number;
  pending: number;
}

export function toEndpointSummary(
  endpoint: WebhookEndpoint,
  recent: RecentCounts = { succeeded: 0, failed: 0, pending: 0 },
): WebhookEndpointSummary {
  const graceActive =
    endpoint.previousSecretExpiresAt !== null &&
    endpoint.previousSecretExpiresAt.getTime() > Date.now();
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    active: endpoint.active,
    previousSecretExpiresAt: graceActive
      ? (endpoint.previousSecretExpiresAt?.toISOString() ?? null)
      : null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
    recent,
  };
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: WebhookDeliveredType;
  state: WebhookDeliveryState;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  replay_of: string | null;
  created_at: Date;
  completed_at: Date | null;
}

export function toDeliverySummary(row: DeliveryRow): WebhookDeliverySummary {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    state: row.state,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    replayOf: row.replay_of,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

export function toAttempt(entity: WebhookAttemptEntity): WebhookAttempt {
  return {
    attempt: entity.attempt,
    at: entity.at.toISOString(),
    statusCode: entity.statusCode,
    durationMs: entity.durationMs,
    error: entity.error,
    responseExcerpt: entity.responseExcerpt,
  };
}
