import {
  API_PATHS,
  ApplicationDetail,
  ApplicationRow,
  BulkDecisionResult,
  DecisionResult,
  Page,
} from '@advocacy/shared';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { AmbassadorReviewsService } from './ambassador-reviews.service';
import {
  ApplicationListQueryDto,
  BulkDecisionDto,
  DecisionDto,
  InviteNextDto,
  NoteDto,
} from './dto/application.dto';

@ApiTags('ambassador-applications')
@Controller()
export class AmbassadorReviewsController {
  constructor(private readonly reviews: AmbassadorReviewsService) {}

  @Get(API_PATHS.ambassadors.applications)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary:
      'Review board: applications filtered by state, segment, score and date',
  })
  @ApiOkResponse({ description: 'A page of applications' })
  board(
    @IdParam() id: string,
    @Query() query: ApplicationListQueryDto,
  ): Promise<Page<ApplicationRow>> {
    return this.reviews.board(id, query);
  }

  @Post(API_PATHS.ambassadors.bulk)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide many applications; each succeeds or fails on its own',
  })
  bulk(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: BulkDecisionDto,
  ): Promise<BulkDecisionResult> {
    return this.reviews.bulk(ctx, id, body.ids, body);
  }

  @Post(API_PATHS.ambassadors.inviteNext)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve the next N from the waitlist, in the programme’s fair order',
  })
  inviteNext(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: InviteNextDto,
  ): Promise<DecisionResult[]> {
    return this.reviews.inviteNext(ctx, id, body.count);
  }

  @Get(API_PATHS.ambassadors.application)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary:
      'One application with the applicant’s segment, referrals, NPS history and notes',
  })
  detail(@IdParam() id: string): Promise<ApplicationDetail> {
    return this.reviews.detail(id);
  }

  @Post(API_PATHS.ambassadors.decision)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Review, approve (waitlists when full), reject with a reason, or waitlist',
  })
  decide(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: DecisionDto,
  ): Promise<DecisionResult> {
    return this.reviews.decide(ctx, id, body);
  }

  @Post(API_PATHS.ambassadors.notes)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add an internal reviewer note (never shown to the applicant)',
  })
  note(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: NoteDto,
  ): Promise<ApplicationDetail> {
    return this.reviews.addNote(ctx, id, body.body);
  }

  @Post(API_PATHS.ambassadors.revoke)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke ambassador status' })
  revoke(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<ApplicationDetail> {
    return this.reviews.revoke(ctx, id);
  }
}
