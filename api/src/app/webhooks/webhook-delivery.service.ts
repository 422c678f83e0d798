import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhookEvent } from './entities/webhook-event.entity';
import { sendWebhook, SendResult } from './webhook-sender';
import { signatureHeader } from './webhook-signing';

export type AttemptOutcome = 'succeeded' | 'retry' | 'failed' | 'skipped';

/** The JSON body receivers get; identical on every attempt and replay of one event. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: event.data,
  });
}

/** Makes one HTTP attempt of a delivery and logs it. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * `final` is true on the last attempt the queue will make: a failure then marks the delivery
   * failed instead of retrying. Answers `retry` when the caller should try again later.
   */
  async attempt(
    deliveryId: string,
    options: { final: boolean },
  ): Promise<AttemptOutcome> {
    const delivery = await this.db.getRepository(WebhookDelivery).findOne({
      where: { id: deliveryId },
      relations: { event: true, endpoint: true },
    });
    if (!delivery?.event || !delivery.endpoint) return 'skipped';
    if (delivery.state === 'succeeded' || delivery.state === 'failed')
      return 'skipped';
    const { event, endpoint } = delivery;
    if (!endpoint.active) {
      await this.record(
        delivery,
        {
          statusCode: null,
          durationMs: 0,
          error: 'endpoint is disabled',
          responseExcerpt: null,
          blocked: true,
        },
        'failed',
      );
      return 'failed';
    }
    const sent = await this.send(endpoint, event);
    const ok =
      sent.statusCode !== null &&
      sent.statusCode >= 200 &&
      sent.statusCode < 300;
    const result: SendResult = {
      ...sent,
      error: sent.error ?? (ok ? null : `receiver answered ${sent.statusCode}`),
    };
    const outcome: AttemptOutcome = ok
      ? 'succeeded'
      : result.blocked || options.final
        ? 'failed'
        : 'retry';
    await this.record(
      delivery,
      result,
      outcome === 'retry' ? 'retrying' : outcome,
    );
    return outcome;
  }

  private send(
    endpoint: WebhookEndpoint,
    event: WebhookEvent,
  ): Promise<SendResult> {
    const body = webhookBody(event);
    const timestamp = Math.floor(Date.now() / 1000);
    return sendWebhook({
      url: endpoint.url,
      body,
      timeoutSeconds: this.config.WEBHOOKS_TIMEOUT_SECONDS,
      allowPrivate: this.config.webhooksAllowPrivateTargets,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'AdvocacyPortal-Webhooks/1.0',
        'webhook-id': event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(
          endpoint,
          event.id,
          timestamp,
          body,
        ),
      },
    });
  }

  private async record(
    delivery: WebhookDelivery,
    result: SendResult,
    state: 'succeeded' | 'retrying' | 'failed',
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [row] = await manager.query<{ attempts: number }[]>(
        `UPDATE webhook_deliveries
            SET attempts = attempts + 1, state = $2, last_status_code = $3, last_error = $4,
                completed_at = CASE WHEN $2 IN ('succeeded', 'failed') THEN now() ELSE NULL END
          WHERE id = $1 RETURNING attempts`,
        [delivery.id, state, result.statusCode, result.error],
      );
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, attempt, status_code, duration_ms, error, response_excerpt)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          delivery.id,
          row?.attempts ?? delivery.attempts + 1,
          result.statusCode,
          result.durationMs,
          result.error,
          result.responseExcerpt,
        ],
      );
    });
  }
}
