import {
  AudienceFilter,
  CreateOutreachSend,
  NPS_CATEGORIES_WITH_UNKNOWN,
  OUTREACH_MESSAGE_STATUSES,
  OutreachMessageStatus,
  SegmentNpsCategory,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class AudienceFilterDto implements AudienceFilter {
  @ApiProperty({
    enum: NPS_CATEGORIES_WITH_UNKNOWN,
    isArray: true,
    description: 'Empty: every category',
  })
  @IsArray({ message: 'must be a list' })
  @IsIn(NPS_CATEGORIES_WITH_UNKNOWN, {
    each: true,
    message: `each must be one of ${NPS_CATEGORIES_WITH_UNKNOWN.join(', ')}`,
  })
  npsCategories: SegmentNpsCategory[] = [];

  @ApiProperty({ type: [String], description: 'Empty: any segment' })
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(50, { message: 'must have at most 50 segments' })
  @IsString({ each: true })
  @MaxLength(64, { each: true, message: 'each must be at most 64 characters' })
  segmentKeys: string[] = [];

  @ApiProperty({
    type: [String],
    description: 'A hand-picked list; empty: everyone the filter matches',
  })
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(10000, { message: 'must have at most 10,000 customers' })
  @IsUUID('all', { each: true, message: 'each must be a UUID' })
  customerIds: string[] = [];
}

export class CreateSendDto implements CreateOutreachSend {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  templateId: string;

  @ApiProperty({ type: AudienceFilterDto })
  @ValidateNested()
  @Type(() => AudienceFilterDto)
  audience: AudienceFilterDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  surveyId?: string;

  @ApiPropertyOptional({
    description: 'ISO date-time in the future; omit to send now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  scheduledAt?: string;
}

export class AudienceCountDto {
  @ApiProperty({ type: AudienceFilterDto })
  @ValidateNested()
  @Type(() => AudienceFilterDto)
  audience: AudienceFilterDto;

  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  templateId: string;
}

export class MessagesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTREACH_MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(OUTREACH_MESSAGE_STATUSES, {
    message: `must be one of ${OUTREACH_MESSAGE_STATUSES.join(', ')}`,
  })
  status?: OutreachMessageStatus;
}
