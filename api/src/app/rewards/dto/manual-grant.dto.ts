import { ManualGrantRequest, REWARD_TYPES, RewardType } from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class ManualGrantDto implements ManualGrantRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a customer id' })
  customerId: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId: string | null = null;

  @ApiProperty({ enum: REWARD_TYPES })
  @IsIn(REWARD_TYPES, { message: `must be one of ${REWARD_TYPES.join(', ')}` })
  type: RewardType;

  @ApiProperty({
    description: 'Minor units for money, whole points for points',
  })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(100_000_000)
  amount: number;

  @ApiPropertyOptional({ nullable: true, example: 'USD' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code' })
  currency: string | null = null;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(365)
  holdDays = 0;

  @ApiProperty()
  @IsString()
  @MinLength(3, { message: 'must say why, in a few words' })
  @MaxLength(500)
  reason: string;
}
