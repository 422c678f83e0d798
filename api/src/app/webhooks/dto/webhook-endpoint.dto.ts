import {
  CreateWebhookEndpointRequest,
  RotateWebhookSecretRequest,
  UpdateWebhookEndpointRequest,
  WEBHOOK_DELIVERY_STATES,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryQuery,
  WebhookDeliveryState,
  WebhookEventType,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

const EVENT_MESSAGE = {
  each: true,
  message: `must only contain ${WEBHOOK_EVENT_TYPES.join(', ')}`,
};

export class CreateWebhookEndpointDto implements CreateWebhookEndpointRequest {
  @ApiProperty({ example: 'https://hooks.example.com/advocacy' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'must include at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, EVENT_MESSAGE)
  events: WebhookEventType[];
}

export class UpdateWebhookEndpointDto implements UpdateWebhookEndpointRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must include at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, EVENT_MESSAGE)
  events?: WebhookEventType[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}

export class RotateWebhookSecretDto implements RotateWebhookSecretRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: 168, default: 24 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 168 hours' })
  @Max(168, { message: 'must be between 0 and 168 hours' })
  graceHours?: number;
}

export class WebhookDeliveryQueryDto
  extends PageQueryDto
  implements WebhookDeliveryQuery
{
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATES, {
    message: `must be one of ${WEBHOOK_DELIVERY_STATES.join(', ')}`,
  })
  state?: WebhookDeliveryState;
}
