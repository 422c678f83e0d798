import { API_PATHS } from '@advocacy/shared';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access';
import { SubmitAnswerDto } from './dto/answer.dto';
import { ResponseIntakeService } from './response-intake.service';

@ApiTags('survey-links')
@Controller()
export class SurveyLinksController {
  constructor(private readonly intake: ResponseIntakeService) {}

  @Get(API_PATHS.surveyLinks.byToken)
  @Public()
  @ApiOperation({ summary: 'The survey behind a personal link (no sign-in)' })
  view(@Param('token') token: string) {
    return this.intake.viewLink(token);
  }

  @Post(API_PATHS.surveyLinks.byToken)
  @Public()
  @ApiOperation({
    summary: 'Answer through a personal link; one answer per survey wave',
  })
  answer(@Param('token') token: string, @Body() body: SubmitAnswerDto) {
    return this.intake.answerLink(token, body);
  }
}
