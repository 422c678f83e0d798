import { OUTREACH_TRACKING_BASE } from '@advocacy/shared';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../common/access';
import { OutreachRecipientsService } from './outreach-recipients.service';

/** The tracked link in each message: one insert, then on to the share link, which records its own click. */
@ApiTags('outreach')
@Controller(OUTREACH_TRACKING_BASE)
export class OutreachTrackingController {
  constructor(private readonly recipients: OutreachRecipientsService) {}

  @Get(':token')
  @Public()
  @ApiOperation({
    summary:
      'Tracked link in an outreach email: counts the click, then redirects to the share link',
  })
  @ApiResponse({
    status: 302,
    description: 'To /r/:code (or the portal home for an unknown link)',
  })
  async click(@Param('token') token: string, @Res() reply: FastifyReply) {
    const code = await this.recipients.click(token);
    return reply
      .code(302)
      .header('cache-control', 'no-store')
      .header('location', code ? `/r/${encodeURIComponent(code)}` : '/')
      .send();
  }
}
