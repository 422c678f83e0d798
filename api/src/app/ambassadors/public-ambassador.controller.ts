import {
  API_PATHS,
  ConfirmApplicationEmailResult,
  PublicAmbassadorProgramme,
  PublicApplyResult,
} from '@advocacy/shared';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, Public, RequestContext } from '../common/access';
import { invalid } from '../common/errors';
import { AmbassadorPublicService } from './ambassador-public.service';
import { ApplicationEmailConfirmationService } from './application-email-confirmation.service';
import {
  ConfirmApplicationEmailDto,
  FunnelEventDto,
  PublicApplyDto,
} from './dto/application.dto';
import { PublicApplyRateLimiter } from './public-apply-rate-limiter';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

function slugOf(raw: string): string {
  if (!SLUG.test(raw)) throw invalid({ slug: 'is not a programme address' });
  return raw;
}

@ApiTags('ambassadors (public)')
@Controller()
export class PublicAmbassadorController {
  constructor(
    private readonly applications: AmbassadorPublicService,
    private readonly limiter: PublicApplyRateLimiter,
    private readonly confirmation: ApplicationEmailConfirmationService,
  ) {}

  @Get(API_PATHS.ambassadors.publicProgramme)
  @Public()
  @ApiOperation({
    summary: 'A programme’s public page: description, requirements and form',
  })
  programme(@Param('slug') slug: string): Promise<PublicAmbassadorProgramme> {
    return this.applications.publicProgramme(slugOf(slug));
  }

  @Post(API_PATHS.ambassadors.publicEvent)
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Record a visit or a started form (anonymous funnel)',
  })
  async event(
    @Ctx() ctx: RequestContext,
    @Param('slug') slug: string,
    @Body() body: FunnelEventDto,
  ): Promise<void> {
    await this.limiter.event(ctx.ip);
    await this.applications.publicEvent(
      slugOf(slug),
      body.stage,
      body.visitorId,
    );
  }

  @Post(API_PATHS.ambassadors.publicApply)
  @Public()
  @ApiOperation({ summary: 'Apply by email without an account (rate-limited)' })
  async apply(
    @Ctx() ctx: RequestContext,
    @Param('slug') slug: string,
    @Body() body: PublicApplyDto,
  ): Promise<PublicApplyResult> {
    await this.limiter.apply(ctx.ip);
    return this.applications.publicApply(
      ctx,
      slugOf(slug),
      body.email,
      body.name,
      body.answers,
    );
  }

  @Post(API_PATHS.ambassadors.publicConfirmEmail)
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a public applicant’s email with the emailed token',
  })
  async confirmEmail(
    @Ctx() ctx: RequestContext,
    @Body() body: ConfirmApplicationEmailDto,
  ): Promise<ConfirmApplicationEmailResult> {
    await this.limiter.event(ctx.ip);
    return this.confirmation.confirm(ctx, body.token);
  }
}
