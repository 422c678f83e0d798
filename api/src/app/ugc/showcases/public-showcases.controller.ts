import { API_PATHS, PublicShowcase, ShowcaseFeed } from '@advocacy/shared';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../../common/access';
import { IdParam } from '../../common/http/id-param';
import { MediaQueryDto } from './dto/showcase.dto';
import { EMBED_SCRIPT } from './embed-script';
import { MediaService } from './media.service';
import { ShowcasesService } from './showcases.service';

/** Caches may keep public content at most a minute, so a withdrawal is honoured within a minute. */
const PUBLIC_CACHE = 'public, max-age=60';

@ApiTags('ugc-public')
@Controller()
export class PublicShowcasesController {
  constructor(
    private readonly showcases: ShowcasesService,
    private readonly media: MediaService,
  ) {}

  @Get(API_PATHS.ugc.publicShowcase)
  @Public()
  @ApiOperation({
    summary:
      'A published showcase for the public page (website consent only), with JSON-LD',
  })
  async page(
    @Param('slug') slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicShowcase> {
    const page = await this.showcases.publicPage(slug);
    reply.header('cache-control', PUBLIC_CACHE);
    return page;
  }

  @Get(API_PATHS.ugc.feed)
  @Public()
  @ApiOperation({
    summary:
      'JSON feed of a published showcase in its consent scope (CORS open, for the widget)',
  })
  async feed(
    @Param('slug') slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ShowcaseFeed> {
    reply
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', PUBLIC_CACHE);
    return this.showcases.feed(slug);
  }

  @Get(API_PATHS.ugc.embed)
  @Public()
  @ApiProduces('text/javascript')
  @ApiOperation({
    summary:
      'The embeddable widget: <advocacy-showcase showcase="slug"> as plain JS',
  })
  embed(@Res() reply: FastifyReply) {
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=300')
      .send(EMBED_SCRIPT);
  }

  @Get(API_PATHS.ugc.media)
  @Public()
  @ApiProduces('image/webp')
  @ApiOperation({
    summary:
      'An image of a submission: public while showable, otherwise only through a signed URL',
  })
  async image(
    @IdParam() id: string,
    @Query() query: MediaQueryDto,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.media.open(
      id,
      query.v ?? 'full',
      query.exp,
      query.sig,
    );
    return reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('content-disposition', 'inline')
      .header(
        'cache-control',
        file.signed ? 'private, max-age=3600' : PUBLIC_CACHE,
      )
      .send(file.stream);
  }
}
