import {
  AMBASSADOR_PROGRAMME_STATUSES,
  AmbassadorFormRequest,
  AmbassadorProgrammeRequest,
  AmbassadorProgrammeStatus,
  AutoApproveRules,
  DecisionTemplates,
  EligibilityRules,
  FORM_FIELD_TYPES,
  FormField,
  FormFieldType,
  SOCIAL_PLATFORMS,
  SocialPlatform,
  WAITLIST_ORDERS,
  WaitlistOrder,
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

const NPS_CATEGORIES = ['promoter', 'passive', 'detractor'] as const;

export class EligibilityDto implements EligibilityRules {
  @ApiProperty({ type: [String], description: 'Segment keys; empty = any' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  segments: string[];

  @ApiProperty({ enum: NPS_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(NPS_CATEGORIES, {
    each: true,
    message: 'must be promoter, passive or detractor',
  })
  npsCategories: ('promoter' | 'passive' | 'detractor')[];

  @ApiProperty({ minimum: 0, maximum: 1000 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be 0 or more' })
  @Max(1000, { message: 'must be at most 1000' })
  minQualifiedReferrals: number;

  @ApiProperty({ nullable: true, minimum: 0, maximum: 10 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 10' })
  @Max(10, { message: 'must be between 0 and 10' })
  minNps: number | null;

  @ApiProperty({ minimum: 0, maximum: 3650 })
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0, { message: 'must be between 0 and 3650 days' })
  @Max(3650, { message: 'must be between 0 and 3650 days' })
  minCustomerDays: number;
}

export class AutoApproveDto implements AutoApproveRules {
  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  enabled: boolean;

  @ApiProperty({ minimum: 0, maximum: 150 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 150' })
  @Max(150, { message: 'must be between 0 and 150' })
  minScore: number;
}

export class DecisionTemplatesDto implements DecisionTemplates {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  approved: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  rejected: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  waitlisted: string;
}

export class AmbassadorProgrammeDto implements AmbassadorProgrammeRequest {
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

  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  description: string;

  @ApiProperty({ enum: AMBASSADOR_PROGRAMME_STATUSES })
  @IsIn(AMBASSADOR_PROGRAMME_STATUSES, {
    message: 'must be draft, open or closed',
  })
  status: AmbassadorProgrammeStatus;

  @ApiProperty({ nullable: true, minimum: 1 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1, or empty for no limit' })
  @Max(1_000_000, { message: 'is too large' })
  capacity: number | null;

  @ApiProperty({ enum: WAITLIST_ORDERS })
  @IsIn(WAITLIST_ORDERS, { message: 'must be first_come or score' })
  waitlistOrder: WaitlistOrder;

  @ApiProperty({ type: EligibilityDto })
  @IsObject({ message: 'is required' })
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility: EligibilityDto;

  @ApiProperty({ type: AutoApproveDto })
  @IsObject({ message: 'is required' })
  @ValidateNested()
  @Type(() => AutoApproveDto)
  autoApprove: AutoApproveDto;

  @ApiProperty({ nullable: true, description: 'Null = never reapply' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0, { message: 'must be between 0 and 3650 days' })
  @Max(3650, { message: 'must be between 0 and 3650 days' })
  reapplyCooldownDays: number | null;

  @ApiProperty({ type: DecisionTemplatesDto })
  @IsObject({ message: 'is required' })
  @ValidateNested()
  @Type(() => DecisionTemplatesDto)
  decisionTemplates: DecisionTemplatesDto;
}

export class FormFieldDto implements FormField {
  @ApiProperty()
  @IsString()
  key: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  @IsIn(FORM_FIELD_TYPES, {
    message: `must be one of ${FORM_FIELD_TYPES.join(', ')}`,
  })
  type: FormFieldType;

  @ApiProperty()
  @IsString()
  @MaxLength(300)
  label: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  help?: string | null;

  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  required: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  options?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(5000, { message: 'must be at most 5000' })
  maxLength?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  min?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  max?: number | null;

  @ApiPropertyOptional({ enum: SOCIAL_PLATFORMS, nullable: true })
  @IsOptional()
  @IsIn(SOCIAL_PLATFORMS, {
    message: `must be one of ${SOCIAL_PLATFORMS.join(', ')}`,
  })
  platform?: SocialPlatform | null;
}

export class AmbassadorFormDto implements AmbassadorFormRequest {
  @ApiProperty({ type: [FormFieldDto] })
  @IsArray({ message: 'must be a list of questions' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  fields: FormFieldDto[];
}
