import {
  AmbassadorDirectoryRow,
  AmbassadorFunnel,
  AmbassadorProgrammeSummary,
  API_PATHS,
  Page,
  PerkCodesResult,
  PerkView,
  TrainingModuleView,
} from '@advocacy/shared';
import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { AmbassadorPerksService } from './ambassador-perks.service';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { AmbassadorTrainingService } from './ambassador-training.service';
import { PerkCodesDto, PerkDto, TrainingModuleDto } from './dto/perk.dto';
import { AmbassadorFormDto, AmbassadorProgrammeDto } from './dto/programme.dto';

@ApiTags('ambassador-programmes')
@Controller()
export class AmbassadorProgrammesController {
  constructor(
    private readonly programmes: AmbassadorProgrammesService,
    private readonly perks: AmbassadorPerksService,
    private readonly training: AmbassadorTrainingService,
  ) {}

  @Get(API_PATHS.ambassadors.programmes)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Ambassador programmes, newest first' })
  @ApiOkResponse({ description: 'A page of programmes' })
  list(
    @Query() query: PageQueryDto,
  ): Promise<Page<AmbassadorProgrammeSummary>> {
    return this.programmes.list(query);
  }

  @Post(API_PATHS.ambassadors.programmes)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Create an ambassador programme' })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: AmbassadorProgrammeDto,
  ): Promise<AmbassadorProgrammeSummary> {
    return this.programmes.save(ctx, null, body);
  }

  @Get(API_PATHS.ambassadors.programme)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'One ambassador programme with its current form' })
  get(@IdParam() id: string): Promise<AmbassadorProgrammeSummary> {
    return this.programmes.get(id);
  }

  @Put(API_PATHS.ambassadors.programme)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary:
      'Replace a programme’s settings (eligibility, capacity, templates…)',
  })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: AmbassadorProgrammeDto,
  ): Promise<AmbassadorProgrammeSummary> {
    return this.programmes.save(ctx, id, body);
  }

  @Put(API_PATHS.ambassadors.form)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary:
      'Save the application form; a new version once anyone applied against the current one',
  })
  saveForm(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: AmbassadorFormDto,
  ): Promise<AmbassadorProgrammeSummary> {
    return this.programmes.saveForm(ctx, id, body);
  }

  @Get(API_PATHS.ambassadors.funnel)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({
    summary: 'Visited → started → submitted → approved, by segment',
  })
  funnel(@IdParam() id: string): Promise<AmbassadorFunnel> {
    return this.programmes.funnel(id);
  }

  @Get(API_PATHS.ambassadors.perks)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Perks of a programme, with codes left' })
  perksList(@IdParam() id: string): Promise<PerkView[]> {
    return this.perks.listPerks(id);
  }

  @Post(API_PATHS.ambassadors.perks)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'Add a perk (exclusive codes, early access or a reward)',
  })
  createPerk(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: PerkDto,
  ): Promise<PerkView> {
    return this.perks.createPerk(ctx, id, body);
  }

  @Post(API_PATHS.ambassadors.perkCodes)
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'Import exclusive codes (pasted list or one-column CSV)',
  })
  importCodes(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: PerkCodesDto,
  ): Promise<PerkCodesResult> {
    return this.perks.importCodes(ctx, id, body.codes);
  }

  @Get(API_PATHS.ambassadors.training)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Training modules with completion rates' })
  trainingList(@IdParam() id: string): Promise<TrainingModuleView[]> {
    return this.training.listTraining(id);
  }

  @Post(API_PATHS.ambassadors.training)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Add a training module' })
  createModule(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: TrainingModuleDto,
  ): Promise<TrainingModuleView> {
    return this.training.createModule(ctx, id, body);
  }

  @Get(API_PATHS.ambassadors.directory)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Directory of current ambassadors' })
  directory(
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AmbassadorDirectoryRow>> {
    return this.training.directory(id, query);
  }
}
