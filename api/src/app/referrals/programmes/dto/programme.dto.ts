import {
  ATTRIBUTION_MODELS,
  AttributionModelName,
  PROGRAMME_CURRENCIES,
  PROGRAMME_STATUSES,
  ProgrammeCurrency,
  ProgrammeListQuery,
  ProgrammeRequest,
  ProgrammeStatusName,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { FraudRulesDto } from './fraud-rules.dto';
import { ProgrammeRewardDto } from './programme-reward.dto';

export class ProgrammeDto implements ProgrammeRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ description: 'Lower-case letters, digits and hyphens' })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    message: 'must be lower-case letters, digits and hyphens (max 64)',
  })
  slug: string;

  @ApiProperty({ description: 'Absolute http(s) URL without credentials' })
  @IsString()
  @MaxLength(2000)
  landingUrl: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 365 days' })
  @Max(365, { message: 'must be between 1 and 365 days' })
  attributionWindowDays?: number;

  @ApiPropertyOptional({ enum: ATTRIBUTION_MODELS })
  @IsOptional()
  @IsIn(ATTRIBUTION_MODELS, { message: 'must be first_click or last_click' })
  attributionModel?: AttributionModelName;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  eligibleSegments?: string[];

  @ApiProperty({ type: ProgrammeRewardDto })
  @IsObject({ message: 'is required' })
  @ValidateNested()
  @Type(() => ProgrammeRewardDto)
  referrerReward: ProgrammeRewardDto;

  @ApiPropertyOptional({ type: ProgrammeRewardDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammeRewardDto)
  friendReward?: ProgrammeRewardDto | null;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of minor units' })
  @Min(0, { message: 'must be 0 or more' })
  @Max(100_000_000, { message: 'is too large' })
  minPurchaseMinor?: number;

  @ApiPropertyOptional({ enum: PROGRAMME_CURRENCIES })
  @IsOptional()
  @IsIn(PROGRAMME_CURRENCIES, {
    message: `must be one of ${PROGRAMME_CURRENCIES.join(', ')}`,
  })
  currency?: ProgrammeCurrency;

  @ApiPropertyOptional({ minimum: 0, maximum: 365, default: 30 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0, { message: 'must be between 0 and 365 days' })
  @Max(365, { message: 'must be between 0 and 365 days' })
  holdDays?: number;

  @ApiPropertyOptional({ type: FraudRulesDto })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => FraudRulesDto)
  fraudRules?: FraudRulesDto;
}

export class ProgrammeListQueryDto
  extends PageQueryDto
  implements ProgrammeListQuery
{
  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES, {
    message: `must be one of ${PROGRAMME_STATUSES.join(', ')}`,
  })
  status?: ProgrammeStatusName;
}
