import {
  REWARD_TYPES,
  RewardTierBonus,
  RewardTierRequest,
  RewardType,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class RewardTierBonusDto implements RewardTierBonus {
  @ApiProperty({ enum: REWARD_TYPES })
  @IsIn(REWARD_TYPES, { message: `must be one of ${REWARD_TYPES.join(', ')}` })
  type: RewardType;

  @ApiProperty({
    description: 'Minor units for money, whole points for points',
  })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000_000)
  amount: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 3, { message: 'must be a 3-letter currency code' })
  currency: string | null = null;
}

export class RewardTierDto implements RewardTierRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(80)
  name: string;

  @ApiProperty({
    description: 'Higher ranks are better tiers; unique per programme',
  })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100)
  rank: number;

  @ApiProperty()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be zero or more' })
  @Max(1_000_000)
  minQualifiedReferrals: number;

  @ApiPropertyOptional({ nullable: true, description: '0–1' })
  @IsOptional()
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 1' })
  @Max(1, { message: 'must be between 0 and 1' })
  maxRefundRate: number | null = null;

  @ApiPropertyOptional({ nullable: true, description: '0–1' })
  @IsOptional()
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 1' })
  @Max(1, { message: 'must be between 0 and 1' })
  minRepeatPurchaseShare: number | null = null;

  @ApiPropertyOptional({ nullable: true, description: '0–10' })
  @IsOptional()
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 10' })
  @Max(10, { message: 'must be between 0 and 10' })
  minFriendAverageNps: number | null = null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be at least 1 day' })
  @Max(3650)
  windowDays: number | null = null;

  @ApiPropertyOptional({ type: RewardTierBonusDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RewardTierBonusDto)
  bonus: RewardTierBonusDto | null = null;

  @ApiProperty({ enum: ['keep', 'recompute'] })
  @IsIn(['keep', 'recompute'], { message: 'must be keep or recompute' })
  downgrade: 'keep' | 'recompute';
}
