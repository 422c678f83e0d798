import { API_PATHS } from '@advocacy/shared';
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
import { Ctx, RequestContext, Roles } from '../common/access';
import { SegmentMovementQueryDto } from './dto/segment-movement-query.dto';
import { SegmentRulesDto } from './dto/segment-rules.dto';
import { SegmentRecomputeService } from './segment-recompute.service';
import { SegmentRulesService } from './segment-rules.service';
import { SegmentsService } from './segments.service';

@ApiTags('segments')
@Controller()
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly rules: SegmentRulesService,
    private readonly recompute: SegmentRecomputeService,
  ) {}

  @Get(API_PATHS.segments.sizes)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Current segment sizes, in rule order' })
  sizes() {
    return this.segments.sizes();
  }

  @Get(API_PATHS.segments.movement)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'Moves between segments and NPS categories in a period',
  })
  movement(@Query() query: SegmentMovementQueryDto) {
    return this.segments.movement(query);
  }

  @Get(API_PATHS.segments.rules)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'The brand-wide segment rules' })
  getRules() {
    return this.rules.view();
  }

  @Put(API_PATHS.segments.rules)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Replace the segment rules and queue a full recompute',
  })
  async putRules(@Ctx() ctx: RequestContext, @Body() body: SegmentRulesDto) {
    const saved = await this.rules.save(ctx, body);
    await this.recompute.queueFull('segment rules changed');
    return saved;
  }

  @Post(API_PATHS.segments.preview)
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary:
      'Segment sizes these rules would give, next to the current ones; saves nothing',
  })
  preview(@Body() body: SegmentRulesDto) {
    return this.segments.preview(body);
  }

  @Post(API_PATHS.segments.recompute)
  @HttpCode(202)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Queue a full segment recompute' })
  queueRecompute(@Ctx() ctx: RequestContext) {
    return this.recompute.queueFullByStaff(ctx);
  }
}
