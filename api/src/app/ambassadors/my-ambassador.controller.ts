import {
  API_PATHS,
  MyAmbassadorProgramme,
  PerkView,
  TrainingModuleView,
} from '@advocacy/shared';
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  RequestContext,
  Roles,
} from '../common/access';
import { IdParam } from '../common/http/id-param';
import { AmbassadorApplicationsService } from './ambassador-applications.service';
import { AmbassadorPerksService } from './ambassador-perks.service';
import { AmbassadorTrainingService } from './ambassador-training.service';
import { DraftDto } from './dto/application.dto';

@ApiTags('ambassadors (advocate)')
@Controller()
export class MyAmbassadorController {
  constructor(
    private readonly applications: AmbassadorApplicationsService,
    private readonly perks: AmbassadorPerksService,
    private readonly training: AmbassadorTrainingService,
  ) {}

  @Get(API_PATHS.ambassadors.mine)
  @Roles('advocate')
  @ApiOperation({
    summary: 'Programmes I can apply to or have applied to, with my status',
  })
  mine(@CurrentUser() user: AuthUser): Promise<MyAmbassadorProgramme[]> {
    return this.applications.mine(user);
  }

  @Get(API_PATHS.ambassadors.myProgramme)
  @Roles('advocate')
  @ApiOperation({
    summary:
      'One programme: my eligibility, form, application, perks and training',
  })
  programme(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<MyAmbassadorProgramme> {
    return this.applications.programme(user, id);
  }

  @Post(API_PATHS.ambassadors.myVisit)
  @Roles('advocate')
  @HttpCode(204)
  @ApiOperation({ summary: 'Record that I opened the programme page (funnel)' })
  visit(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<void> {
    return this.applications.visit(user, id);
  }

  @Put(API_PATHS.ambassadors.myDraft)
  @Roles('advocate')
  @ApiOperation({
    summary: 'Save my answers as a draft (required fields may be empty)',
  })
  draft(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() body: DraftDto,
  ): Promise<MyAmbassadorProgramme> {
    return this.applications.saveDraft(user, id, body.answers);
  }

  @Post(API_PATHS.ambassadors.myApply)
  @Roles('advocate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit my application' })
  apply(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() body: DraftDto,
  ): Promise<MyAmbassadorProgramme> {
    return this.applications.apply(ctx, user, id, body.answers);
  }

  @Post(API_PATHS.ambassadors.myWithdraw)
  @Roles('advocate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw my open application' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<MyAmbassadorProgramme> {
    return this.applications.withdraw(user, id);
  }

  @Post(API_PATHS.ambassadors.myPerkClaim)
  @Roles('advocate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a perk: a code, early access, or a reward in my wallet',
  })
  claim(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<PerkView> {
    return this.perks.claim(user, id);
  }

  @Post(API_PATHS.ambassadors.myTrainingDone)
  @Roles('advocate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a training module complete' })
  complete(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<TrainingModuleView> {
    return this.training.complete(user, id);
  }
}
