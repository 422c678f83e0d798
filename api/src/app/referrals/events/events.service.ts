import {
  ConversionEventReceipt,
  ConversionEventStatus,
  EVENT_PROCESSING_STATES,
  EventInboxItem,
  EventInboxPage,
  EventProcessingState,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestContext } from '../../common/access';
import { conflict, notFound } from '../../common/errors';
import { toPage } from '../../common/pagination/page-query.dto';
import { ReferralEvent } from '../entities/referral-event.entity';
import { ConversionEventDto } from './dto/conversion-event.dto';
import { EventInboxQueryDto } from './dto/event-inbox-query.dto';
import { EventInboxService } from './event-inbox.service';

/** Brand events: accepted into the inbox at once, their outcome read back by event id. */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inbox: EventInboxService,
    private readonly audit: AuditService,
  ) {}

  ingest(event: ConversionEventDto): Promise<ConversionEventReceipt> {
    return this.inbox.accept(event);
  }

  async status(eventId: string): Promise<ConversionEventStatus> {
    const event = await this.db
      .getRepository(ReferralEvent)
      .findOneBy({ eventId });
    if (!event) throw notFound('Event');
    return toStatus(event);
  }

  async list(query: EventInboxQueryDto): Promise<EventInboxPage> {
    const events = this.db.getRepository(ReferralEvent);
    const [rows, total] = await events.findAndCount({
      where: query.state ? { state: query.state } : {},
      order: { createdAt: 'DESC', seq: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const counted: { state: EventProcessingState; n: number }[] =
      await this.db.query(
        `SELECT state, count(*)::int AS n FROM referral_events GROUP BY state`,
      );
    const counts = Object.fromEntries(
      EVENT_PROCESSING_STATES.map((state) => [
        state,
        counted.find((row) => row.state === state)?.n ?? 0,
      ]),
    ) as Record<EventProcessingState, number>;
    return {
      ...toPage(
        rows.map((row) => ({ id: row.id, ...toStatus(row) })),
        total,
        query,
      ),
      counts,
    };
  }

  /** A parked event goes back to the head of its lane for a fresh round of attempts. */
  async retry(ctx: RequestContext, id: string): Promise<EventInboxItem> {
    return this.db.transaction(async (manager) => {
      const event = await manager
        .getRepository(ReferralEvent)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!event) throw notFound('Event');
      if (event.state !== 'failed')
        throw conflict('Only a failed event can be retried', {
          state: `is ${event.state}`,
        });
      await manager.getRepository(ReferralEvent).update(
        { id },
        {
          state: 'received',
          attempts: 0,
          nextAttemptAt: null,
          lastError: null,
        },
      );
      await this.audit.record(
        ctx,
        {
          action: 'referral_event.retry',
          entityType: 'referral_event',
          entityId: id,
          before: {
            state: event.state,
            attempts: event.attempts,
            error: event.lastError,
          },
          after: { state: 'received' },
        },
        manager,
      );
      const retried = await manager
        .getRepository(ReferralEvent)
        .findOneByOrFail({ id });
      return { id, ...toStatus(retried) };
    });
  }
}

function toStatus(event: ReferralEvent): ConversionEventStatus {
  return {
    eventId: event.eventId,
    type: event.type,
    state: event.state,
    outcome: event.result?.outcome ?? null,
    referralId: event.result?.referralId ?? null,
    attempts: event.attempts,
    error: event.lastError,
    receivedAt: event.createdAt.toISOString(),
    processedAt: event.processedAt?.toISOString() ?? null,
  };
}
