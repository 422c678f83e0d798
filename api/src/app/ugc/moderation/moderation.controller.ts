import {
  API_PATHS,
  BulkModerateResult,
  Page,
  UgcModerationItem,
} from '@advocacy/shared';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../../common/access';
import { IdParam } from '../../common/http/id-param';
import {
  BulkModerateDto,
  ExcerptDto,
  ModerateDto,
  ModerationQueryDto,
  TagsDto,
} from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('ugc')
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Get(API_PATHS.ugc.moderation)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({
    summary:
      'The moderation queue, filtered by status, campaign, segment snapshot, rating or media',
  })
  queue(@Query() query: ModerationQueryDto): Promise<Page<UgcModerationItem>> {
    return this.moderation.queue(query);
  }

  @Post(API_PATHS.ugc.bulk)
  @Roles('admin', 'manager', 'brand')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply one moderation action to many submissions' })
  bulk(
    @Ctx() ctx: RequestContext,
    @Body() body: BulkModerateDto,
  ): Promise<BulkModerateResult> {
    return this.moderation.bulk(ctx, body);
  }

  @Post(API_PATHS.ugc.moderate)
  @Roles('admin', 'manager', 'brand')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve, reject (with a reason), feature or unfeature',
  })
  moderate(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ModerateDto,
  ): Promise<UgcModerationItem> {
    return this.moderation.moderate(ctx, id, body);
  }

  @Post(API_PATHS.ugc.staffRevokeConsent)
  @Roles('admin', 'manager', 'brand')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Withdraw consent on the submitter’s request (e.g. by email); audited',
  })
  revokeConsent(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<UgcModerationItem> {
    return this.moderation.revokeConsent(ctx, id);
  }

  @Put(API_PATHS.ugc.tags)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Replace a submission’s tags' })
  tags(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: TagsDto,
  ): Promise<UgcModerationItem> {
    return this.moderation.tags(ctx, id, body);
  }

  @Put(API_PATHS.ugc.excerpt)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Choose the verbatim excerpt shown on showcases' })
  excerpt(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ExcerptDto,
  ): Promise<UgcModerationItem> {
    return this.moderation.excerpt(ctx, id, body);
  }
}
