import { API_PATHS, Page, ProgrammeSummary } from '@advocacy/shared';
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
import { Ctx, RequestContext, Roles } from '../../common/access';
import { IdParam } from '../../common/http/id-param';
import { ProgrammeDto, ProgrammeListQueryDto } from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';

@ApiTags('referral-programmes')
@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get(API_PATHS.referrals.programmes)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Referral programmes, newest first' })
  list(@Query() query: ProgrammeListQueryDto): Promise<Page<ProgrammeSummary>> {
    return this.programmes.list(query);
  }

  @Post(API_PATHS.referrals.programmes)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Create a referral programme (as a draft)' })
  create(@Ctx() ctx: RequestContext, @Body() body: ProgrammeDto) {
    return this.programmes.create(ctx, body);
  }

  @Get(API_PATHS.referrals.programme)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'One referral programme' })
  get(@IdParam() id: string): Promise<ProgrammeSummary> {
    return this.programmes.get(id);
  }

  @Put(API_PATHS.referrals.programme)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Replace a referral programme’s settings' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ProgrammeDto,
  ) {
    return this.programmes.update(ctx, id, body);
  }

  @Post(API_PATHS.referrals.activate)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a draft or paused programme to advocates' })
  activate(@Ctx() ctx: RequestContext, @IdParam() id: string) {
    return this.programmes.move(ctx, id, 'activate');
  }

  @Post(API_PATHS.referrals.pause)
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a programme: its links stop redirecting' })
  pause(@Ctx() ctx: RequestContext, @IdParam() id: string) {
    return this.programmes.move(ctx, id, 'pause');
  }
}
