import { SegmentMovementQuery } from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class SegmentMovementQueryDto implements SegmentMovementQuery {
  @ApiPropertyOptional({
    description: 'ISO date-time; default 30 days before `to`',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date-time; default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date' })
  to?: string;
}
