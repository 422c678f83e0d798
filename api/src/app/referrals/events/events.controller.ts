import {
  API_PATHS,
  ConversionEventReceipt,
  ConversionEventStatus,
} from '@advocacy/shared';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access';
import { ConversionEventDto } from './dto/conversion-event.dto';
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
}
