import {
  API_PATHS,
  Page,
  WebhookDeliveryDetail,
  WebhookDeliverySummary,
  WebhookEndpointSummary,
  WebhookEndpointWithSecret,
} from '@advocacy/shared';
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
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import {
  CreateWebhookEndpointDto,
  RotateWebhookSecretDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryQueryDto,
} from './dto/webhook-endpoint.dto';
import { WebhookEndpointsService } from './webhook-endpoints.service';

@ApiTags('webhooks')
@Controller()
export class WebhooksController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Get(API_PATHS.webhooks.endpoints)
  @Roles('admin')
  @ApiOperation({ summary: 'Webhook endpoints, newest first' })
  list(@Query() query: PageQueryDto): Promise<Page<WebhookEndpointSummary>> {
    return this.endpoints.list(query);
  }

  @Post(API_PATHS.webhooks.endpoints)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Register an endpoint; the answer holds its signing secret, shown only this once',
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.create(ctx, body);
  }

  @Get(API_PATHS.webhooks.endpoint)
  @Roles('admin')
  @ApiOperation({ summary: 'One webhook endpoint' })
  get(@IdParam() id: string): Promise<WebhookEndpointSummary> {
    return this.endpoints.get(id);
  }

  @Patch(API_PATHS.webhooks.endpoint)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Change an endpoint’s URL, events or description, or disable/enable it',
  })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointSummary> {
    return this.endpoints.update(ctx, id, body);
  }

  @Delete(API_PATHS.webhooks.endpoint)
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint and its delivery log' })
  remove(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<void> {
    return this.endpoints.remove(ctx, id);
  }

  @Post(API_PATHS.webhooks.rotate)
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Issue a new signing secret (shown once); the old one keeps signing for the grace period',
  })
  rotate(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.rotate(ctx, id, body);
  }

  @Post(API_PATHS.webhooks.test)
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a webhook.test event to this endpoint' })
  test(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<WebhookDeliverySummary> {
    return this.endpoints.sendTest(ctx, id);
  }

  @Get(API_PATHS.webhooks.deliveries)
  @Roles('admin')
  @ApiOperation({ summary: 'An endpoint’s deliveries, newest first' })
  deliveries(
    @IdParam() id: string,
    @Query() query: WebhookDeliveryQueryDto,
  ): Promise<Page<WebhookDeliverySummary>> {
    return this.endpoints.deliveries(id, query);
  }

  @Get(API_PATHS.webhooks.delivery)
  @Roles('admin')
  @ApiOperation({ summary: 'One delivery with its payload and every attempt' })
  delivery(@IdParam() id: string): Promise<WebhookDeliveryDetail> {
    return this.endpoints.delivery(id);
  }

  @Post(API_PATHS.webhooks.replay)
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver the same event again (same webhook-id)' })
  replay(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
  ): Promise<WebhookDeliverySummary> {
    return this.endpoints.replay(ctx, id);
  }
}
