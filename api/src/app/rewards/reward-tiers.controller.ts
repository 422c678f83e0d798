import { API_PATHS } from '@advocacy/shared';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { RewardTierDto } from './dto/reward-tier.dto';
import { RewardTierAdminService } from './reward-tier-admin.service';

/** Programme managers: the tiers of each referral programme. */
@ApiTags('rewards')
@Controller()
export class RewardTiersController {
  constructor(private readonly tiers: RewardTierAdminService) {}

  @Get(API_PATHS.rewards.programmeTiers)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: "A programme's tiers, lowest rank first" })
  list(@IdParam() id: string, @Query() query: PageQueryDto) {
    return this.tiers.list(id, query);
  }

  @Post(API_PATHS.rewards.programmeTiers)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Add a tier to a programme' })
  create(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: RewardTierDto,
  ) {
    return this.tiers.create(ctx, id, body);
  }

  @Put(API_PATHS.rewards.tier)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Replace a tier' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: RewardTierDto,
  ) {
    return this.tiers.update(ctx, id, body);
  }

  @Delete(API_PATHS.rewards.tier)
  @Roles('manager', 'admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a tier (advocates keep bonuses already granted)',
  })
  async remove(@Ctx() ctx: RequestContext, @IdParam() id: string) {
    await this.tiers.remove(ctx, id);
  }
}
