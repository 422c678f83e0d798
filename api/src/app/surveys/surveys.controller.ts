import { API_PATHS } from '@advocacy/shared';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthUser,
  CurrentUser,
  Ctx,
  RequestContext,
  Roles,
} from '../common/access';
import { IdParam } from '../common/http/id-param';
import { CreateSurveyLinkDto, PortalAnswerDto } from './dto/answer.dto';
import { CreateSurveyDto, UpdateSurveyDto } from './dto/create-survey.dto';
import { ListSurveysQueryDto } from './dto/list-surveys-query.dto';
import { ResponseIntakeService } from './response-intake.service';
import { SurveysService } from './surveys.service';

@ApiTags('surveys')
@Controller()
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly intake: ResponseIntakeService,
  ) {}

  @Get(API_PATHS.surveys.list)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'Surveys, active first, with their response counts',
  })
  list(@Query() query: ListSurveysQueryDto) {
    return this.surveys.list(query);
  }

  @Post(API_PATHS.surveys.list)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Create an NPS (0–10) or CSAT (1–5) survey' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateSurveyDto) {
    return this.surveys.create(ctx, body);
  }

  @Get(API_PATHS.surveys.offer)
  @Roles('advocate')
  @ApiOperation({
    summary:
      'The survey to offer the signed-in advocate, unless they answered one recently',
  })
  offer(@CurrentUser() user: AuthUser) {
    return this.intake.offer(user);
  }

  @Get(API_PATHS.surveys.byId)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'One survey' })
  get(@IdParam() id: string) {
    return this.surveys.get(id);
  }

  @Patch(API_PATHS.surveys.byId)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Change wording, throttle or activity of a survey' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: UpdateSurveyDto,
  ) {
    return this.surveys.update(ctx, id, body);
  }

  @Delete(API_PATHS.surveys.byId)
  @Roles('manager', 'brand', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a survey that has no responses yet' })
  remove(@Ctx() ctx: RequestContext, @IdParam() id: string) {
    return this.surveys.remove(ctx, id);
  }

  @Post(API_PATHS.surveys.waves)
  @Roles('manager', 'brand', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Start a new wave: everyone may answer once more (throttle permitting)',
  })
  startWave(@Ctx() ctx: RequestContext, @IdParam() id: string) {
    return this.surveys.startWave(ctx, id);
  }

  @Post(API_PATHS.surveys.links)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary:
      'A personal link for one customer, answerable once in the current wave without signing in',
  })
  createLink(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: CreateSurveyLinkDto,
  ) {
    return this.surveys.createLink(ctx, id, body);
  }

  @Post(API_PATHS.surveys.answers)
  @Roles('advocate')
  @ApiOperation({ summary: 'The signed-in advocate answers an active survey' })
  answer(@CurrentUser() user: AuthUser, @Body() body: PortalAnswerDto) {
    return this.intake.answerInPortal(user, body.surveyId, body);
  }
}
