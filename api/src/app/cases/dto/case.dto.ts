import {
  AddCaseNoteRequest,
  AssignCaseRequest,
  CASE_STATES,
  CaseListQuery,
  CaseState,
  CaseStatsQuery,
  MoveCaseRequest,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

const STATE_MESSAGE = { message: `must be one of ${CASE_STATES.join(', ')}` };
const ISO = { message: 'must be an ISO 8601 date' };

export class CaseListQueryDto extends PageQueryDto implements CaseListQuery {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES, STATE_MESSAGE)
  state?: CaseState;

  @ApiPropertyOptional({
    description: 'A user id, `me`, or `none` for unassigned',
  })
  @IsOptional()
  @Matches(
    /^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
    {
      message: 'must be me, none or a user id',
    },
  )
  owner?: string;

  @ApiPropertyOptional({ description: 'Only active cases past their due time' })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}

export class MoveCaseDto implements MoveCaseRequest {
  @ApiProperty({ enum: CASE_STATES })
  @IsIn(CASE_STATES, STATE_MESSAGE)
  state: CaseState;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class AssignCaseDto implements AssignCaseRequest {
  @ApiProperty({ nullable: true, format: 'uuid' })
  @ValidateIf((body: AssignCaseDto) => body.ownerId !== null)
  @IsUUID('all', { message: 'must be a user id or null' })
  ownerId: string | null;
}

export class AddCaseNoteDto implements AddCaseNoteRequest {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: 'is required' })
  @MaxLength(5000)
  body: string;
}

export class CaseStatsQueryDto implements CaseStatsQuery {
  @ApiPropertyOptional({
    description: 'ISO date-time; default 90 days before `to`',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, ISO)
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, exclusive; default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, ISO)
  to?: string;
}
