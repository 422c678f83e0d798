import { ConversionEventResponse, EventOutcome } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { sha256 } from '../../common/crypto/hash';
import { unprocessable } from '../../common/errors';
import { stableJson } from '../../common/idempotency/idempotency.service';
import { QUEUES, SegmentJobs } from '../../queues/queue-names';
import { ReferralEvent } from '../entities/referral-event.entity';
import { ConversionEventDto } from './dto/conversion-event.dto';
import { ConversionHandlers, HandledEvent } from './conversion-handlers';

export interface EventAnswer {
  status: number;
  body: ConversionEventResponse;
}

/**
 * Processes a brand event exactly once per event id: a transaction-scoped advisory lock on the id
 * makes concurrent duplicates wait, then replay the stored answer; a reused id with another body is 422.
 */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: ConversionHandlers,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
  ) {}

  async ingest(event: ConversionEventDto): Promise<EventAnswer> {
    const hash = sha256(
      stableJson({ ...event, customer: { ...event.customer } }),
    );
    const { answer, recompute } = await this.db.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('referral-event:' || $1, 0))`,
        [event.id],
      );
      const stored = await manager
        .getRepository(ReferralEvent)
        .findOneBy({ eventId: event.id });
      if (stored) return { answer: replay(stored, hash), recompute: [] };
      const handled: HandledEvent = await this.handlers.handle(manager, event);
      const body = response(event.id, handled.outcome, handled.referralId);
      await this.store(manager, event, hash, body);
      return { answer: { status: 200, body }, recompute: handled.recompute };
    });
    if (recompute.length > 0) {
      const data: SegmentJobs['recompute'] = {
        customerIds: recompute,
        reason: 'referral qualified',
      };
      await this.segments.add('recompute', data);
    }
    return answer;
  }

  private async store(
    manager: EntityManager,
    event: ConversionEventDto,
    hash: string,
    body: ConversionEventResponse,
  ): Promise<void> {
    await manager.getRepository(ReferralEvent).insert({
      eventId: event.id,
      type: event.type,
      payloadHash: hash,
      responseStatus: 200,
      responseBody: body,
    });
  }
}

function response(
  eventId: string,
  outcome: EventOutcome,
  referralId: string | null,
): ConversionEventResponse {
  return { eventId, outcome, referralId };
}

function replay(stored: ReferralEvent, hash: string): EventAnswer {
  if (stored.payloadHash !== hash)
    throw unprocessable(
      'This event id was already used for a different event',
      {
        id: 'was already used for a different event',
      },
    );
  return {
    status: stored.responseStatus,
    body: stored.responseBody as ConversionEventResponse,
  };
}
