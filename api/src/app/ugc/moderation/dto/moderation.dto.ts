import {
  BulkModerateRequest,
  MODERATION_ACTIONS,
  ModerateRequest,
  ModerationAction,
  UGC_MEDIA_TYPES,
  UGC_SUBMISSION_STATUSES,
  UgcExcerptRequest,
  UgcMediaType,
  UgcModerationQuery,
  UgcSubmissionStatus,
  UgcTagsRequest,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class ModerationQueryDto
  extends PageQueryDto
  implements UgcModerationQuery
{
  @ApiPropertyOptional({ enum: UGC_SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(UGC_SUBMISSION_STATUSES, {
    message: 'must be pending, approved or rejected',
  })
  status?: UgcSubmissionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'must be a campaign id' })
  campaignId?: string;

  @ApiPropertyOptional({
    description: 'Segment key of the snapshot taken at submission',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  segmentKey?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of stars' })
  @Min(1, { message: 'must be between 1 and 5' })
  @Max(5, { message: 'must be between 1 and 5' })
  rating?: number;

  @ApiPropertyOptional({ enum: UGC_MEDIA_TYPES })
  @IsOptional()
  @IsIn(UGC_MEDIA_TYPES, { message: 'must be text, image, video or social' })
  mediaType?: UgcMediaType;
}

export class ModerateDto implements ModerateRequest {
  @ApiProperty({ enum: MODERATION_ACTIONS })
  @IsIn(MODERATION_ACTIONS, {
    message: 'must be approve, reject, feature or unfeature',
  })
  action: ModerationAction;

  @ApiPropertyOptional({
    description: 'Required to reject; the submitter sees it',
  })
  @ValidateIf(
    (body: ModerateDto) =>
      body.action === 'reject' || body.reason !== undefined,
  )
  @MaxLength(500)
  @MinLength(3, { message: 'is required to reject (at least 3 characters)' })
  @IsString({ message: 'is required to reject' })
  reason?: string;
}

export class BulkModerateDto
  extends ModerateDto
  implements BulkModerateRequest
{
  @ApiProperty({ type: [String], maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one submission' })
  @ArrayMaxSize(100, { message: 'may hold at most 100 submissions' })
  @ArrayUnique()
  @IsUUID('4', { each: true, message: 'must be submission ids' })
  ids: string[];
}

export class TagsDto implements UgcTagsRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20, { message: 'may hold at most 20 tags' })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, {
    each: true,
    message: 'must be letters, digits, spaces, _ or - (up to 40)',
  })
  tags: string[];
}

export class ExcerptDto implements UgcExcerptRequest {
  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((body: ExcerptDto) => body.excerpt !== null)
  @IsString()
  @MinLength(1, { message: 'may not be empty; send null for the whole text' })
  @MaxLength(5000)
  excerpt: string | null;
}
