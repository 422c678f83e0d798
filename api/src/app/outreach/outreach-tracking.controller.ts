import { OUTREACH_TRACKING_BASE } from '@advocacy/shared';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../common/access';
import { OutreachRecipientsService } from './outreach-recipients.service';

/** The tracked link in each message: one insert, then on to the share link, which records its own click. */
@ApiExcludeController()
@Controller(OUTREACH_TRACKING_BASE)
export class OutreachTrackingController {
  constructor(private readonly recipients: OutreachRecipientsService) {}

  @Get(':token')
  @Public()
  async click(@Param('token') token: string, @Res() reply: FastifyReply) {
    const code = await this.recipients.click(token);
    return reply
      .code(302)
      .header('cache-control', 'no-store')
      .header('location', code ? `/r/${encodeURIComponent(code)}` : '/')
      .send();
  }
}
