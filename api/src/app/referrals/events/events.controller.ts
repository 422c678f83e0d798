import { API_PATHS, ConversionEventResponse } from '@advocacy/shared';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
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
  @HttpCode(200)
  @ApiHeader({ name: 'webhook-signature', required: false })
  @ApiOperation({
    summary:
      'Brand signup, purchase or refund event (events:write API key or Standard Webhooks signature)',
  })
  async ingest(
    @Body() event: ConversionEventDto,
  ): Promise<ConversionEventResponse> {
    return (await this.events.ingest(event)).body;
  }
}
