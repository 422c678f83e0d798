import {
  REFERRAL_REASONS,
  REFERRAL_STATUSES,
  ReferralDecisionRequest,
  ReferralListQuery,
  ReferralReason,
  ReferralStatus,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

const REASONS = Object.keys(REFERRAL_REASONS) as ReferralReason[];

export class ReferralListQueryDto
  extends PageQueryDto
  implements ReferralListQuery
{
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES, {
    message: `must be one of ${REFERRAL_STATUSES.join(', ')}`,
  })
  status?: ReferralStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  segmentKey?: string;

  @ApiPropertyOptional({ enum: REASONS })
  @IsOptional()
  @IsIn(REASONS, { message: 'is not a known reason' })
  reasonCode?: ReferralReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId?: string;
}

export class ReferralStatsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a programme id' })
  programmeId?: string;
}

export class ApproveReferralDto implements ReferralDecisionRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RejectReferralDto implements ReferralDecisionRequest {
  @ApiProperty()
  @MaxLength(2000)
  @MinLength(1, { message: 'is required' })
  @IsString({ message: 'is required' })
  note: string;
}
