import {
  ADVOCACY_LEVELS,
  AdvocacyLevel,
  NamedSegmentRule,
  NPS_CATEGORIES_WITH_UNKNOWN,
  SEGMENT_DROP_POINTS,
  SEGMENT_MAX_COUNT,
  SEGMENT_NAME_MAX,
  SEGMENT_REPEAT_PURCHASES,
  SEGMENT_WINDOW_DAYS,
  SegmentNpsCategory,
  SegmentRules,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const between = (range: { min: number; max: number }) => ({
  message: `must be a whole number from ${range.min} to ${range.max}`,
});
const WINDOW = between(SEGMENT_WINDOW_DAYS).message;
const DROP = between(SEGMENT_DROP_POINTS);
const REPEAT = between(SEGMENT_REPEAT_PURCHASES);

export class NamedSegmentRuleDto implements NamedSegmentRule {
  @ApiProperty({ example: 'champions' })
  @IsString()
  key: string;

  @ApiProperty({ maxLength: SEGMENT_NAME_MAX })
  @IsString()
  name: string;

  @ApiPropertyOptional({ enum: NPS_CATEGORIES_WITH_UNKNOWN, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(NPS_CATEGORIES_WITH_UNKNOWN, {
    each: true,
    message: `each must be one of ${NPS_CATEGORIES_WITH_UNKNOWN.join(', ')}`,
  })
  npsCategories?: SegmentNpsCategory[];

  @ApiPropertyOptional({ enum: ADVOCACY_LEVELS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(ADVOCACY_LEVELS, {
    each: true,
    message: `each must be one of ${ADVOCACY_LEVELS.join(', ')}`,
  })
  advocacyLevels?: AdvocacyLevel[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  churnRisk?: boolean;
}

/** Shape and ranges here; cross-field rules (unique keys, catch-all last) in `segmentRulesProblems`. */
export class SegmentRulesDto implements SegmentRules {
  @ApiProperty({
    minimum: SEGMENT_WINDOW_DAYS.min,
    maximum: SEGMENT_WINDOW_DAYS.max,
  })
  @IsInt({ message: WINDOW })
  @Min(SEGMENT_WINDOW_DAYS.min, { message: WINDOW })
  @Max(SEGMENT_WINDOW_DAYS.max, { message: WINDOW })
  npsWindowDays: number;

  @ApiProperty({
    minimum: SEGMENT_WINDOW_DAYS.min,
    maximum: SEGMENT_WINDOW_DAYS.max,
  })
  @IsInt({ message: WINDOW })
  @Min(SEGMENT_WINDOW_DAYS.min, { message: WINDOW })
  @Max(SEGMENT_WINDOW_DAYS.max, { message: WINDOW })
  activeWindowDays: number;

  @ApiProperty({
    minimum: SEGMENT_WINDOW_DAYS.min,
    maximum: SEGMENT_WINDOW_DAYS.max,
  })
  @IsInt({ message: WINDOW })
  @Min(SEGMENT_WINDOW_DAYS.min, { message: WINDOW })
  @Max(SEGMENT_WINDOW_DAYS.max, { message: WINDOW })
  churnInactiveDays: number;

  @ApiProperty({
    minimum: SEGMENT_REPEAT_PURCHASES.min,
    maximum: SEGMENT_REPEAT_PURCHASES.max,
  })
  @IsInt(REPEAT)
  @Min(SEGMENT_REPEAT_PURCHASES.min, REPEAT)
  @Max(SEGMENT_REPEAT_PURCHASES.max, REPEAT)
  repeatPurchaseMin: number;

  @ApiProperty({
    minimum: SEGMENT_DROP_POINTS.min,
    maximum: SEGMENT_DROP_POINTS.max,
  })
  @IsInt(DROP)
  @Min(SEGMENT_DROP_POINTS.min, DROP)
  @Max(SEGMENT_DROP_POINTS.max, DROP)
  npsDropPoints: number;

  @ApiProperty({ type: [NamedSegmentRuleDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one segment' })
  @ArrayMaxSize(SEGMENT_MAX_COUNT, {
    message: `allows at most ${SEGMENT_MAX_COUNT} segments`,
  })
  @ValidateNested({ each: true })
  @Type(() => NamedSegmentRuleDto)
  segments: NamedSegmentRuleDto[];
}
