import {
  ConversionEventReceipt,
  ConversionEventStatus,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors';
import { ReferralEvent } from '../entities/referral-event.entity';
import { ConversionEventDto } from './dto/conversion-event.dto';
import { EventInboxService } from './event-inbox.service';

/** Brand events: accepted into the inbox at once, their outcome read back by event id. */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inbox: EventInboxService,
  ) {}

  ingest(event: ConversionEventDto): Promise<ConversionEventReceipt> {
    return this.inbox.accept(event);
  }

  async status(eventId: string): Promise<ConversionEventStatus> {
    const event = await this.db
      .getRepository(ReferralEvent)
      .findOneBy({ eventId });
    if (!event) throw notFound('Event');
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
}
