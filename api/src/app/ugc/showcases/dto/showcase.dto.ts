import {
  CONSENT_SCOPES,
  ConsentScope,
  UgcShowcaseRequest,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class ShowcaseDto implements UgcShowcaseRequest {
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ enum: CONSENT_SCOPES })
  @IsIn(CONSENT_SCOPES, { message: 'must be website, social or ads' })
  scope: ConsentScope;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  published?: boolean;

  @ApiProperty({
    type: [String],
    description: 'Submission ids in display order',
  })
  @IsArray()
  @ArrayMaxSize(200, { message: 'may hold at most 200 items' })
  @ArrayUnique({ message: 'may not list a submission twice' })
  @IsUUID('4', { each: true, message: 'must be submission ids' })
  submissionIds: string[];
}

export class ShowcaseListQueryDto extends PageQueryDto {}

export class MediaQueryDto {
  @ApiPropertyOptional({ enum: ['full', 'thumb'] })
  @IsOptional()
  @IsIn(['full', 'thumb'], { message: 'must be full or thumb' })
  v?: 'full' | 'thumb';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  exp?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sig?: string;
}
