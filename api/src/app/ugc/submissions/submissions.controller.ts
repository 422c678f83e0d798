import {
  API_PATHS,
  Page,
  UgcOpenCampaign,
  UgcSubmissionView,
} from '@advocacy/shared';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import {
  Ctx,
  CurrentUser,
  Public,
  RequestContext,
  Roles,
} from '../../common/access';
import type { AuthUser } from '../../common/access';
import { forbidden } from '../../common/errors';
import { IdParam } from '../../common/http/id-param';
import {
  MySubmissionsQueryDto,
  SubmissionFormDoc,
} from './dto/submission-fields.dto';
import { LinkRateLimiter } from './link-rate-limiter';
import { SubmissionsService } from './submissions.service';

@ApiTags('ugc')
@Controller()
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly limiter: LinkRateLimiter,
  ) {}

  @Post(API_PATHS.ugc.submissions)
  @Roles('advocate')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SubmissionFormDoc })
  @ApiOperation({
    summary:
      'Submit a testimonial or UGC to a campaign (multipart: fields plus up to 4 "images")',
  })
  submit(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<UgcSubmissionView> {
    return this.submissions.submitFromPortal(ctx, ownCustomer(user), request);
  }

  @Get(API_PATHS.ugc.mine)
  @Roles('advocate')
  @ApiOperation({
    summary: 'The signed-in advocate’s submissions, newest first',
  })
  mine(
    @CurrentUser() user: AuthUser,
    @Query() query: MySubmissionsQueryDto,
  ): Promise<Page<UgcSubmissionView>> {
    return this.submissions.mine(ownCustomer(user), query);
  }

  @Post(API_PATHS.ugc.revokeConsent)
  @Roles('advocate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Withdraw consent for one of my submissions; it leaves every showcase within a minute',
  })
  revoke(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<UgcSubmissionView> {
    return this.submissions.revokeConsent(ctx, ownCustomer(user), id);
  }

  @Get(API_PATHS.ugc.link)
  @Public()
  @ApiOperation({ summary: 'The campaign behind a public testimonial link' })
  link(@Param('token') token: string): Promise<UgcOpenCampaign> {
    return this.submissions.linkCampaign(token);
  }

  @Post(API_PATHS.ugc.link)
  @Public()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SubmissionFormDoc })
  @ApiOperation({
    summary:
      'Submit a testimonial through a public link (name and email required; rate limited)',
  })
  async submitLink(
    @Ctx() ctx: RequestContext,
    @Param('token') token: string,
    @Req() request: FastifyRequest,
  ): Promise<{ id: string; status: 'pending' }> {
    await this.limiter.hit(ctx.ip);
    return this.submissions.submitFromLink(ctx, token, request);
  }
}

function ownCustomer(user: AuthUser): string {
  if (!user.customerId) throw forbidden('Only advocates may submit content');
  return user.customerId;
}
