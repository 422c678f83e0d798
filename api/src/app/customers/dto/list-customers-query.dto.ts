import { CUSTOMER_SORTS, CustomerQuery, CustomerSort } from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class ListCustomersQueryDto
  extends PageQueryDto
  implements CustomerQuery
{
  @ApiPropertyOptional({ description: 'Part of a name, email or external id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Current segment key, e.g. promoters' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'must be a segment key' })
  segment?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(CUSTOMER_SORTS, {
    message: `must be one of ${CUSTOMER_SORTS.join(', ')}`,
  })
  sort?: CustomerSort;
}
