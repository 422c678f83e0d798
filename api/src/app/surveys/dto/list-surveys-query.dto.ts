import { SURVEY_KINDS, SurveyKindName, SurveyQuery } from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class ListSurveysQueryDto extends PageQueryDto implements SurveyQuery {
  @ApiPropertyOptional({ enum: SURVEY_KINDS })
  @IsOptional()
  @IsIn(SURVEY_KINDS, { message: 'must be nps or csat' })
  kind?: SurveyKindName;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}
