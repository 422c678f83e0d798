import {
  CreateCouponPoolRequest,
  ImportCouponsRequest,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const MAX_CODES_PER_IMPORT = 50_000;

export class CreateCouponPoolDto implements CreateCouponPoolRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string | null = null;

  @ApiProperty({ description: 'Warn when fewer unused codes remain' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  lowThreshold: number;
}

export class ImportCouponsDto implements ImportCouponsRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one code' })
  @ArrayMaxSize(MAX_CODES_PER_IMPORT)
  @IsString({ each: true, message: 'each code must be text' })
  @MinLength(1, { each: true, message: 'codes must not be empty' })
  @MaxLength(120, {
    each: true,
    message: 'codes must be at most 120 characters',
  })
  codes: string[];
}
