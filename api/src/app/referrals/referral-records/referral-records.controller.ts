import { API_PATHS } from '@advocacy/shared';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Ctx,
  CurrentUser,
  AuthUser,
  RequestContext,
  Roles,
} from '../../common/access';
import { forbidden } from '../../common/errors';
import { IdParam } from '../../common/http/id-param';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import {
  ApproveReferralDto,
  ReferralListQueryDto,
  ReferralStatsQueryDto,
  RejectReferralDto,
} from './dto/referral-list-query.dto';
import { ReferralQueriesService } from './referral-queries.service';
import { ReferralReviewsService } from './referral-reviews.service';

const PATHS = API_PATHS.referralEvents;

@ApiTags('referrals')
@Controller()
export class ReferralRecordsController {
  constructor(
    private readonly queries: ReferralQueriesService,
    private readonly reviews: ReferralReviewsService,
  ) {}

  @Get(PATHS.list)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Referrals with status, segment and reason filters',
  })
  list(@Query() query: ReferralListQueryDto) {
    return this.queries.list(query);
  }

  @Get(PATHS.reviews)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary:
      'Fraud review queue: referrals in review or flagged by a shadow rule',
  })
  reviewQueue(@Query() query: PageQueryDto) {
    return this.queries.reviewQueue(query);
  }

  @Get(PATHS.stats)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Clicks → sign-ups → purchases by segment, revenue and rewards',
  })
  stats(@Query() query: ReferralStatsQueryDto) {
    return this.queries.stats(query.programmeId);
  }

  @Get(PATHS.mine)
  @Roles('advocate')
  @ApiOperation({
    summary: 'The friends I referred (masked emails) with outcomes',
  })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto) {
    if (!user.customerId)
      throw forbidden('Your account has no customer record');
    return this.queries.mine(user.customerId, query);
  }

  @Post(PATHS.approve)
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a referral in review' })
  approve(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ApproveReferralDto,
  ) {
    return this.reviews.approve(ctx, id, body.note);
  }

  @Post(PATHS.reject)
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a referral in review, with a note' })
  reject(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: RejectReferralDto,
  ) {
    return this.reviews.reject(ctx, id, body.note);
  }
}
