import { API_PATHS } from '@advocacy/shared';
import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Ctx, RequestContext, Roles } from '../common/access';
import { invalid } from '../common/errors';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { CouponPoolsService } from './coupon-pools.service';
import { CreateCouponPoolDto, ImportCouponsDto } from './dto/coupon-pool.dto';

@ApiTags('rewards')
@Controller()
export class CouponPoolsController {
  constructor(private readonly pools: CouponPoolsService) {}

  @Get(API_PATHS.rewards.pools)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Coupon pools with codes remaining and a low-stock flag',
  })
  list(@Query() query: PageQueryDto) {
    return this.pools.list(query);
  }

  @Post(API_PATHS.rewards.pools)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Create a coupon pool' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateCouponPoolDto) {
    return this.pools.create(ctx, body);
  }

  @Post(API_PATHS.rewards.poolCodes)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Add codes from a JSON list; duplicates refuse the whole list',
  })
  importJson(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ImportCouponsDto,
  ) {
    return this.pools.importCodes(ctx, id, body.codes);
  }

  @Post(API_PATHS.rewards.poolCodesCsv)
  @Roles('manager', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Add codes from an uploaded CSV (column `code` or the first column)',
  })
  async importCsv(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Req() request: FastifyRequest,
  ) {
    if (!request.isMultipart())
      throw invalid({ file: 'upload a CSV file as multipart/form-data' });
    const file = await request.file();
    if (!file) throw invalid({ file: 'is required' });
    const text = (await file.toBuffer()).toString('utf8');
    return this.pools.importCodes(ctx, id, this.pools.parseCsv(text));
  }
}
