import {
  API_PATHS,
  OutreachPreview,
  OutreachTemplateView,
} from '@advocacy/shared';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import {
  ListTemplatesQueryDto,
  OutreachTemplateDto,
  PreviewDto,
} from './dto/template.dto';
import { OutreachPreviewService } from './outreach-preview.service';
import { OutreachTemplatesService } from './outreach-templates.service';

@ApiTags('outreach')
@Controller()
export class OutreachTemplatesController {
  constructor(
    private readonly templates: OutreachTemplatesService,
    private readonly previews: OutreachPreviewService,
  ) {}

  @Get(API_PATHS.outreach.templates)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'Outreach templates by purpose (archived ones on request)',
  })
  list(@Query() query: ListTemplatesQueryDto) {
    return this.templates.list(query);
  }

  @Post(API_PATHS.outreach.templates)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary:
      'Create a template; unknown {{variables}} are refused (422) with their position',
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: OutreachTemplateDto,
  ): Promise<OutreachTemplateView> {
    return this.templates.create(ctx, body);
  }

  @Get(API_PATHS.outreach.template)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'One template' })
  get(@IdParam() id: string): Promise<OutreachTemplateView> {
    return this.templates.get(id);
  }

  @Put(API_PATHS.outreach.template)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'Update a template (past sends keep their own copy)',
  })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: OutreachTemplateDto,
  ): Promise<OutreachTemplateView> {
    return this.templates.update(ctx, id, body);
  }

  @Delete(API_PATHS.outreach.template)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'Archive a template (kept for the sends that used it)',
  })
  archive(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<OutreachTemplateView> {
    return this.templates.archive(ctx, id, true);
  }

  @Post(API_PATHS.outreach.restoreTemplate)
  @Roles('manager', 'brand', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Restore an archived template' })
  restore(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<OutreachTemplateView> {
    return this.templates.archive(ctx, id, false);
  }

  @Post(API_PATHS.outreach.preview)
  @Roles('manager', 'brand', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Render a draft, with a real customer’s values when one is given',
  })
  preview(@Body() body: PreviewDto): Promise<OutreachPreview> {
    return this.previews.preview(body);
  }
}
