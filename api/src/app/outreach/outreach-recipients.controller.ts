import { API_PATHS, UnsubscribeView } from '@advocacy/shared';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access';
import { OutreachRecipientsService } from './outreach-recipients.service';

/** Recipients use these from an email, without signing in; the unguessable token is the key. */
@ApiTags('outreach')
@Controller()
export class OutreachRecipientsController {
  constructor(private readonly recipients: OutreachRecipientsService) {}

  @Get(API_PATHS.outreach.unsubscribe)
  @Public()
  @ApiOperation({
    summary:
      'Whose unsubscribe link this is (masked address) and whether it was used',
  })
  view(@Param('token') token: string): Promise<UnsubscribeView> {
    return this.recipients.view(token);
  }

  @Post(API_PATHS.outreach.unsubscribe)
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Unsubscribe from outreach email; also the RFC 8058 one-click target of List-Unsubscribe',
  })
  unsubscribe(@Param('token') token: string): Promise<UnsubscribeView> {
    return this.recipients.unsubscribe(token);
  }
}
