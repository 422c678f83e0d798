import {
  PERK_KINDS,
  PerkCodesRequest,
  PerkKind,
  PerkRequest,
  PerkReward,
  TrainingModuleRequest,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class PerkRewardDto implements PerkReward {
  @ApiProperty({ enum: ['points', 'store_credit'] })
  @IsIn(['points', 'store_credit'], {
    message: 'must be points or store_credit',
  })
  type: 'points' | 'store_credit';

  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000_000, { message: 'is too large' })
  amount: number;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  currency: string | null;
}

export class PerkDto implements PerkRequest {
  @ApiProperty({ enum: PERK_KINDS })
  @IsIn(PERK_KINDS, { message: 'must be code, early_access or reward' })
  kind: PerkKind;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO date' })
  startsAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO date' })
  endsAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  link?: string | null;

  @ApiPropertyOptional({ type: PerkRewardDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PerkRewardDto)
  reward?: PerkRewardDto | null;
}

export class PerkCodesDto implements PerkCodesRequest {
  @ApiProperty({
    description: 'Codes separated by new lines, commas or semicolons',
  })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500_000, {
    message: 'is too long; import at most 500,000 characters at once',
  })
  codes: string;
}

export class TrainingModuleDto implements TrainingModuleRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(160)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  summary: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(20_000)
  content: string;

  @ApiProperty({ minimum: 1, maximum: 600 })
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1, { message: 'must be between 1 and 600 minutes' })
  @Max(600, { message: 'must be between 1 and 600 minutes' })
  estimatedMinutes: number;
}
