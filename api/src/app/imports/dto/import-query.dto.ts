import { IMPORT_KINDS, ImportKindName, ImportQuery } from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class ListImportsQueryDto extends PageQueryDto implements ImportQuery {
  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS, { message: 'must be customers or responses' })
  kind?: ImportKindName;
}

export class UploadImportQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS, { message: 'must be customers or responses' })
  kind: ImportKindName;
}
