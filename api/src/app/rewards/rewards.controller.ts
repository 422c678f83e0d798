import { API_PATHS, RewardSummary, Wallet } from '@advocacy/shared';
import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { IDEMPOTENCY_HEADER } from '../common/idempotency/idempotency.service';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { RewardClaimsService } from './reward-claims.service';
import { RewardQueriesService } from './reward-queries.service';

/** The advocate's side: their own rewards only. */
@ApiTags('rewards')
@Controller()
export class RewardsController {
  constructor(
    private readonly queries: RewardQueriesService,
    private readonly claims: RewardClaimsService,
  ) {}

  @Get(API_PATHS.rewards.mine)
  @Roles('advocate')
  @ApiOperation({ summary: 'My rewards, newest first, each with its history' })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto) {
    return this.queries.mine(user.customerId, query);
  }

  @Get(API_PATHS.rewards.wallet)
  @Roles('advocate')
  @ApiOperation({
    summary: 'My balances (derived from the ledger) and tier progress',
  })
  wallet(@CurrentUser() user: AuthUser): Promise<Wallet> {
    return this.queries.wallet(user.customerId);
  }

  @Post(API_PATHS.rewards.claim)
  @Roles('advocate')
  @HttpCode(200)
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: true,
    description: '1–255 characters; reuse it when retrying',
  })
  @ApiOperation({ summary: 'Claim one of my available rewards (idempotent)' })
  async claim(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RewardSummary> {
    const response = await this.claims.claim(user, id, key);
    reply.status(response.status);
    if (response.replayed) reply.header('Idempotent-Replayed', 'true');
    return response.body;
  }
}
