import {
  CreateSurveyRequest,
  SURVEY_KINDS,
  SurveyKindName,
  UpdateSurveyRequest,
} from '@advocacy/shared';
import {
  ApiProperty,
  ApiPropertyOptional,
  OmitType,
  PartialType,
} from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateSurveyDto implements CreateSurveyRequest {
  @ApiProperty({ enum: SURVEY_KINDS })
  @IsIn(SURVEY_KINDS, { message: 'must be nps or csat' })
  kind: SurveyKindName;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @ApiProperty()
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(300)
  question: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Asked after a score of 9–10',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  followUpPromoter?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Asked after 7–8 (NPS), or after any score (CSAT)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  followUpPassive?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Asked after 0–6' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  followUpDetractor?: string | null;

  @ApiPropertyOptional({
    default: 90,
    description: 'Nobody is asked again within this many days',
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(730)
  throttleDays?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateSurveyDto
  extends PartialType(OmitType(CreateSurveyDto, ['kind'] as const))
  implements UpdateSurveyRequest {}
