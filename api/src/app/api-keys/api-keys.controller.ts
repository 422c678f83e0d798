import { API_PATHS } from '@advocacy/shared';
import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@Controller()
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get(API_PATHS.apiKeys.list)
  @Roles('admin')
  @ApiOperation({ summary: 'API keys (never the keys themselves)' })
  list() {
    return this.keys.list();
  }

  @Post(API_PATHS.apiKeys.list)
  @Roles('admin')
  @ApiOperation({
    summary: 'Create an API key; the key is in this answer only',
  })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateApiKeyDto) {
    return this.keys.create(ctx, body);
  }

  @Delete(API_PATHS.apiKeys.byId)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke an API key' })
  revoke(@Ctx() ctx: RequestContext, @IdParam() id: string) {
    return this.keys.revoke(ctx, id);
  }
}
