import {
  Page,
  WEBHOOK_TEST_EVENT,
  WebhookDeliveryDetail,
  WebhookDeliverySummary,
  WebhookEndpointSummary,
  WebhookEndpointWithSecret,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { notFound, unprocessable } from '../common/errors';
import { PageQueryDto, toPage } from '../common/pagination/page-query.dto';
import { AppConfig } from '../config/app-config';
import {
  CreateWebhookEndpointDto,
  RotateWebhookSecretDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryQueryDto,
} from './dto/webhook-endpoint.dto';
import { WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import {
  DeliveryRow,
  RecentCounts,
  toAttempt,
  toDeliverySummary,
  toEndpointSummary,
} from './webhook-mapping';
import { newWebhookSecret } from './webhook-signing';
import { targetProblem } from './webhook-targets';

const DEFAULT_GRACE_HOURS = 24;

const DELIVERY_COLUMNS = `d.id, d.endpoint_id, d.event_id, ev.type AS event_type, d.state, d.attempts,
       d.last_status_code, d.last_error, d.replay_of, d.created_at, d.completed_at`;
const DELIVERY_FROM = `FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id`;
const DELIVERY_SELECT = `SELECT ${DELIVERY_COLUMNS} ${DELIVERY_FROM}`;

/** Admin side of webhooks: endpoints, secrets, the delivery log, replays and test events. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly dispatcher: WebhookDispatcherService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<WebhookEndpointSummary>> {
    const [rows, total] = await this.db
      .getRepository(WebhookEndpoint)
      .findAndCount({
        order: { createdAt: 'DESC' },
        skip: query.offset,
        take: query.pageSize,
      });
    const recent = await this.recentCounts(rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toEndpointSummary(row, recent.get(row.id))),
      total,
      query,
    );
  }

  async get(id: string): Promise<WebhookEndpointSummary> {
    const endpoint = await this.find(this.db.manager, id);
    const recent = await this.recentCounts([id]);
    return toEndpointSummary(endpoint, recent.get(id));
  }

  async create(
    ctx: RequestContext,
    body: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecret> {
    const url = await this.checkedUrl(body.url);
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(WebhookEndpoint);
      const saved = await repo.save(
        repo.create({
          url,
          description: body.description?.trim() ?? '',
          events: body.events,
          active: true,
          secret: newWebhookSecret(),
          createdBy: ctx.user?.id ?? null,
        }),
      );
      const summary = toEndpointSummary(saved);
      await this.audit.record(
        ctx,
        {
          action: 'webhook_endpoint.created',
          entityType: 'webhook_endpoint',
          entityId: saved.id,
          after: summary,
        },
        manager,
      );
      return { ...summary, secret: saved.secret };
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointSummary> {
    // An unchanged URL is not checked again: editing events must not fail on a DNS hiccup.
    const current = await this.find(this.db.manager, id);
    const url =
      body.url === undefined || body.url.trim() === current.url
        ? undefined
        : await this.checkedUrl(body.url);
    return this.db.transaction(async (manager) => {
      const endpoint = await this.find(manager, id, true);
      const before = toEndpointSummary(endpoint);
      if (url !== undefined) endpoint.url = url;
      if (body.description !== undefined)
        endpoint.description = body.description.trim();
      if (body.events !== undefined) endpoint.events = body.events;
      if (body.active !== undefined) endpoint.active = body.active;
      const saved = await manager.getRepository(WebhookEndpoint).save(endpoint);
      const after = toEndpointSummary(saved);
      const action =
        body.active !== undefined && body.active !== before.active
          ? body.active
            ? 'webhook_endpoint.enabled'
            : 'webhook_endpoint.disabled'
          : 'webhook_endpoint.updated';
      await this.audit.record(
        ctx,
        { action, entityType: 'webhook_endpoint', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const endpoint = await this.find(manager, id, true);
      await manager.getRepository(WebhookEndpoint).delete({ id });
      await this.audit.record(
        ctx,
        {
          action: 'webhook_endpoint.deleted',
          entityType: 'webhook_endpoint',
          entityId: id,
          before: toEndpointSummary(endpoint),
        },
        manager,
      );
    });
  }

  /** A new secret signs from now on; the old one keeps signing alongside it for the grace period. */
  async rotate(
    ctx: RequestContext,
    id: string,
    body: RotateWebhookSecretDto,
  ): Promise<WebhookEndpointWithSecret> {
    const graceHours = body.graceHours ?? DEFAULT_GRACE_HOURS;
    return this.db.transaction(async (manager) => {
      const endpoint = await this.find(manager, id, true);
      endpoint.previousSecret = graceHours > 0 ? endpoint.secret : null;
      endpoint.previousSecretExpiresAt =
        graceHours > 0 ? new Date(Date.now() + graceHours * 3_600_000) : null;
      endpoint.secret = newWebhookSecret();
      const saved = await manager.getRepository(WebhookEndpoint).save(endpoint);
      const summary = toEndpointSummary(saved);
      await this.audit.record(
        ctx,
        {
          action: 'webhook_endpoint.secret_rotated',
          entityType: 'webhook_endpoint',
          entityId: id,
          after: {
            graceHours,
            previousSecretExpiresAt: summary.previousSecretExpiresAt,
          },
        },
        manager,
      );
      return { ...summary, secret: saved.secret };
    });
  }

  /** Sends a `webhook.test` event to this endpoint only, now. */
  async sendTest(
    ctx: RequestContext,
    id: string,
  ): Promise<WebhookDeliverySummary> {
    const row = await this.db.transaction(async (manager) => {
      const endpoint = await this.find(manager, id);
      if (!endpoint.active)
        throw unprocessable('Enable the endpoint before sending a test event', {
          active: 'is false',
        });
      const [event] = await manager.query<{ id: string }[]>(
        `INSERT INTO webhook_events (type, data, endpoint_id, dispatched_at) VALUES ($1, $2, $3, now()) RETURNING id`,
        [
          WEBHOOK_TEST_EVENT,
          JSON.stringify({
            message: 'A test event from the advocacy portal',
            endpointId: id,
            sentBy: ctx.user?.email ?? null,
          }),
          id,
        ],
      );
      return this.insertDelivery(manager, event.id, id, null);
    });
    await this.dispatcher.enqueue([row.id]);
    return toDeliverySummary(row);
  }

  /** A new delivery of the same event (same `webhook-id`, so receivers that saw it can dedupe). */
  async replay(
    ctx: RequestContext,
    deliveryId: string,
  ): Promise<WebhookDeliverySummary> {
    const row = await this.db.transaction(async (manager) => {
      const [original] = await manager.query<DeliveryRow[]>(
        `${DELIVERY_SELECT} WHERE d.id = $1`,
        [deliveryId],
      );
      if (!original) throw notFound('Delivery');
      const endpoint = await this.find(manager, original.endpoint_id);
      if (!endpoint.active)
        throw unprocessable('Enable the endpoint before replaying to it', {
          active: 'is false',
        });
      const created = await this.insertDelivery(
        manager,
        original.event_id,
        original.endpoint_id,
        original.id,
      );
      await this.audit.record(
        ctx,
        {
          action: 'webhook_delivery.replayed',
          entityType: 'webhook_delivery',
          entityId: created.id,
          before: { deliveryId: original.id, state: original.state },
          after: { deliveryId: created.id, eventId: original.event_id },
        },
        manager,
      );
      return created;
    });
    await this.dispatcher.enqueue([row.id]);
    return toDeliverySummary(row);
  }

  async deliveries(
    endpointId: string,
    query: WebhookDeliveryQueryDto,
  ): Promise<Page<WebhookDeliverySummary>> {
    await this.find(this.db.manager, endpointId);
    const params: unknown[] = [endpointId];
    let where = 'd.endpoint_id = $1';
    if (query.state) {
      params.push(query.state);
      where += ` AND d.state = $${params.length}`;
    }
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM webhook_deliveries d WHERE ${where}`,
      params,
    );
    const rows = await this.db.query<DeliveryRow[]>(
      `${DELIVERY_SELECT} WHERE ${where} ORDER BY d.created_at DESC, d.id DESC
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return toPage(rows.map(toDeliverySummary), total, query);
  }

  async delivery(id: string): Promise<WebhookDeliveryDetail> {
    const [row] = await this.db.query<(DeliveryRow & { data: unknown })[]>(
      `SELECT ${DELIVERY_COLUMNS}, ev.data ${DELIVERY_FROM} WHERE d.id = $1`,
      [id],
    );
    if (!row) throw notFound('Delivery');
    const attempts = await this.db.getRepository(WebhookAttemptEntity).find({
      where: { deliveryId: id },
      order: { attempt: 'ASC' },
    });
    return {
      ...toDeliverySummary(row),
      payload: row.data,
      attemptLog: attempts.map(toAttempt),
    };
  }

  private async insertDelivery(
    manager: EntityManager,
    eventId: string,
    endpointId: string,
    replayOf: string | null,
  ): Promise<DeliveryRow> {
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (event_id, endpoint_id, replay_of) VALUES ($1, $2, $3) RETURNING id`,
      [eventId, endpointId, replayOf],
    );
    const [row] = await manager.query<DeliveryRow[]>(
      `${DELIVERY_SELECT} WHERE d.id = $1`,
      [inserted.id],
    );
    return row;
  }

  private async checkedUrl(raw: string): Promise<string> {
    const url = raw.trim();
    const problem = await targetProblem(
      url,
      this.config.webhooksAllowPrivateTargets,
    );
    if (problem)
      throw unprocessable(`The endpoint URL ${problem}`, { url: problem });
    return url;
  }

  private async find(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<WebhookEndpoint> {
    const endpoint = await manager.getRepository(WebhookEndpoint).findOne({
      where: { id },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!endpoint) throw notFound('Webhook endpoint');
    return endpoint;
  }

  private async recentCounts(
    ids: string[],
  ): Promise<Map<string, RecentCounts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<
      {
        endpoint_id: string;
        succeeded: number;
        failed: number;
        pending: number;
      }[]
    >(
      `SELECT endpoint_id,
              count(*) FILTER (WHERE state = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE state = 'failed')::int AS failed,
              count(*) FILTER (WHERE state IN ('pending', 'retrying'))::int AS pending
         FROM webhook_deliveries
        WHERE endpoint_id = ANY($1::uuid[]) AND created_at > now() - interval '7 days'
        GROUP BY endpoint_id`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.endpoint_id,
        { succeeded: row.succeeded, failed: row.failed, pending: row.pending },
      ]),
    );
  }
}
