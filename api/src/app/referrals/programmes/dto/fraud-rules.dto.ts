import {
  FRAUD_RULE_MODES,
  FraudRuleMode,
  FraudRuleSettings,
} from '@advocacy/shared';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const modeMessage = `must be one of ${FRAUD_RULE_MODES.join(', ')}`;

export class FraudRuleModesDto {
  @ApiProperty({ enum: FRAUD_RULE_MODES })
  @IsIn(FRAUD_RULE_MODES, { message: modeMessage })
  self_referral: FraudRuleMode;

  @ApiProperty({ enum: FRAUD_RULE_MODES })
  @IsIn(FRAUD_RULE_MODES, { message: modeMessage })
  same_device: FraudRuleMode;

  @ApiProperty({ enum: FRAUD_RULE_MODES })
  @IsIn(FRAUD_RULE_MODES, { message: modeMessage })
  ip_and_agent: FraudRuleMode;

  @ApiProperty({ enum: FRAUD_RULE_MODES })
  @IsIn(FRAUD_RULE_MODES, { message: modeMessage })
  velocity: FraudRuleMode;

  @ApiProperty({ enum: FRAUD_RULE_MODES })
  @IsIn(FRAUD_RULE_MODES, { message: modeMessage })
  disposable_email: FraudRuleMode;
}

export class FraudRulesDto implements FraudRuleSettings {
  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000, { message: 'must be at most 10000' })
  velocityPerIpPerDay: number;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000, { message: 'must be at most 10000' })
  velocityPerAdvocatePerDay: number;

  @ApiProperty({ type: FraudRuleModesDto })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => FraudRuleModesDto)
  modes: FraudRuleModesDto;
}
