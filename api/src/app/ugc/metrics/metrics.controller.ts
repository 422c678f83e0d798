import { API_PATHS, UgcMetrics } from '@advocacy/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '../../common/access';
import { UgcMetricsService } from './metrics.service';

export class MetricsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 52, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of weeks' })
  @Min(1, { message: 'must be between 1 and 52 weeks' })
  @Max(52, { message: 'must be between 1 and 52 weeks' })
  weeks = 12;
}

@ApiTags('ugc')
@Controller()
export class UgcMetricsController {
  constructor(private readonly metrics: UgcMetricsService) {}

  @Get(API_PATHS.ugc.metrics)
  @Roles('admin', 'manager', 'brand')
  @ApiOperation({
    summary:
      'UGC submissions per week, approval rate and review velocity by segment',
  })
  get(@Query() query: MetricsQueryDto): Promise<UgcMetrics> {
    return this.metrics.metrics(query.weeks);
  }
}
