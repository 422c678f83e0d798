import { API_PATHS } from '@advocacy/shared';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Roles } from '../common/access';
import { npsTrendCsv, verbatimsCsv } from './analytics-csv';
import { AnalyticsQueryDto } from './dto/analytics-query.dto';
import { VerbatimQueryDto } from './dto/verbatim-query.dto';
import { NpsAnalyticsService } from './nps-analytics.service';
import { VerbatimsService } from './verbatims.service';

function sendCsv(reply: FastifyReply, name: string, body: string): string {
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`);
  return body;
}

@ApiTags('analytics')
@Controller()
export class AnalyticsController {
  constructor(
    private readonly nps: NpsAnalyticsService,
    private readonly verbatims: VerbatimsService,
  ) {}

  @Get(API_PATHS.analytics.nps)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary:
      'NPS per week or month with n, 95% interval and the last change tested',
  })
  npsTrend(@Query() query: AnalyticsQueryDto) {
    return this.nps.npsTrend(query);
  }

  @Get(API_PATHS.analytics.npsCsv)
  @Roles('manager', 'brand', 'admin')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The NPS-over-time table as CSV' })
  async npsTrendCsv(
    @Query() query: AnalyticsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const trend = await this.nps.npsTrend(query);
    return sendCsv(reply, `nps-by-${trend.interval}.csv`, npsTrendCsv(trend));
  }

  @Get(API_PATHS.analytics.distribution)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'How many answered each score 0–10' })
  distribution(@Query() query: AnalyticsQueryDto) {
    return this.nps.distribution(query);
  }

  @Get(API_PATHS.analytics.csat)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'CSAT (share of 4 and 5) per week or month' })
  csat(@Query() query: AnalyticsQueryDto) {
    return this.nps.csatTrend(query);
  }

  @Get(API_PATHS.analytics.verbatims)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'Comments, newest first, by current segment and score range',
  })
  verbatimList(@Query() query: VerbatimQueryDto) {
    return this.verbatims.list(query);
  }

  @Get(API_PATHS.analytics.verbatimsCsv)
  @Roles('manager', 'brand', 'admin')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The filtered comments as CSV' })
  async verbatimCsv(
    @Query() query: VerbatimQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendCsv(
      reply,
      'verbatims.csv',
      verbatimsCsv(await this.verbatims.exportAll(query)),
    );
  }
}
