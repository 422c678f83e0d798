import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../../common/access';
import { AppConfig } from '../../config/app-config';
import { linkNotFoundPage } from './link-not-found.page';

/** Share-link paths the fast route does not take (too long, extra segments): a friendly page, never a 500. */
@ApiExcludeController()
@Controller('r')
export class RedirectController {
  constructor(private readonly config: AppConfig) {}

  @Get('*')
  @Public()
  unknown(@Res() reply: FastifyReply) {
    return reply
      .status(404)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(linkNotFoundPage(this.config.PUBLIC_URL));
  }
}
