import {
  PROGRAMME_CURRENCIES,
  UGC_CAMPAIGN_STATUSES,
  UGC_REWARD_TYPES,
  UgcCampaignRequest,
  UgcCampaignReward,
  UgcCampaignStatus,
  UgcRewardType,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class CampaignRewardDto implements UgcCampaignReward {
  @ApiProperty({ enum: UGC_REWARD_TYPES })
  @IsIn(UGC_REWARD_TYPES, {
    message: `must be one of ${UGC_REWARD_TYPES.join(', ')}`,
  })
  type: UgcRewardType;

  @ApiProperty({ nullable: true })
  @ValidateIf((reward: CampaignRewardDto) => reward.type !== 'perk')
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000_000, { message: 'is too large' })
  amount: number | null;

  @ApiProperty({ nullable: true, enum: PROGRAMME_CURRENCIES })
  @ValidateIf(
    (reward: CampaignRewardDto) =>
      reward.type !== 'points' && reward.type !== 'perk',
  )
  @IsIn(PROGRAMME_CURRENCIES, {
    message: `must be one of ${PROGRAMME_CURRENCIES.join(', ')}`,
  })
  currency: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiProperty({ minimum: 0, maximum: 365 })
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0, { message: 'must be between 0 and 365 days' })
  @Max(365, { message: 'must be between 0 and 365 days' })
  holdDays: number;
}

export class CampaignDto implements UgcCampaignRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(4000)
  guidelines: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'may not be empty' })
  @MaxLength(300, { each: true })
  prompts?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(/^#?[\p{L}\p{N}_]{1,50}$/u, {
    each: true,
    message: 'must be letters, digits or underscores (one word each)',
  })
  hashtags?: string[];

  @ApiProperty({ description: 'ISO 8601' })
  @IsISO8601({ strict: true }, { message: 'must be a date' })
  startsAt: string;

  @ApiPropertyOptional({ nullable: true, description: 'ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date' })
  endsAt?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  eligibleSegments?: string[];

  @ApiPropertyOptional({ type: CampaignRewardDto, nullable: true })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => CampaignRewardDto)
  reward?: CampaignRewardDto | null;

  @ApiPropertyOptional({ enum: UGC_CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(UGC_CAMPAIGN_STATUSES, {
    message: 'must be draft, active or closed',
  })
  status?: UgcCampaignStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  publicLinkEnabled?: boolean;
}

export class CampaignListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UGC_CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(UGC_CAMPAIGN_STATUSES, {
    message: 'must be draft, active or closed',
  })
  status?: UgcCampaignStatus;
}
