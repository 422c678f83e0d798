import {
  WEBHOOK_EVENT_DESCRIPTIONS,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryState,
  WebhookEventType,
} from '@advocacy/shared';

export const DELIVERY_STATE_LABELS: Readonly<
  Record<WebhookDeliveryState, string>
> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Delivered',
  failed: 'Failed',
};

export interface EventOption {
  type: WebhookEventType;
  description: string;
}

export const EVENT_OPTIONS: readonly EventOption[] = WEBHOOK_EVENT_TYPES.map(
  (type) => ({ type, description: WEBHOOK_EVENT_DESCRIPTIONS[type] }),
);

/** The events ticked in a checkbox map, in the canonical order. */
export function selectedEvents(
  ticked: Partial<Record<WebhookEventType, boolean>>,
): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => ticked[type] === true);
}

/** "200", "timed out", "500": what the receiver did, in a few characters. */
export function outcomeLabel(
  statusCode: number | null,
  error: string | null,
): string {
  if (statusCode !== null) return `HTTP ${statusCode}`;
  if (!error) return '—';
  if (error.startsWith('timed out')) return 'Timed out';
  if (error.startsWith('refused')) return 'Refused';
  return 'No answer';
}
