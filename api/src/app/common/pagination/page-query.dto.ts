import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page } from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @IsInt({ message: 'must be a whole number' })
  page = 1;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE)
  @Min(1)
  @IsInt({ message: 'must be a whole number' })
  pageSize = DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export function toPage<T>(
  items: T[],
  total: number,
  query: PageQueryDto,
): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
