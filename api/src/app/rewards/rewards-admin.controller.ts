import { API_PATHS } from '@advocacy/shared';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ManualGrantDto } from './dto/manual-grant.dto';
import { ProgrammeLimitsDto } from './dto/programme-limits.dto';
import {
  MarkPaidDto,
  ReverseRewardDto,
  ReviewRewardDto,
} from './dto/review-reward.dto';
import { RewardListQueryDto } from './dto/reward-list-query.dto';
import { RewardLimitsService } from './reward-limits.service';
import { RewardQueriesService } from './reward-queries.service';
import { RewardReviewsService } from './reward-reviews.service';

/** Programme managers: the ledger, approvals, payouts, budgets. */
@ApiTags('rewards')
@Controller()
export class RewardsAdminController {
  constructor(
    private readonly queries: RewardQueriesService,
    private readonly reviews: RewardReviewsService,
    private readonly limits: RewardLimitsService,
  ) {}

  @Get(API_PATHS.rewards.list)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Rewards ledger; queue=approvals lists what waits for a manager',
  })
  list(@Query() query: RewardListQueryDto) {
    return this.queries.list(query);
  }

  @Post(API_PATHS.rewards.list)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Grant a reward by hand' })
  grant(@Ctx() ctx: RequestContext, @Body() body: ManualGrantDto) {
    return this.reviews.manualGrant(ctx, body);
  }

  @Post(API_PATHS.rewards.review)
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve or reject an over-budget reward, or reject a payout',
  })
  review(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ReviewRewardDto,
  ) {
    return this.reviews.review(ctx, id, body);
  }

  @Post(API_PATHS.rewards.markPaid)
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that a claimed cash or gift card reward was paid',
  })
  markPaid(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: MarkPaidDto,
  ) {
    return this.reviews.markPaid(ctx, id, body);
  }

  @Post(API_PATHS.rewards.reverse)
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reverse a reward; a delivered one is clawed back (in part with amount)',
  })
  reverse(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ReverseRewardDto,
  ) {
    return this.reviews.reverse(ctx, id, body);
  }

  @Get(API_PATHS.rewards.payoutsCsv)
  @Roles('manager', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="payouts.csv"')
  @ApiOperation({ summary: 'Paid cash and gift card rewards as CSV' })
  payouts() {
    return this.queries.payoutsCsv();
  }

  @Get(API_PATHS.rewards.yearlyTotals)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Delivered rewards per advocate per year' })
  yearly(@Query() query: PageQueryDto) {
    return this.queries.yearlyTotals(query);
  }

  @Get(API_PATHS.rewards.limits)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Budgets (used vs limit this period) and caps of every programme',
  })
  allLimits() {
    return this.limits.allLimits();
  }

  @Get(API_PATHS.rewards.programmeLimits)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: "One programme's budgets and caps" })
  programmeLimits(@IdParam() id: string) {
    return this.limits.limitsOf(id);
  }

  @Put(API_PATHS.rewards.programmeLimits)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: "Replace a programme's budgets and per-advocate caps",
  })
  setLimits(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ProgrammeLimitsDto,
  ) {
    return this.limits.setLimits(ctx, id, body);
  }
}
