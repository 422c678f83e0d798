import { CreateCustomerRequest, UpdateCustomerRequest } from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateCustomerDto implements CreateCustomerRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  externalId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  purchaseCount?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 2 },
    { message: 'must be an amount with at most 2 decimals' },
  )
  @Min(0)
  @Max(999_999_999_999)
  purchaseValue?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date' })
  firstPurchaseAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date' })
  lastPurchaseAt?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  consentEmail?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  consentMarketing?: boolean;
}

export class UpdateCustomerDto
  extends PartialType(CreateCustomerDto)
  implements UpdateCustomerRequest {}
