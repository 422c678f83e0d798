import {
  BUDGET_PERIODS,
  BudgetPeriod,
  ProgrammeLimitsRequest,
  RewardBudgetLimit,
  RewardCapLimit,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const MAX_MINOR = 1_000_000_000_000;

export class BudgetLimitDto implements RewardBudgetLimit {
  @ApiProperty({ enum: BUDGET_PERIODS })
  @IsIn(BUDGET_PERIODS, {
    message: `must be one of ${BUDGET_PERIODS.join(', ')}`,
  })
  period: BudgetPeriod;

  @ApiProperty({ description: 'Money limit in minor units (cents)' })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_MINOR)
  limitMinor: number;
}

export class CapLimitDto implements RewardCapLimit {
  @ApiProperty({ enum: BUDGET_PERIODS })
  @IsIn(BUDGET_PERIODS, {
    message: `must be one of ${BUDGET_PERIODS.join(', ')}`,
  })
  period: BudgetPeriod;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  maxCount: number | null = null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_MINOR)
  maxAmountMinor: number | null = null;
}

export class ProgrammeLimitsDto implements ProgrammeLimitsRequest {
  @ApiProperty({ type: [BudgetLimitDto] })
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => BudgetLimitDto)
  budgets: BudgetLimitDto[];

  @ApiProperty({ type: [CapLimitDto] })
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => CapLimitDto)
  caps: CapLimitDto[];

  @ApiPropertyOptional({
    description:
      'Smallest available money balance, in cents, that may be claimed',
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0, { message: 'must be zero or more' })
  @Max(MAX_MINOR)
  minClaimMinor?: number;
}
