import {
  API_PATHS,
  Page,
  UgcCampaignSummary,
  UgcOpenCampaign,
} from '@advocacy/shared';
import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, CurrentUser, RequestContext, Roles } from '../../common/access';
import type { AuthUser } from '../../common/access';
import { forbidden } from '../../common/errors';
import { IdParam } from '../../common/http/id-param';
import { CampaignsService } from './campaigns.service';
import { CampaignDto, CampaignListQueryDto } from './dto/campaign.dto';

@ApiTags('ugc')
@Controller()
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get(API_PATHS.ugc.campaigns)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'UGC campaigns, newest first' })
  list(
    @Query() query: CampaignListQueryDto,
  ): Promise<Page<UgcCampaignSummary>> {
    return this.campaigns.list(query);
  }

  @Post(API_PATHS.ugc.campaigns)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Create a UGC campaign' })
  create(@Ctx() ctx: RequestContext, @Body() body: CampaignDto) {
    return this.campaigns.create(ctx, body);
  }

  @Get(API_PATHS.ugc.campaign)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'One UGC campaign' })
  get(@IdParam() id: string): Promise<UgcCampaignSummary> {
    return this.campaigns.get(id);
  }

  @Put(API_PATHS.ugc.campaign)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Replace a UGC campaign’s settings' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: CampaignDto,
  ) {
    return this.campaigns.update(ctx, id, body);
  }

  @Get(API_PATHS.ugc.openCampaigns)
  @Roles('advocate')
  @ApiOperation({
    summary: 'Campaigns the signed-in advocate may submit to now',
  })
  open(@CurrentUser() user: AuthUser): Promise<UgcOpenCampaign[]> {
    if (!user.customerId) throw forbidden('Only advocates may submit content');
    return this.campaigns.openFor(user.customerId);
  }
}
