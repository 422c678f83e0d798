import { SEGMENT_KEY_PATTERN, VerbatimQuery } from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

const SCORE = { message: 'must be a whole number from 0 to 10' };
const ISO = { message: 'must be an ISO 8601 date' };

export class VerbatimQueryDto extends PageQueryDto implements VerbatimQuery {
  @ApiPropertyOptional({ description: 'Current segment key' })
  @IsOptional()
  @MaxLength(40)
  @Matches(SEGMENT_KEY_PATTERN, {
    message: 'must be a segment key such as at-risk',
  })
  segment?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(SCORE)
  @Min(0, SCORE)
  @Max(10, SCORE)
  minScore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(SCORE)
  @Min(0, SCORE)
  @Max(10, SCORE)
  maxScore?: number;

  @ApiPropertyOptional({ enum: ['nps', 'csat'], default: 'nps' })
  @IsOptional()
  @IsIn(['nps', 'csat'], { message: 'must be nps or csat' })
  kind?: 'nps' | 'csat';

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, ISO)
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, ISO)
  to?: string;
}
