import {
  CONSENT_SCOPES,
  ConsentScope,
  DISPLAY_NAME_CHOICES,
  DisplayNameChoice,
  UGC_TEXT_MAX,
  UgcSubmissionFields,
} from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

/** The text fields of a multipart submission; `images` travel beside them as files. */
export class SubmissionFieldsDto implements UgcSubmissionFields {
  @IsOptional()
  @IsUUID('4', { message: 'must be a campaign id' })
  campaignId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(UGC_TEXT_MAX, {
    message: `must be at most ${UGC_TEXT_MAX} characters`,
  })
  text?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of stars' })
  @Min(1, { message: 'must be between 1 and 5 stars' })
  @Max(5, { message: 'must be between 1 and 5 stars' })
  rating?: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  videoUrl?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  socialUrl?: string;

  @IsArray({ message: 'choose at least one place we may show it' })
  @ArrayMinSize(1, { message: 'choose at least one place we may show it' })
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, {
    each: true,
    message: 'must be website, social or ads',
  })
  consentScopes: ConsentScope[];

  @IsIn(DISPLAY_NAME_CHOICES, {
    message: 'must be full, first_initial or anonymous',
  })
  displayName: DisplayNameChoice;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date' })
  consentExpiresAt?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name?: string;

  @IsOptional()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email?: string;
}

export class MySubmissionsQueryDto extends PageQueryDto {}

/** Documents the multipart body for the OpenAPI page. */
export class SubmissionFormDoc {
  @ApiPropertyOptional({ format: 'uuid' }) campaignId?: string;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) rating?: number;
  @ApiPropertyOptional() videoUrl?: string;
  @ApiPropertyOptional() socialUrl?: string;
  @ApiPropertyOptional({ type: [String], enum: CONSENT_SCOPES })
  consentScopes?: ConsentScope[];
  @ApiPropertyOptional({ enum: DISPLAY_NAME_CHOICES })
  displayName?: DisplayNameChoice;
  @ApiPropertyOptional() consentExpiresAt?: string;
  @ApiPropertyOptional({ description: 'Public link only' }) name?: string;
  @ApiPropertyOptional({ description: 'Public link only' }) email?: string;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'binary' },
    description: 'JPEG, PNG or WebP, up to 4',
  })
  images?: unknown[];
}
