import {
  CONVERSION_EVENT_TYPES,
  ConversionEventRequest,
  ConversionEventType,
  EVENT_CURRENCIES,
  EventCurrency,
  EventCustomer,
  MAX_EVENT_AMOUNT_MINOR,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class EventCustomerDto implements EventCustomer {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  externalId?: string;

  @ApiProperty()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

const needsMoney = (event: ConversionEventDto) => event.type !== 'signup';

export class ConversionEventDto implements ConversionEventRequest {
  @ApiProperty({ description: 'Event id; the idempotency key' })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,200}$/, {
    message: 'must be 1-200 visible ASCII characters',
  })
  id: string;

  @ApiProperty({ enum: CONVERSION_EVENT_TYPES })
  @IsIn(CONVERSION_EVENT_TYPES, {
    message: `must be one of ${CONVERSION_EVENT_TYPES.join(', ')}`,
  })
  type: ConversionEventType;

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date' })
  occurredAt: string;

  @ApiProperty({ type: EventCustomerDto })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => EventCustomerDto)
  customer: EventCustomerDto;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_EVENT_AMOUNT_MINOR })
  @ValidateIf(
    (event: ConversionEventDto) =>
      needsMoney(event) || event.amountMinor !== undefined,
  )
  @IsInt({ message: 'must be a whole number of minor units' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_EVENT_AMOUNT_MINOR, {
    message: `must be at most ${MAX_EVENT_AMOUNT_MINOR}`,
  })
  amountMinor?: number;

  @ApiPropertyOptional({ enum: EVENT_CURRENCIES })
  @ValidateIf(
    (event: ConversionEventDto) =>
      needsMoney(event) || event.currency !== undefined,
  )
  @IsIn(EVENT_CURRENCIES, { message: 'must be a supported ISO 4217 code' })
  currency?: EventCurrency;

  @ApiPropertyOptional()
  @ValidateIf(
    (event: ConversionEventDto) =>
      needsMoney(event) || event.orderId !== undefined,
  )
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  orderId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a click id from the share link' })
  clickId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  referrerEmail?: string;
}
