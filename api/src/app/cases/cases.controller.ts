import {
  API_PATHS,
  CaseDetail,
  CaseNote,
  CaseOwnerOption,
  CaseStats,
  CaseSummary,
  Page,
} from '@advocacy/shared';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { forbidden } from '../common/errors';
import { IdParam } from '../common/http/id-param';
import { CaseStatsService } from './case-stats.service';
import { CaseWorkService } from './case-work.service';
import {
  AddCaseNoteDto,
  AssignCaseDto,
  CaseListQueryDto,
  CaseStatsQueryDto,
  MoveCaseDto,
} from './dto/case.dto';

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CaseWorkService,
    private readonly caseStats: CaseStatsService,
  ) {}

  @Get(API_PATHS.cases.list)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({
    summary: 'Follow-up cases: active ones first, soonest due first',
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: CaseListQueryDto,
  ): Promise<Page<CaseSummary>> {
    return this.cases.list(ctx, query);
  }

  @Get(API_PATHS.cases.stats)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({
    summary: 'Closed-loop numbers: contacted, resolved, scored higher later',
  })
  stats(@Query() query: CaseStatsQueryDto): Promise<CaseStats> {
    return this.caseStats.stats(query);
  }

  @Get(API_PATHS.cases.owners)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'People a case can be assigned to' })
  owners(): Promise<CaseOwnerOption[]> {
    return this.cases.owners();
  }

  @Get(API_PATHS.cases.byId)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({
    summary: 'One case with notes, state history and the customer’s answers',
  })
  get(@IdParam() id: string): Promise<CaseDetail> {
    return this.cases.get(id);
  }

  @Put(API_PATHS.cases.move)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'Move a case: contacted, resolved, closed without fix, or reopen',
  })
  move(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: MoveCaseDto,
  ): Promise<CaseSummary> {
    return this.cases.move(ctx, id, body);
  }

  @Put(API_PATHS.cases.assign)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'Give a case to a manager or admin, or leave it unassigned',
  })
  assign(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: AssignCaseDto,
  ): Promise<CaseSummary> {
    return this.cases.assign(ctx, id, body.ownerId);
  }

  @Post(API_PATHS.cases.assignToMe)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a case' })
  assignToMe(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<CaseSummary> {
    if (!ctx.user) throw forbidden();
    return this.cases.assign(ctx, id, ctx.user.id);
  }

  @Post(API_PATHS.cases.notes)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Add a note to a case' })
  addNote(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: AddCaseNoteDto,
  ): Promise<CaseNote> {
    return this.cases.addNote(ctx, id, body.body);
  }
}
