import {
  ANALYTICS_INTERVALS,
  AnalyticsInterval,
  AnalyticsQuery,
  SEGMENT_KEY_PATTERN,
} from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  Matches,
  MaxLength,
} from 'class-validator';

const ISO = { message: 'must be an ISO 8601 date' };

export class AnalyticsQueryDto implements AnalyticsQuery {
  @ApiPropertyOptional({ enum: ANALYTICS_INTERVALS, default: 'month' })
  @IsOptional()
  @IsIn(ANALYTICS_INTERVALS, {
    message: `must be one of ${ANALYTICS_INTERVALS.join(', ')}`,
  })
  interval?: AnalyticsInterval;

  @ApiPropertyOptional({
    description: 'ISO date-time; default 12 months (or 26 weeks) before `to`',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, ISO)
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, exclusive; default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, ISO)
  to?: string;

  @ApiPropertyOptional({ description: 'Current segment key' })
  @IsOptional()
  @MaxLength(40)
  @Matches(SEGMENT_KEY_PATTERN, {
    message: 'must be a segment key such as at-risk',
  })
  segment?: string;
}
