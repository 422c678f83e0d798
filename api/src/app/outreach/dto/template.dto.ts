import {
  OUTREACH_PURPOSES,
  OutreachPurpose,
  OutreachTemplateInput,
  TEMPLATE_AUDIENCES,
  TemplateAudience,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class OutreachTemplateDto implements OutreachTemplateInput {
  @ApiProperty({ maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  name: string;

  @ApiProperty({ enum: OUTREACH_PURPOSES })
  @IsIn(OUTREACH_PURPOSES, {
    message: `must be one of ${OUTREACH_PURPOSES.join(', ')}`,
  })
  purpose: OutreachPurpose;

  @ApiProperty({ enum: TEMPLATE_AUDIENCES })
  @IsIn(TEMPLATE_AUDIENCES, {
    message: `must be one of ${TEMPLATE_AUDIENCES.join(', ')}`,
  })
  audience: TemplateAudience;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  subject: string;

  @ApiProperty({
    maxLength: 20000,
    description: 'Plain text with {{variables}}',
  })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(20000, { message: 'must be at most 20,000 characters' })
  body: string;
}

export class ListTemplatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTREACH_PURPOSES })
  @IsOptional()
  @IsIn(OUTREACH_PURPOSES, {
    message: `must be one of ${OUTREACH_PURPOSES.join(', ')}`,
  })
  purpose?: OutreachPurpose;

  @ApiPropertyOptional({ description: 'Include archived templates' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  archived?: boolean;
}

export class PreviewDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  subject: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20000, { message: 'must be at most 20,000 characters' })
  body: string;

  @ApiPropertyOptional({
    description: 'Render with this customer’s real values',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  customerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  surveyId?: string;
}
