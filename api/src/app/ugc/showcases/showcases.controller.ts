import { API_PATHS, Page, UgcShowcaseSummary } from '@advocacy/shared';
import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../../common/access';
import { IdParam } from '../../common/http/id-param';
import { ShowcaseDto, ShowcaseListQueryDto } from './dto/showcase.dto';
import { ShowcasesService } from './showcases.service';

@ApiTags('ugc')
@Controller()
export class ShowcasesController {
  constructor(private readonly showcases: ShowcasesService) {}

  @Get(API_PATHS.ugc.showcases)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Showcases, recently changed first' })
  list(
    @Query() query: ShowcaseListQueryDto,
  ): Promise<Page<UgcShowcaseSummary>> {
    return this.showcases.list(query);
  }

  @Post(API_PATHS.ugc.showcases)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({
    summary: 'Create a showcase of approved submissions, in order',
  })
  create(@Ctx() ctx: RequestContext, @Body() body: ShowcaseDto) {
    return this.showcases.save(ctx, null, body);
  }

  @Get(API_PATHS.ugc.showcase)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'One showcase' })
  get(@IdParam() id: string): Promise<UgcShowcaseSummary> {
    return this.showcases.get(id);
  }

  @Put(API_PATHS.ugc.showcase)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({ summary: 'Replace a showcase, its items and their order' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: ShowcaseDto,
  ) {
    return this.showcases.save(ctx, id, body);
  }
}
