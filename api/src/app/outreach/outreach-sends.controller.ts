import {
  API_PATHS,
  AudienceCount,
  OutreachSendReport,
  OutreachSendView,
} from '@advocacy/shared';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import {
  AudienceCountDto,
  CreateSendDto,
  MessagesQueryDto,
} from './dto/send.dto';
import { OutreachReportsService } from './outreach-reports.service';
import { OutreachSendsService } from './outreach-sends.service';

@ApiTags('outreach')
@Controller()
export class OutreachSendsController {
  constructor(
    private readonly sends: OutreachSendsService,
    private readonly reports: OutreachReportsService,
  ) {}

  @Get(API_PATHS.outreach.sends)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Sends, newest first, with their counts' })
  list(@Query() query: PageQueryDto) {
    return this.sends.list(query);
  }

  @Post(API_PATHS.outreach.sends)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary:
      'Send a template to an audience now or at a set time; a public review request to part of the audience is refused (REVIEW_GATING)',
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateSendDto,
  ): Promise<OutreachSendView> {
    return this.sends.create(ctx, body);
  }

  @Post(API_PATHS.outreach.audienceCount)
  @Roles('manager', 'brand', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'How many an audience reaches now, and who would be skipped and why',
  })
  audienceCount(@Body() body: AudienceCountDto): Promise<AudienceCount> {
    return this.sends.audienceCount(body);
  }

  @Get(API_PATHS.outreach.send)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'Report of one send: counts, reasons, clicks by category and day',
  })
  report(@IdParam() id: string): Promise<OutreachSendReport> {
    return this.reports.report(id);
  }

  @Get(API_PATHS.outreach.sendMessages)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Recipients of one send with status and reason' })
  messages(@IdParam() id: string, @Query() query: MessagesQueryDto) {
    return this.reports.messages(id, query);
  }

  @Post(API_PATHS.outreach.cancelSend)
  @Roles('manager', 'brand', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a scheduled send, or the rest of a running one',
  })
  cancel(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<OutreachSendView> {
    return this.sends.cancel(ctx, id);
  }
}
