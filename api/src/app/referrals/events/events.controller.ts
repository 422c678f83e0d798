import {
  API_PATHS,
  ConversionEventReceipt,
  ConversionEventStatus,
  EventInboxItem,
  EventInboxPage,
} from '@advocacy/shared';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, Public, RequestContext, Roles } from '../../common/access';
import { IdParam } from '../../common/http/id-param';
import { ConversionEventDto } from './dto/conversion-event.dto';
import { EventInboxQueryDto } from './dto/event-inbox-query.dto';
import { EventsAuthGuard } from './events-auth.guard';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  // @Public() only because the access guard takes one rule; EventsAuthGuard demands a key or a signature.
  @Post(API_PATHS.referralEvents.events)
  @Public()
  @UseGuards(EventsAuthGuard)
  @HttpCode(202)
  @ApiHeader({ name: 'webhook-signature', required: false })
  @ApiOperation({
    summary:
      'Brand signup, purchase or refund event (events:write API key or Standard Webhooks signature). ' +
      'Answers 202 once stored; the outcome is read from statusUrl.',
  })
  ingest(@Body() event: ConversionEventDto): Promise<ConversionEventReceipt> {
    return this.events.ingest(event);
  }

  @Get(API_PATHS.referralEvents.eventStatus)
  @Public()
  @UseGuards(EventsAuthGuard)
  @ApiOperation({
    summary:
      'Processing state and outcome of a brand event (same credentials as sending it)',
  })
  status(@Param('eventId') eventId: string): Promise<ConversionEventStatus> {
    return this.events.status(eventId);
  }

  @Get(API_PATHS.referralEvents.inbox)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Brand events as received, newest first, with counts per state',
  })
  inbox(@Query() query: EventInboxQueryDto): Promise<EventInboxPage> {
    return this.events.list(query);
  }

  @Post(API_PATHS.referralEvents.inboxRetry)
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed (parked) event back for processing' })
  retry(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<EventInboxItem> {
    return this.events.retry(ctx, id);
  }
}
