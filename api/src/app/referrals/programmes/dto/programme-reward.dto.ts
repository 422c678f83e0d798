import {
  PROGRAMME_CURRENCIES,
  ProgrammeCurrency,
  ProgrammeReward,
  REWARD_TYPES,
  RewardType,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class ProgrammeRewardDto implements ProgrammeReward {
  @ApiProperty({ enum: REWARD_TYPES })
  @IsIn(REWARD_TYPES, { message: `must be one of ${REWARD_TYPES.join(', ')}` })
  type: RewardType;

  @ApiProperty({
    description: 'Minor units for money, whole points for points',
  })
  @IsInt({ message: 'must be a whole number (minor units or points)' })
  @Min(0, { message: 'must be 0 or more' })
  @Max(100_000_000, { message: 'is too large' })
  amount: number;

  @ApiProperty({ enum: PROGRAMME_CURRENCIES })
  @IsIn(PROGRAMME_CURRENCIES, {
    message: `must be one of ${PROGRAMME_CURRENCIES.join(', ')}`,
  })
  currency: ProgrammeCurrency;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}
